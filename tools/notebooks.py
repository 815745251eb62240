"""Notebook tooling for maintainers: exercise editions, conventions, headless runs, benchmarks, README.

Command line (the Makefile's targets call these)::

    python -m tools.notebooks exercises   # regenerate notebooks/exercises/, udlcourse/solutions/ and udlcourse/taught.py
    python -m tools.notebooks check       # report convention problems in every notebook
    python -m tools.notebooks execute     # run every notebook headless into build/executed (reusing fresh runs)
    python -m tools.notebooks bench       # time each notebook; print seconds and peak memory
    python -m tools.notebooks robustness  # run each worked notebook at other seeds (one at two threads)
    python -m tools.notebooks readme      # regenerate the chapter table in README.md
"""

from __future__ import annotations

import argparse
import ast
import copy
import hashlib
import json
import logging
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from udlcourse.check import STRICT_VARIABLE, STUB_MARKER
from udlcourse.course import PIP_INSTALL_TARGET, colab_url
from udlcourse.progress import CHECK_CALL

ROOT = Path(__file__).resolve().parent.parent
WORKED_DIR = "notebooks"
EXERCISE_DIR = "notebooks/exercises"
NOTEBOOK_NAME = re.compile(r"^ch(\d\d)_[a-z0-9_]+\.ipynb$")
BEGIN_SOLUTION = "### BEGIN SOLUTION"
END_SOLUTION = "### END SOLUTION"
STUB = 'raise NotImplementedError("Exercise '
CLAIM_CALL = re.compile(r"udl\.claim\(")
BARE_COMPARISON = re.compile(
    r"^\s*assert\s+(np|numpy|torch)\.(allclose|isclose|array_equal)", re.MULTILINE
)
TITLE = re.compile(r"^# Chapter (\d+): (.+)$", re.MULTILINE)
TITLE_FIELDS = ("**Book sections:**", "**You will be able to:**", "**Run time:**")
DEFAULT_CELL_TIMEOUT = 300
MIN_EXERCISES = 4
MIN_CLAIMS = 3
# Code that reaches the network or installs software; allowed in the Colab bootstrap cell only.
NETWORK_OR_INSTALL = re.compile(
    r"^\s*[!%]|\b(urllib|urlopen|requests\.|http\.client|socket\.|wget|curl|git clone|pip install|"
    r"get_dataset\(|load_dataset\(|from_pretrained\(|download)\b|https?://",
    re.MULTILINE,
)


def bootstrap_source() -> str:
    """The exact source of every notebook's Colab bootstrap cell (the second cell)."""
    return (
        "# Colab only: install the course's helper package. This does nothing anywhere else.\n"
        "import sys\n"
        "\n"
        'if "google.colab" in sys.modules:\n'
        f'    %pip install --quiet "{PIP_INSTALL_TARGET}"'
    )


def badges_markdown(notebook_name: str) -> str:
    """The Colab badge line for the worked and the exercise edition of a chapter notebook."""
    badge = "https://colab.research.google.com/assets/colab-badge.svg"
    worked = colab_url(f"{WORKED_DIR}/{notebook_name}")
    exercises = colab_url(f"{EXERCISE_DIR}/{notebook_name}")
    return f"[![Open in Colab]({badge})]({worked}) worked edition · [![Open in Colab]({badge})]({exercises}) exercise edition"


def read(path: str | Path) -> dict[str, Any]:
    """Read a notebook as plain JSON (nbformat 4)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def write(notebook: dict[str, Any], path: str | Path) -> None:
    """Write a notebook in the layout Jupyter itself uses (1-space indent, trailing newline)."""
    text = json.dumps(notebook, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    Path(path).write_text(text, encoding="utf-8")


def source(cell: dict[str, Any]) -> str:
    """A cell's source as one string."""
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else text


def _as_lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def worked_notebooks(root: Path = ROOT) -> list[Path]:
    """The worked chapter notebooks, in chapter order."""
    return sorted(p for p in (root / WORKED_DIR).glob("ch*.ipynb") if NOTEBOOK_NAME.match(p.name))


def exercise_notebooks(root: Path = ROOT) -> list[Path]:
    """The exercise-edition notebooks, in chapter order."""
    return sorted(p for p in (root / EXERCISE_DIR).glob("ch*.ipynb") if NOTEBOOK_NAME.match(p.name))


def _exercise_title(exercise_id: str) -> str:
    from udlcourse.exercises import EXERCISES

    exercise = EXERCISES.get(exercise_id)
    return f"Exercise {exercise_id}: {exercise.title}" if exercise else f"Exercise {exercise_id}"


