"""Progress at a glance: which exercises are correct, wrong or not attempted yet, read from saved notebooks.

``udl.progress()`` in any notebook (or ``make progress`` from the shell) reads the chapter notebooks saved in
a folder (by default the current one: a notebook's own folder) and prints one line per chapter. Nothing is
executed: the status comes from the outputs that each ``udl.check`` call left in the saved notebook, so
save the notebook (Ctrl+S) to see its latest state.
"""

from __future__ import annotations

import re
from pathlib import Path

from udlcourse.check import CHECK_MIME_TYPE
from udlcourse.record import load_notebook

CHECK_CALL = re.compile(r"""udl\.check\(\s*["'](\d+\.\d+)["']""")
STATUSES = ("correct", "wrong", "not attempted", "not run")
_SYMBOLS = {"correct": "✔", "wrong": "✘", "not attempted": "○", "not run": "·"}


def _cell_source(cell: dict) -> str:
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else text


def _status_of(cell: dict) -> str:
    for output in cell.get("outputs", []):
        payload = output.get("data", {}).get(CHECK_MIME_TYPE)
        if isinstance(payload, dict) and payload.get("status") in ("correct", "not attempted"):
            return payload["status"]
        if output.get("output_type") == "error":
            return "wrong"  # the check's ExerciseError, or the learner's cell raised before the check ran
    return "not run"


def notebook_progress(path: str | Path) -> dict[str, str]:
    """The status of each exercise checked in a saved notebook: ``{"2.1": "correct", "2.2": "wrong", ...}``.

    A status is one of ``correct``, ``wrong``, ``not attempted`` or ``not run`` (the check cell has no
    output, e.g. the notebook was not run or not saved since).
    """
    statuses: dict[str, str] = {}
    for cell in load_notebook(path).get("cells", []):
        if cell.get("cell_type") == "code":
            found = CHECK_CALL.search(_cell_source(cell))
            if found:
                statuses[found.group(1)] = _status_of(cell)
    return statuses


def read_progress(folder: str | Path = ".") -> dict[str, dict[str, str]]:
    """:func:`notebook_progress` for every chapter notebook (``ch*.ipynb``) in ``folder``, by file name."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValueError(f"folder must be an existing folder, got {str(folder)!r}")
    return {path.name: notebook_progress(path) for path in sorted(folder.glob("ch*.ipynb"))}


def progress(folder: str | Path = ".") -> None:
    """Print one line per chapter notebook in ``folder``: how many exercises are correct, and which are
    wrong, not attempted yet or not run. Reads the saved notebooks; executes nothing."""
    table = read_progress(folder)
    if not table:
        print(f"No chapter notebooks (ch*.ipynb) in {Path(folder).resolve()}.")
        return
    width = max(len(Path(name).stem) for name in table)
    total = correct = 0
    for name, statuses in table.items():
        done = [i for i, s in statuses.items() if s == "correct"]
        total, correct = total + len(statuses), correct + len(done)
        parts = [f"✔ {len(done)}/{len(statuses)}"]
        for status in STATUSES[1:]:
            ids = [i for i, s in statuses.items() if s == status]
            if ids:
                parts.append(f"{_SYMBOLS[status]} {status}: {' '.join(ids)}")
        print(f"{Path(name).stem:<{width}}  " + "   ".join(parts))
    print(
        f"{'all chapters':<{width}}  ✔ {correct}/{total} exercises correct "
        "(✘ wrong, ○ not attempted yet, · not run since the notebook was last saved)"
    )


def main(argv: list[str] | None = None) -> int:
    """``python -m udlcourse.progress [folder]``: print the progress table (``make progress``)."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    progress(args[0] if args else ".")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
