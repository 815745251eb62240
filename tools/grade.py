"""Grade a class: execute every submitted exercise-edition notebook headless and tabulate its exercises.

    python -m tools.grade SUBMISSIONS [--out build/grades] [--cell-timeout 120] [--notebook-timeout 900]

Every file under SUBMISSIONS is one submission (``alice.ipynb``, ``alice/ch02_supervised_learning.ipynb``, …).
Each is run on its own, one at a time, in a fresh kernel, with a per-cell and a per-notebook time limit, its
working folder inside the output folder. Afterwards a grading cell that the student never saw checks each
exercise again with a freshly loaded copy of the course's checker, so redefining ``udl.check`` or printing a
fake ✔ line earns nothing; the check calls themselves are compared with the course's exercise edition. A
submission that hangs, kills its kernel, deletes its cells, edits a check call or is not a notebook at all is
reported as such, and grading goes on with the next one.

Writes ``grades.csv`` (one row per submission: each exercise correct, wrong, not attempted, missing,
check edited, timed out or crashed, and the claims that held), ``claims.csv`` (every claim's outcome), the
executed notebooks under ``executed/`` and nothing outside the output folder.

**This runs the students' code.** Run it in a throw-away container or virtual machine with no credentials and
no network, for example ``docker run --rm --network none -v "$PWD:/course" -w /course IMAGE make grade ...``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tools.notebooks import source
from udlcourse.progress import CHECK_CALL

ROOT = Path(__file__).resolve().parent.parent
CHECK_ASSIGNMENT = re.compile(
    r"""^\s*(\w+)\s*=\s*udl\.check\(\s*["'](\d+\.\d+)["']\s*,\s*(\w+)\s*\)\s*$"""
)
EXERCISE_SECONDS = 60
STATUS_SYMBOLS = {"correct": "✔", "wrong": "✘", "not attempted": "○"}


def check_cells(notebook: dict[str, Any]) -> dict[str, str]:
    """The source of each check cell of an exercise edition, by exercise number."""
    found = {}
    for cell in notebook.get("cells", []):
        match = (
            CHECK_ASSIGNMENT.match(source(cell).strip())
            if cell.get("cell_type") == "code"
            else None
        )
        if match:
            found[match.group(2)] = source(cell).strip()
    return found


def reference_editions(reference_dir: Path) -> dict[str, dict[str, str]]:
    """Check cells of every course exercise edition, by notebook name."""
    editions = {}
    for path in sorted(reference_dir.glob("ch*.ipynb")):
        editions[path.name] = check_cells(json.loads(path.read_text(encoding="utf-8")))
    return editions


def _read_submission(path: Path) -> dict[str, Any] | None:
    if path.suffix != ".ipynb":
        return None
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        return None
    return notebook


def match_chapter(notebook: dict[str, Any], editions: dict[str, dict[str, str]]) -> str | None:
    """The course notebook whose exercises the submission checks most (None if it checks none)."""
    mentioned = set(
        CHECK_CALL.findall(
            "\n".join(source(c) for c in notebook["cells"] if c.get("cell_type") == "code")
        )
    )
    best = max(editions, key=lambda name: len(mentioned & set(editions[name])), default=None)
    return best if best is not None and mentioned & set(editions[best]) else None


def integrity(notebook: dict[str, Any], expected: dict[str, str]) -> dict[str, str]:
    """For each exercise whose check call is not exactly the course's: ``missing`` or ``check edited``."""
    present = {source(c).strip() for c in notebook["cells"] if c.get("cell_type") == "code"}
    mentioned = set(CHECK_CALL.findall("\n".join(present)))
    problems = {}
    for exercise_id, cell in expected.items():
        if cell not in present:
            problems[exercise_id] = "check edited" if exercise_id in mentioned else "missing"
    return problems


def grading_cell(exercises: dict[str, tuple[str, str]], result_path: Path, check_path: Path) -> str:
    """Source of the cell appended after the student's cells. For each exercise it runs the student's
    exercise cell again in a copy of the notebook's namespace (the check cell rebinds the name, to the
    reference when the exercise is not attempted), checks the function with a freshly loaded copy of the
    course's checker within a time limit, and writes the outcomes to ``result_path``."""
    return f"""
def _udl_grade():
    import importlib.util, json, signal, sys
    spec = importlib.util.spec_from_file_location("_udl_fresh_check", {str(check_path)!r})
    fresh = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = fresh  # dataclasses look their module up there
    spec.loader.exec_module(fresh)
    registry = fresh._registry()
    results = {{}}

    class OutOfTime(BaseException):
        pass

    def out_of_time(signum, frame):
        raise OutOfTime

    signal.signal(signal.SIGALRM, out_of_time)
    for exercise_id, (name, source) in {exercises!r}.items():
        signal.alarm({EXERCISE_SECONDS})
        try:
            namespace = dict(globals())
            exec(compile(source, "exercise " + exercise_id, "exec"), namespace)
            function = namespace.get(name)
            if not callable(function):
                results[exercise_id] = ["missing", "no function " + name]
                continue
            problem = fresh.find_problem(registry[exercise_id], function)
            results[exercise_id] = ["wrong", problem.splitlines()[-1][:200]] if problem else ["correct", ""]
        except fresh.NotAttempted:
            results[exercise_id] = ["not attempted", ""]
        except OutOfTime:
            results[exercise_id] = ["timed out", "longer than {EXERCISE_SECONDS} s"]
        except BaseException as error:
            results[exercise_id] = ["crashed", type(error).__name__]
        finally:
            signal.alarm(0)
    with open({str(result_path)!r}, "w") as handle:
        json.dump(results, handle)

_udl_grade()
"""


def _isolated_environment(work: Path) -> dict[str, str]:
    """The kernel's environment: every folder Jupyter, IPython, matplotlib and the course write to lies
    inside ``work``; test-run strictness is off (a failed claim is recorded, not fatal)."""
    env = {k: v for k, v in os.environ.items() if k not in ("UDLCOURSE_STRICT", "JPY_SESSION_NAME")}
    for variable, folder in (
        ("JUPYTER_RUNTIME_DIR", "runtime"),
        ("JUPYTER_DATA_DIR", "data"),
        ("IPYTHONDIR", "ipython"),
        ("MPLCONFIGDIR", "matplotlib"),
        ("UDLCOURSE_CACHE_DIR", "cache"),
        ("HOME", "home"),
    ):
        (work / folder).mkdir(parents=True, exist_ok=True)
        env[variable] = str(work / folder)
    env["UDLCOURSE_INTERACTIVE"] = "0"
    env["MPLBACKEND"] = "Agg"
    return env


def exercise_cells(
    notebook: dict[str, Any], expected: dict[str, str]
) -> dict[str, tuple[str, str]]:
    """For each exercise whose check call is intact: the function's name and the source of the student's
    exercise cell (the code cell just before the check cell)."""
    cells = [c for c in notebook["cells"] if c.get("cell_type") == "code"]
    found = {}
    for index, cell in enumerate(cells):
        for exercise_id, check in expected.items():
            if source(cell).strip() == check and index > 0:
                found[exercise_id] = (
                    CHECK_ASSIGNMENT.match(check).group(3),
                    source(cells[index - 1]),
                )
    return found


def run_one(
    submission: Path,
    executed: Path,
    exercises: dict[str, tuple[str, str]],
    result: Path,
    cell_timeout: int,
) -> None:
    """Execute one submission with the grading cell appended (the child process of :func:`grade`)."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError

    notebook = nbformat.reads(submission.read_text(encoding="utf-8"), as_version=4)
    notebook.cells = [
        c for c in notebook.cells if c.get("cell_type") in ("code", "markdown", "raw")
    ]
    notebook.cells.append(
        nbformat.v4.new_code_cell(grading_cell(exercises, result, ROOT / "udlcourse" / "check.py"))
    )
    grading = notebook.cells[-1]
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        allow_errors=True,
        timeout_func=lambda cell: None if cell is grading else cell_timeout,
        interrupt_on_timeout=True,
        resources={"metadata": {"path": str(result.parent)}},
    )
    try:
        client.execute()
    except DeadKernelError:
        result.write_text(
            json.dumps({"_error": "crashed: the kernel died (a crash, os._exit, or out of memory)"})
        )
    finally:
        executed.write_text(nbformat.writes(notebook), encoding="utf-8")


def _execute(
    submission: Path,
    name: str,
    out: Path,
    exercises: dict[str, tuple[str, str]],
    cell_timeout: int,
    notebook_timeout: int,
) -> tuple[dict[str, Any], Path]:
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", str(Path(name).with_suffix("")))
    work = out / "work" / slug
    work.mkdir(parents=True, exist_ok=True)
    executed = out / "executed" / f"{slug}.ipynb"
    executed.parent.mkdir(parents=True, exist_ok=True)
    result = work / f"result-{secrets.token_hex(8)}.json"
    command = [
        sys.executable,
        "-m",
        "tools.grade",
        "--one",
        str(submission.resolve()),
        "--executed",
        str(executed.resolve()),
        "--result",
        str(result.resolve()),
        "--exercises",
        json.dumps(exercises),
        "--cell-timeout",
        str(cell_timeout),
    ]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=_isolated_environment(work.resolve()),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        process.wait(timeout=notebook_timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the kernel too: it is in the same process group
        process.wait()
        return {"_error": f"timed out: the notebook ran longer than {notebook_timeout} s"}, executed
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # a kernel left behind by a crash
        except ProcessLookupError:
            pass
    if not result.is_file():
        return {"_error": "crashed: the grading cell never ran"}, executed
    return json.loads(result.read_text()), executed


def grade(
    submissions: Path,
    out: Path,
    reference_dir: Path = ROOT / "notebooks" / "exercises",
    cell_timeout: int = 120,
    notebook_timeout: int = 900,
) -> list[dict[str, Any]]:
    """Grade every file under ``submissions``; write grades.csv and claims.csv under ``out``; return the rows."""
    from udlcourse.record import read_claims

    if not submissions.is_dir():
        raise ValueError(f"submissions must be a folder of notebooks, got {str(submissions)!r}")
    editions = reference_editions(reference_dir)
    rows, claim_rows = [], []
    files = sorted(
        p
        for p in submissions.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(submissions).parts)
    )
    for path in files:
        name = str(path.relative_to(submissions))
        started = time.perf_counter()
        row: dict[str, Any] = {
            "submission": name,
            "chapter": "",
            "status": "graded",
            "exercises": {},
            "claims_held": 0,
            "claims_failed": 0,
            "notes": "",
        }
        notebook = _read_submission(path)
        chapter = match_chapter(notebook, editions) if notebook else None
        if notebook is None:
            row["status"] = "not a notebook"
        elif chapter is None:
            row["status"] = "no course exercises found"
        else:
            row["chapter"] = Path(chapter).stem
            expected = editions[chapter]
            broken = integrity(notebook, expected)
            exercises = exercise_cells(
                notebook, {i: c for i, c in expected.items() if i not in broken}
            )
            results, executed = _execute(path, name, out, exercises, cell_timeout, notebook_timeout)
            error = results.pop("_error", None)
            for exercise_id in expected:
                if exercise_id in broken:
                    row["exercises"][exercise_id] = broken[exercise_id]
                elif exercise_id in results:
                    row["exercises"][exercise_id] = results[exercise_id][0]
                else:
                    row["exercises"][exercise_id] = (
                        "timed out" if error and error.startswith("timed out") else "crashed"
                    )
            if error:
                row["status"], row["notes"] = error.split(":")[0], error
            if executed.is_file():
                for claim in read_claims(executed):
                    row["claims_held" if claim["holds"] else "claims_failed"] += 1
                    claim_rows.append(
                        {
                            "submission": name,
                            "cell": claim["cell"],
                            "statement": claim["statement"],
                            "holds": claim["holds"],
                        }
                    )
        row["seconds"] = round(time.perf_counter() - started, 1)
        rows.append(row)
        _print_row(row)
    _write_csv(rows, claim_rows, out)
    return rows


def _print_row(row: dict[str, Any]) -> None:
    counts = "  ".join(
        f"{symbol} {sum(1 for s in row['exercises'].values() if s == status)}"
        for status, symbol in STATUS_SYMBOLS.items()
    )
    other = sorted({s for s in row["exercises"].values() if s not in STATUS_SYMBOLS})
    extra = f"  other: {', '.join(other)}" if other else ""
    claims = f"claims {row['claims_held']}/{row['claims_held'] + row['claims_failed']}"
    print(
        f"{row['submission']:<40} {row['chapter']:<28} {row['status']:<16} {counts}  {claims}{extra}"
        f"  ({row['seconds']} s)",
        flush=True,
    )


def _write_csv(rows: list[dict[str, Any]], claim_rows: list[dict[str, Any]], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    ids = sorted(
        {i for row in rows for i in row["exercises"]},
        key=lambda i: tuple(int(p) for p in i.split(".")),
    )
    with open(out / "grades.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "submission",
                "chapter",
                "status",
                *ids,
                "correct",
                "claims_held",
                "claims_failed",
                "notes",
            ]
        )
        for row in rows:
            correct = sum(1 for s in row["exercises"].values() if s == "correct")
            writer.writerow(
                [
                    row["submission"],
                    row["chapter"],
                    row["status"],
                    *(row["exercises"].get(i, "") for i in ids),
                    correct,
                    row["claims_held"],
                    row["claims_failed"],
                    row["notes"],
                ]
            )
    with open(out / "claims.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["submission", "cell", "statement", "holds"])
        writer.writeheader()
        writer.writerows(claim_rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.grade", description=__doc__.split("\n")[0]
    )
    parser.add_argument("submissions", nargs="?", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "grades")
    parser.add_argument("--reference", type=Path, default=ROOT / "notebooks" / "exercises")
    parser.add_argument("--cell-timeout", type=int, default=120)
    parser.add_argument("--notebook-timeout", type=int, default=900)
    parser.add_argument(
        "--one", type=Path, help=argparse.SUPPRESS
    )  # the child process that runs one notebook
    parser.add_argument("--executed", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--exercises", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        run_one(args.one, args.executed, json.loads(args.exercises), args.result, args.cell_timeout)
        return 0
    if args.submissions is None:
        parser.error("give the folder of submitted notebooks: make grade SUBMISSIONS=folder")
    rows = grade(
        args.submissions, args.out, args.reference, args.cell_timeout, args.notebook_timeout
    )
    print(
        f"{len(rows)} submissions graded: {args.out / 'grades.csv'} and {args.out / 'claims.csv'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