def strip_solutions(code: str, exercise_id: str) -> str:
    """Replace each BEGIN/END SOLUTION span in ``code`` by a ``raise NotImplementedError`` line."""
    lines, result, inside = code.split("\n"), [], False
    for number, line in enumerate(lines, start=1):
        marker = line.strip()
        if marker == BEGIN_SOLUTION:
            if inside:
                raise ValueError(f"line {number}: {BEGIN_SOLUTION} inside another solution span")
            inside = True
            indent = line[: len(line) - len(line.lstrip())]
            message = json.dumps(
                f"{_exercise_title(exercise_id)} {STUB_MARKER}", ensure_ascii=False
            )
            result.append(f"{indent}raise NotImplementedError({message})")
        elif marker == END_SOLUTION:
            if not inside:
                raise ValueError(f"line {number}: {END_SOLUTION} without {BEGIN_SOLUTION}")
            inside = False
        elif not inside:
            result.append(line)
    if inside:
        raise ValueError(f"{BEGIN_SOLUTION} without {END_SOLUTION}")
    return "\n".join(result)


def _next_code_cell(cells: list[dict[str, Any]], index: int) -> dict[str, Any] | None:
    return (
        cells[index + 1]
        if index + 1 < len(cells) and cells[index + 1]["cell_type"] == "code"
        else None
    )


GENERATED_KEY = "udlcourse_generated"


def content_fingerprint(notebook: dict[str, Any]) -> str:
    """The SHA-256 of a notebook's content, leaving out the generator's own fingerprint."""
    content = copy.deepcopy(notebook)
    content.get("metadata", {}).pop(GENERATED_KEY, None)
    return hashlib.sha256(
        json.dumps(content, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()


def carries_edits(path: Path) -> bool:
    """True if the generated notebook at ``path`` was changed after the generator wrote it (a learner's
    answers, outputs of a run, any edit). A file without the generator's fingerprint is not judged."""
    try:
        notebook = read(path)
    except (OSError, ValueError):
        return True
    recorded = notebook.get("metadata", {}).get(GENERATED_KEY)
    return recorded is not None and recorded != content_fingerprint(notebook)


class EditedExerciseEdition(RuntimeError):
    """The tracked exercise edition holds edits that the generator did not make; nothing was written."""


def solution_cells(cells: list[dict[str, Any]], where: str = "") -> dict[int, str]:
    """The solution cells (code with a BEGIN SOLUTION marker), by index, each with the exercise number that the
    next cell checks; ValueError (``where`` prefixed) if a solution cell is not followed by a udl.check cell."""
    checked = {}
    for index, cell in enumerate(cells):
        if cell["cell_type"] == "code" and BEGIN_SOLUTION in source(cell):
            following = _next_code_cell(cells, index)
            found = CHECK_CALL.search(source(following)) if following else None
            if not found:
                raise ValueError(
                    f"{where}cell {index}: a solution cell must be followed by a udl.check(...) cell"
                )
            checked[index] = found.group(1)
    return checked


def exercise_edition(notebook: dict[str, Any]) -> dict[str, Any]:
    """Return the exercise edition of a worked notebook: solutions replaced, outputs cleared, and the
    generator's fingerprint in the metadata (so a later run can tell whether someone edited the file)."""
    edition = copy.deepcopy(notebook)
    cells = edition["cells"]
    checked = solution_cells(cells)
    for index, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        cell["outputs"], cell["execution_count"] = [], None
        if index in checked:
            cell["source"] = _as_lines(strip_solutions(source(cell), checked[index]))
    edition.setdefault("metadata", {})[GENERATED_KEY] = content_fingerprint(edition)
    return edition


def write_exercise_editions(root: Path = ROOT, paths: list[Path] | None = None) -> list[Path]:
    """Regenerate the exercise edition of each worked notebook in ``paths`` (default: all of them, removing
    editions that have no worked notebook)."""
    target = root / EXERCISE_DIR
    target.mkdir(parents=True, exist_ok=True)
    sources = paths or worked_notebooks(root)
    edited = [
        target / Path(p).name
        for p in sources
        if (target / Path(p).name).exists() and carries_edits(target / Path(p).name)
    ]
    if edited:
        names = "\n  ".join(str(p.relative_to(root)) for p in edited)
        raise EditedExerciseEdition(
            f"These exercise notebooks hold edits that `make exercises` did not make (your answers, or outputs "
            f"of a run?):\n  {names}\nNothing was written. Keep your work in workspace/ (`make lab` sets it up and "
            f"copies the exercise edition there), then discard the edits here with `git checkout -- <file>`."
        )
    written = []
    for path in sources:
        out = target / Path(path).name
        write(exercise_edition(read(path)), out)
        written.append(out)
    if not paths:
        for stale in set(exercise_notebooks(root)) - set(written):
            stale.unlink()
    return written


SOLUTIONS_DIR = "udlcourse/solutions"
IPYTHON_SYNTAX = re.compile(r"^\s*[%!]", re.MULTILINE)  # magics and shell lines: not Python


def _solution_code(code: str) -> str:
    """A solution cell's code with the BEGIN/END SOLUTION marker lines taken out."""
    return "\n".join(
        line for line in code.split("\n") if line.strip() not in (BEGIN_SOLUTION, END_SOLUTION)
    )


def _bound_names(statement: ast.stmt) -> set[str]:
    return {(alias.asname or alias.name).split(".")[0] for alias in statement.names}


def solutions_module(path: Path) -> str:
    """The source of the reference-solutions module generated from the worked notebook at ``path``: the
    imports that the solution cells use, then each solution cell's code in notebook order, markers removed."""
    cells = read(path)["cells"]
    solutions = [
        (exercise_id, _solution_code(source(cells[index])).strip())
        for index, exercise_id in solution_cells(cells, where=f"{path.name} ").items()
    ]
    codes = [code for _, code in solutions]
    imports = _imports_used(cells, codes)
    used = _names_used(codes)
    saved = {
        node.name
        for code in saved_cells(cells)
        for node in ast.parse(code).body
        if isinstance(node, (ast.FunctionDef, ast.ClassDef))
    }
    if used & saved:
        imports.append(f"from udlcourse.taught import {', '.join(sorted(used & saved))}")
    chapter = _chapter_of(path)
    header = (
        f'"""Chapter {chapter}\'s reference solutions, generated by `make exercises` from '
        f"notebooks/{path.name}.\n\nDo not edit: change the worked notebook's solution cells and run "
        f'`make exercises`.\n"""\n'
    )
    body = "\n\n\n".join(f"# Exercise {exercise_id}\n{code}" for exercise_id, code in solutions)
    return header + "\n" + "\n".join(imports) + "\n\n\n" + body + "\n"


def write_solution_modules(root: Path = ROOT, paths: list[Path] | None = None) -> list[Path]:
    """Regenerate ``udlcourse/solutions/chNN.py`` from each worked notebook in ``paths`` (default: all of them,
    removing modules that have no worked notebook)."""
    target = root / SOLUTIONS_DIR
    target.mkdir(parents=True, exist_ok=True)
    sources = paths or worked_notebooks(root)
    written = []
    for path in sources:
        out = target / f"ch{_chapter_of(Path(path)):02d}.py"
        out.write_text(solutions_module(Path(path)), encoding="utf-8")
        written.append(out)
    if not paths:
        for stale in set(target.glob("ch[0-9][0-9].py")) - set(written):
            stale.unlink()
    return written


SAVE_MARKER = "# @save"  # the first line of a cell whose definitions later chapters import
TAUGHT_MODULE = "udlcourse/taught.py"


def saved_cells(cells: list[dict[str, Any]], where: str = "") -> list[str]:
    """The code of each saved cell (first line ``# @save``), marker line removed; ValueError (``where``
    prefixed) if one also holds a solution or holds anything but imports, functions and classes."""
    saved = []
    for index, cell in enumerate(cells):
        code = source(cell)
        if cell["cell_type"] != "code" or not code.startswith(SAVE_MARKER):
            continue
        if BEGIN_SOLUTION in code:
            raise ValueError(
                f"{where}cell {index}: a saved cell cannot hold a solution (the solutions module keeps those)"
            )
        code = code.split("\n", 1)[1] if "\n" in code else ""
        for statement in ast.parse(code).body:
            if not isinstance(
                statement, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef)
            ):
                raise ValueError(
                    f"{where}cell {index}: a saved cell holds only imports, functions and classes, "
                    f"not line {statement.lineno}: {ast.get_source_segment(code, statement)[:60]!r}"
                )
        saved.append(code.strip())
    return saved


def _with_back_references(code: str, chapter: int, where: str) -> str:
    """``code`` with "Defined in chapter N." added to the docstring of each function and class it defines
    (d2l's back-references); ValueError if one has no docstring."""
    lines = code.split("\n")
    definitions = [
        node for node in ast.parse(code).body if isinstance(node, (ast.FunctionDef, ast.ClassDef))
    ]
    for node in reversed(definitions):  # from the bottom, so that earlier line numbers stay valid
        if ast.get_docstring(node) is None:
            raise ValueError(f"{where}{node.name} needs a docstring to be saved")
        docstring = node.body[0]
        indent = " " * docstring.col_offset
        last = lines[docstring.end_lineno - 1].encode()  # ast's column offsets count UTF-8 bytes
        closing = docstring.end_col_offset - 3  # where the closing quotes start
        lines[docstring.end_lineno - 1] = (
            f"{last[:closing].decode()}\n\n{indent}Defined in chapter {chapter}.\n"
            f"{indent}{last[closing:].decode()}"
        )
    return "\n".join(lines)


def _names_used(codes: list[str]) -> set[str]:
    """Every name that the code in ``codes`` reads or binds."""
    return {
        node.id
        for code in codes
        for node in ast.walk(ast.parse(code))
        if isinstance(node, ast.Name)
    }


def _imports_used(cells: list[dict[str, Any]], codes: list[str]) -> list[str]:
    """The import statements of ``cells`` (outside solution cells) that bind a name ``codes`` use."""
    used = _names_used(codes)
    imports = []
    for cell in cells:
        code = source(cell)  # a solution cell's own imports stay in its code
        if (
            cell["cell_type"] == "code"
            and BEGIN_SOLUTION not in code
            and not IPYTHON_SYNTAX.search(code)
        ):
            for statement in ast.parse(code).body:
                if (
                    isinstance(statement, (ast.Import, ast.ImportFrom))
                    and _bound_names(statement) & used
                ):
                    line = ast.unparse(statement)
                    if line not in imports:
                        imports.append(line)
    return imports


def _without_imports(code: str) -> str:
    """``code`` without its import statements (the module gathers every import at its top)."""
    lines = code.split("\n")
    for node in ast.parse(code).body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            lines[node.lineno - 1 : node.end_lineno] = [""] * (node.end_lineno - node.lineno + 1)
    return "\n".join(lines).strip()


def taught_module(paths: list[Path]) -> str:
    """The source of ``udlcourse/taught.py``: the saved cells of the worked notebooks at ``paths``, in chapter
    order, each definition's docstring naming its chapter, after the imports they use."""
    sections, imports, defined = [], [], {}
    for path in sorted(paths, key=_chapter_of):
        cells = read(path)["cells"]
        codes = saved_cells(cells, where=f"{path.name} ")
        if not codes:
            continue
        chapter = _chapter_of(path)
        for code in codes:
            for node in ast.parse(code).body:
                if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                    if node.name in defined:
                        raise ValueError(
                            f"{path.name}: {node.name} is already saved by chapter {defined[node.name]}"
                        )
                    defined[node.name] = chapter
        imports += [line for line in _imports_used(cells, codes) if line not in imports]
        body = "\n\n\n".join(
            _with_back_references(_without_imports(code), chapter, f"{path.name}: ")
            for code in codes
        )
        sections.append(f"# Chapter {chapter} (notebooks/{path.name})\n\n{body}")
    header = (
        '"""What the chapters teach and later chapters import, generated by `make exercises` from the worked\n'
        "notebooks' cells that start with `# @save`; each docstring names the chapter that derives it.\n\n"
        "Do not edit: change the cell in the worked notebook and run `make exercises`.\n"
        '"""\n'
    )

    def order(line: str) -> tuple[bool, str]:  # "import x" before "from x import y", then by module
        return line.startswith("from"), line.split()[1]

    imports_block = "\n".join(sorted(imports, key=order))
    return header + "\n" + imports_block + "\n\n\n" + "\n\n\n".join(sections) + "\n"


def write_taught_module(root: Path = ROOT) -> list[Path]:
    """Regenerate ``udlcourse/taught.py`` from all the worked notebooks."""
    out = root / TAUGHT_MODULE
    out.write_text(taught_module(worked_notebooks(root)), encoding="utf-8")
    return [out]


def _chapter_of(path: Path) -> int:
    return int(NOTEBOOK_NAME.match(path.name).group(1))


def _parameters_papermill_cannot_see(code: str) -> list[str]:
    """The names the parameters cell assigns that papermill's parser skips (it reads one simple assignment
    per line: a tuple assignment, or a comment holding "=", hides a parameter from ``-p NAME value``)."""
    from nbformat.v4 import new_code_cell
    from papermill.translators import PythonTranslator

    assigned = [
        target.id
        for statement in ast.parse(code).body
        if isinstance(statement, (ast.Assign, ast.AnnAssign))
        for target in (
            statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        )
        for target in ast.walk(target)
        if isinstance(target, ast.Name)
    ]
    papermill_log = logging.getLogger("papermill")
    level = papermill_log.level
    # papermill warns "Unable to parse line" for each hidden parameter; the caller reports them instead
    papermill_log.setLevel(logging.ERROR)
    try:
        seen = {parameter.name for parameter in PythonTranslator.inspect(new_code_cell(code))}
    finally:
        papermill_log.setLevel(level)
    return [name for name in assigned if name not in seen]


def conventions_problems(path: str | Path) -> list[str]:
    """Every way the notebook at ``path`` breaks the course conventions (an empty list if none)."""
    from udlcourse.exercises import EXERCISES

    path = Path(path)
    if not NOTEBOOK_NAME.match(path.name):
        return [f"file name must look like ch02_supervised_learning.ipynb, got {path.name}"]
    chapter = _chapter_of(path)
    notebook = read(path)
    cells = notebook.get("cells", [])
    problems: list[str] = []
    if len(cells) < 4:
        return [
            "a chapter notebook needs a title cell, a bootstrap cell, imports and a parameters cell"
        ]

    title = source(cells[0])
    if cells[0]["cell_type"] != "markdown":
        problems.append("cell 0 must be the markdown title cell")
    if badges_markdown(path.name) not in title:
        problems.append(
            f"the title cell must contain the Colab badges line:\n{badges_markdown(path.name)}"
        )
    heading = TITLE.search(title)
    if not heading or int(heading.group(1)) != chapter:
        problems.append(f"the title cell must have a heading '# Chapter {chapter}: <title>'")
    for field in TITLE_FIELDS:
        if field not in title:
            problems.append(f"the title cell must have a '{field}' line")
    if cells[1]["cell_type"] != "code" or source(cells[1]) != bootstrap_source():
        problems.append(f"cell 1 must be the Colab bootstrap cell, exactly:\n{bootstrap_source()}")

    if notebook.get("metadata", {}).get("kernelspec", {}).get("name") != "python3":
        problems.append("the notebook's metadata must name the kernel: kernelspec.name = 'python3'")
    tagged = [
        i for i, c in enumerate(cells) if "parameters" in c.get("metadata", {}).get("tags", [])
    ]
    if len(tagged) != 1:
        problems.append(f"exactly one cell must be tagged 'parameters', found {len(tagged)}")
    else:
        hidden = _parameters_papermill_cannot_see(source(cells[tagged[0]]))
        if hidden:
            problems.append(
                f"papermill cannot override the parameter(s) {', '.join(hidden)}: write one "
                "`NAME = value  # comment` per line, with no '=' inside the comment"
            )
        after = next((c for c in cells[tagged[0] + 1 :] if c["cell_type"] == "code"), None)
        if after is None or "udl.setup(" not in source(after):
            problems.append(
                "the first code cell after the parameters cell must call udl.setup(...)"
            )

    used: list[str] = []
    for index, cell in enumerate(cells):
        code = source(cell)
        if cell["cell_type"] == "code":
            if cell.get("outputs") or cell.get("execution_count") is not None:
                problems.append(f"cell {index}: stored outputs (clear them before committing)")
            if index != 1 and NETWORK_OR_INSTALL.search(code):
                found = NETWORK_OR_INSTALL.search(code).group(0).strip()
                problems.append(
                    f"cell {index}: network access or shell/install command ({found!r})"
                )
            if BARE_COMPARISON.search(code):
                problems.append(
                    f"cell {index}: state agreement with udl.agree(what, ours, reference), not a bare assert"
                )
            checked = CHECK_CALL.search(code)
            if checked:
                used.append(checked.group(1))
                exercise_cell = (
                    source(cells[index - 1]) if cells[index - 1]["cell_type"] == "code" else ""
                )
                if BEGIN_SOLUTION not in exercise_cell and STUB not in exercise_cell:
                    problems.append(
                        f"cell {index}: udl.check must directly follow the exercise's code cell"
                    )
        if BEGIN_SOLUTION in code or END_SOLUTION in code:
            if cell["cell_type"] != "code":
                problems.append(f"cell {index}: solution markers outside a code cell")
                continue
            try:
                compile(strip_solutions(code, "0.0"), f"cell {index}", "exec")
            except (ValueError, SyntaxError) as error:
                problems.append(f"cell {index}: solution markers: {error}")
                continue
            for line in code.splitlines():
                if line.strip() == BEGIN_SOLUTION and not line.startswith(" "):
                    problems.append(
                        f"cell {index}: {BEGIN_SOLUTION} must sit inside a function body"
                    )
            following = _next_code_cell(cells, index)
            if not (following and CHECK_CALL.search(source(following))):
                problems.append(
                    f"cell {index}: an exercise must be followed by a code cell calling udl.check(...)"
                )
    for exercise_id in used:
        if exercise_id not in EXERCISES:
            problems.append(
                f"exercise {exercise_id} is checked but not defined in udlcourse.exercises"
            )
        if int(exercise_id.split(".")[0]) != chapter:
            problems.append(f"exercise {exercise_id} does not belong to chapter {chapter}")
    if len(set(used)) != len(used):
        problems.append("an exercise number is used twice")
    defined = {i for i in EXERCISES if int(i.split(".")[0]) == chapter}
    for missing in sorted(defined - set(used)):
        problems.append(
            f"exercise {missing} is defined in udlcourse.exercises but not used in the notebook"
        )
    if len(used) < MIN_EXERCISES:
        problems.append(
            f"a chapter needs at least {MIN_EXERCISES} checked exercises, found {len(used)}"
        )
    everything = "\n".join(source(c) for c in cells if c["cell_type"] == "code")
    if len(CLAIM_CALL.findall(everything)) < MIN_CLAIMS:
        problems.append(f"a chapter needs at least {MIN_CLAIMS} udl.claim(...) checks")
    for needed in ("udl.record(", "udl.explore("):
        if needed not in everything:
            problems.append(f"the notebook must call {needed}...)")
    return problems


def chapter_title(path: Path) -> tuple[int, str]:
    """The chapter number and title from a notebook's title cell."""
    heading = TITLE.search(source(read(path)["cells"][0]))
    if not heading:
        raise ValueError(f"{path.name}: no '# Chapter N: title' heading in the first cell")
    return int(heading.group(1)), heading.group(2).strip()


README_START = "<!-- chapter-table:start -->"
README_END = "<!-- chapter-table:end -->"


def chapter_table(root: Path = ROOT) -> str:
    """The README's chapter table: one row per chapter with Colab badges for both editions."""
    badge = "https://colab.research.google.com/assets/colab-badge.svg"
    rows = ["| Chapter | Notebook | Worked edition | Exercise edition |", "|---|---|---|---|"]
    for path in worked_notebooks(root):
        number, title = chapter_title(path)
        worked = f"[![Open in Colab]({badge})]({colab_url(f'{WORKED_DIR}/{path.name}')})"
        exercises = f"[![Open in Colab]({badge})]({colab_url(f'{EXERCISE_DIR}/{path.name}')})"
        rows.append(f"| {number} | [{title}]({WORKED_DIR}/{path.name}) | {worked} | {exercises} |")
    return "\n".join(rows)


def update_readme(root: Path = ROOT) -> bool:
    """Rewrite the chapter table between the README's markers; return whether the file changed."""
    readme = root / "README.md"
    text = readme.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        raise ValueError(f"README.md must contain {README_START} and {README_END}")
    head, rest = text.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    new = f"{head}{README_START}\n{chapter_table(root)}\n{README_END}{tail}"
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return new != text


class NotebookFailed(RuntimeError):
    """A notebook failed to execute; the message names the notebook and the cell."""


def execute(
    path: str | Path,
    output: str | Path,
    parameters: dict[str, Any] | None = None,
    cell_timeout: int = DEFAULT_CELL_TIMEOUT,
) -> Path:
    """Execute a notebook headless with papermill, each cell limited to ``cell_timeout`` seconds.

    Raises:
        NotebookFailed: naming the notebook, the cell and the error, if a cell raises, times out or
            the kernel dies.
    """
    import papermill

    path, output = Path(path), Path(output)
    if not path.is_file():
        raise ValueError(f"path must be an existing notebook, got {str(path)!r}")
    output.parent.mkdir(parents=True, exist_ok=True)
    try:
        papermill.execute_notebook(
            str(path),
            str(output),
            parameters=parameters or {},
            progress_bar=False,
            execution_timeout=cell_timeout,
            cwd=str(path.parent),
            kernel_name="python3",
            language="python",
            # The kernel's own warnings (e.g. "running over TCP without encryption", true of every local
            # kernel) would print once per notebook; errors still show.
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
        )
    except Exception as error:  # papermill, nbclient and zmq all raise their own kinds
        raise NotebookFailed(_describe_failure(path, output, error, cell_timeout)) from None
    return output


EXECUTED_DIR = "build/executed"


def inputs_hash(path: str | Path, parameters: dict[str, Any] | None = None) -> str:
    """A hash of what a notebook's executed outputs depend on that this repository holds: the notebook, the
    udlcourse package's source and the parameters."""
    digest = hashlib.sha256(Path(path).read_bytes())
    for module in sorted((ROOT / "udlcourse").rglob("*.py")):
        digest.update(module.relative_to(ROOT).as_posix().encode())
        digest.update(module.read_bytes())
    digest.update(json.dumps(parameters or {}, sort_keys=True).encode())
    return digest.hexdigest()


def is_fresh(
    path: str | Path, output: str | Path, parameters: dict[str, Any] | None = None
) -> bool:
    """Whether ``output`` is an execution of ``path`` (with ``parameters``) made from the current sources."""
    output = Path(output)
    if not output.is_file():
        return False
    recorded = read(output).get("metadata", {}).get("udlcourse", {}).get("inputs_hash")
    return recorded == inputs_hash(path, parameters)


def execute_fresh(
    path: str | Path,
    output: str | Path,
    parameters: dict[str, Any] | None = None,
    cell_timeout: int = DEFAULT_CELL_TIMEOUT,
    reuse: bool = True,
) -> Path:
    """Execute ``path`` into ``output`` as :func:`execute` does, and stamp the result with
    :func:`inputs_hash`; with ``reuse``, keep an ``output`` that is already fresh instead of running again."""
    if reuse and is_fresh(path, output, parameters):
        return Path(output)
    stamp = inputs_hash(
        path, parameters
    )  # before running: an edit made meanwhile leaves the result stale
    execute(path, output, parameters, cell_timeout)
    executed = read(output)
    executed.setdefault("metadata", {}).setdefault("udlcourse", {})["inputs_hash"] = stamp
    write(executed, output)
    return Path(output)


def _failed_source(output: Path) -> str | None:
    """The source of the cell that failed in papermill's saved copy: the first with an error, else the last
    one started (a timeout or a dead kernel leaves no error output)."""
    if not output.is_file():
        return None
    started = None
    for cell in read(output)["cells"]:
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return source(cell)
        if cell.get("metadata", {}).get("papermill", {}).get("start_time"):
            started = source(cell)
    return started


def _describe_failure(path: Path, output: Path, error: Exception, cell_timeout: int) -> str:
    failing = getattr(error, "source", None) or _failed_source(output)
    where = "an unknown cell"
    if (
        failing is not None
    ):  # name the cell by its position in the notebook as written, and its first line
        positions = [i for i, cell in enumerate(read(path)["cells"]) if source(cell) == failing]
        first_line = (failing.strip().splitlines() or [""])[0][:70]
        where = f"cell {positions[0] if positions else '(injected parameters)'} (starts: {first_line!r})"
    name = type(error).__name__
    if getattr(error, "ename", None):
        reason = f"{error.ename}: {error.evalue}"
    elif name == "CellTimeoutError":
        reason = f"the cell ran longer than the {cell_timeout} s limit"
    elif name == "DeadKernelError":
        reason = "the kernel died (out of memory, or a crash in compiled code)"
    else:
        text = str(error).strip()
        reason = f"{name}: {text.splitlines()[-1] if text else ''}"
    return f"{path.name} failed at {where}: {reason} (executed copy: {output})"


def _execute_all(paths: list[Path], build: Path, cell_timeout: int) -> int:
    """Execute each notebook into ``build/worked`` or ``build/exercises``, reusing fresh results."""
    failures = []
    for path in paths:
        edition = "exercises" if path.parent.name == "exercises" else "worked"
        output = build / edition / path.name
        if is_fresh(path, output):
            print(f"fresh   {edition}/{path.name}", flush=True)
            continue
        started = time.perf_counter()
        try:
            execute_fresh(path, output, cell_timeout=cell_timeout)
            print(
                f"ok      {edition}/{path.name}  {time.perf_counter() - started:.1f} s", flush=True
            )
        except NotebookFailed as failure:
            print(f"FAILED  {failure}", flush=True)
            failures.append(path)
    if failures:
        print(
            f"{len(failures)} of {len(paths)} notebooks failed: {', '.join(p.name for p in failures)}"
        )
    return 1 if failures else 0


def robustness(
    paths: list[Path],
    build: Path,
    seeds: list[int],
    two_threads_seed: int | None,
    cell_timeout: int,
) -> int:
    """Execute each notebook once per seed, strict, and print a table of notebook × seed: pass/fail, seconds.

    The run at ``two_threads_seed`` uses two torch threads (``UDLCOURSE_THREADS=2``), which changes the order
    of floating-point sums the way another machine does. Returns 1 if any run failed.
    """
    from udlcourse.runtime import THREADS_VARIABLE

    rows, failures = [], []
    for path in paths:
        row = [path.name]
        for seed in seeds:
            threads = "2" if seed == two_threads_seed else "1"
            previous = os.environ.get(THREADS_VARIABLE)
            os.environ[THREADS_VARIABLE] = threads
            # Idle OpenMP threads sleep instead of spinning: the same sums in the same order, without the
            # many-fold slow-down of spinning threads on a busy 2-core machine.
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            started = time.perf_counter()
            try:
                execute(
                    path,
                    build / f"seed{seed}" / path.name,
                    parameters={"SEED": seed},
                    cell_timeout=cell_timeout,
                )
                row.append(f"ok {time.perf_counter() - started:6.1f} s")
            except NotebookFailed as failure:
                row.append(f"FAILED {time.perf_counter() - started:4.0f} s")
                failures.append(f"seed {seed}, {threads} thread(s): {failure}")
            finally:
                if previous is None:
                    os.environ.pop(THREADS_VARIABLE, None)
                else:
                    os.environ[THREADS_VARIABLE] = previous
            print(f"{row[-1]:<14} {path.name} seed {seed} ({threads} thread(s))", flush=True)
        rows.append(row)
    width = max(len(row[0]) for row in rows)
    headers = [f"seed {s}" + (" (2 threads)" if s == two_threads_seed else "") for s in seeds]
    columns = [max(len(h), 14) for h in headers]
    print()
    print(f"{'notebook':<{width}}  " + "  ".join(f"{h:<{c}}" for h, c in zip(headers, columns)))
    for row in rows:
        print(f"{row[0]:<{width}}  " + "  ".join(f"{v:<{c}}" for v, c in zip(row[1:], columns)))
    for failure in failures:
        print(f"FAILED  {failure}")
    print(
        f"{len(failures)} of {len(paths) * len(seeds)} runs failed"
        if failures
        else "every run passed"
    )
    return 1 if failures else 0


def _bench(paths: list[Path], build: Path, repeat: int, cell_timeout: int) -> int:
    rows = []
    for path in paths:
        seconds, peaks, status = [], [], "ok"
        for _ in range(repeat):
            command = [
                sys.executable,
                "-m",
                "tools.notebooks",
                "execute",
                str(path.resolve()),
                "--build",
                str(build),
                "--cell-timeout",
                str(cell_timeout),
            ]
            started = time.perf_counter()
            with (
                tempfile.TemporaryFile() as log
            ):  # the kernel's chatter is shown only if the run fails
                process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
                _, wait_status, usage = os.wait4(process.pid, 0)
                seconds.append(time.perf_counter() - started)
                peaks.append(
                    usage.ru_maxrss / 1024
                )  # kilobytes on Linux; the kernel process included
                if os.waitstatus_to_exitcode(wait_status) != 0:
                    status = "FAILED"
                    log.seek(0)
                    print(log.read().decode(errors="replace")[-3000:], file=sys.stderr)
        rows.append((path.name, statistics.median(seconds), max(peaks), status))
    width = max(len(row[0]) for row in rows)
    print(f"{'notebook':<{width}}  {'seconds':>8}  {'peak MB':>8}  status")
    for name, secs, peak, status in rows:
        print(f"{name:<{width}}  {secs:8.1f}  {peak:8.0f}  {status}")
    print(f"{'total':<{width}}  {sum(row[1] for row in rows):8.1f}")
    print(
        f"(median of {repeat} run(s) each, kernel start included; peak memory of the largest process)"
    )
    return 1 if any(row[3] != "ok" for row in rows) else 0


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.notebooks", description=__doc__.split("\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    exercises = commands.add_parser("exercises", help="regenerate the exercise edition")
    exercises.add_argument("paths", nargs="*", type=Path, help="worked notebooks (default: all)")
    commands.add_parser("readme", help="regenerate the README's chapter table")
    check = commands.add_parser("check", help="check the notebook conventions")
    check.add_argument("paths", nargs="*", type=Path)
    for name in ("execute", "bench"):
        sub = commands.add_parser(name, help=f"{name} notebooks headless")
        sub.add_argument("paths", nargs="*", type=Path)
        sub.add_argument(
            "--build", type=Path, default=ROOT / (EXECUTED_DIR if name == "execute" else "build")
        )
        sub.add_argument("--cell-timeout", type=int, default=DEFAULT_CELL_TIMEOUT)
    commands.choices["bench"].add_argument("--repeat", type=int, default=1)
    robust = commands.add_parser(
        "robustness", help="run every worked notebook at other seeds, strict"
    )
    robust.add_argument("paths", nargs="*", type=Path)
    robust.add_argument("--seeds", type=int, nargs="+", default=[1, 2])
    robust.add_argument(
        "--two-threads-seed",
        type=int,
        default=None,
        help="the seed whose run uses two torch threads (default: the last seed)",
    )
    robust.add_argument("--build", type=Path, default=ROOT / "build" / "robustness")
    robust.add_argument("--cell-timeout", type=int, default=DEFAULT_CELL_TIMEOUT)
    args = parser.parse_args(argv)

    if args.command == "exercises":
        try:
            paths = [p.resolve() for p in args.paths] or None
            written = (
                write_taught_module()
                + write_solution_modules(paths=paths)
                + write_exercise_editions(paths=paths)
            )
        except EditedExerciseEdition as refusal:
            print(refusal, file=sys.stderr)
            return 1
        for path in written:
            print(f"wrote {path.relative_to(ROOT)}")
        return 0
    if args.command == "readme":
        print("README.md chapter table " + ("updated" if update_readme() else "already up to date"))
        return 0
    if args.command in ("execute", "bench", "robustness"):
        os.environ[STRICT_VARIABLE] = (
            "1"  # a failed claim stops a maintainer's run, as in the tests
        )
    if args.command == "robustness":
        two_threads = args.two_threads_seed if args.two_threads_seed is not None else args.seeds[-1]
        return robustness(
            args.paths or worked_notebooks(), args.build, args.seeds, two_threads, args.cell_timeout
        )
    paths = args.paths or (
        worked_notebooks() + (exercise_notebooks() if args.command != "bench" else [])
    )
    if args.command == "check":
        status = 0
        for path in paths:
            for problem in conventions_problems(path):
                print(f"{path.name}: {problem}")
                status = 1
        print(
            "all notebooks follow the conventions" if status == 0 else "convention problems found"
        )
        return status
    if args.command == "execute":
        return _execute_all(paths, args.build, args.cell_timeout)
    return _bench(paths, args.build / "bench", args.repeat, args.cell_timeout)


if __name__ == "__main__":
    sys.exit(main())
