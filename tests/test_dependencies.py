"""Every package that a notebook or the helper package imports is declared, so a fresh install (Colab's
bootstrap cell included) brings it; and the helper package imports no maintainer tooling."""

import ast
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Import names whose distribution on the package index has another name.
DISTRIBUTION = {"sklearn": "scikit-learn", "PIL": "pillow", "yaml": "pyyaml"}
TOOLING = {
    "papermill",
    "nbclient",
    "nbformat",
    "nbval",
    "pytest",
    "playwright",
    "jupytext",
    "tools",
}


def _top_level_imports(code: str) -> set[str]:
    code = "\n".join(
        line[: len(line) - len(line.lstrip())] + "pass"
        if line.strip().startswith(("%", "!"))
        else line
        for line in code.splitlines()
    )  # IPython magics and shell lines
    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"udlcourse"}


def _notebook_imports() -> dict[str, set[str]]:
    found = {}
    for path in sorted(
        (ROOT / "notebooks").glob("ch*.ipynb")
    ):  # the exercise edition has the same imports
        cells = json.loads(path.read_text())["cells"]
        found[path.name] = set().union(
            *(_top_level_imports("".join(c["source"])) for c in cells if c["cell_type"] == "code")
        )
    return found


def _package_imports() -> dict[str, set[str]]:
    return {
        str(p.relative_to(ROOT)): _top_level_imports(p.read_text())
        for p in (ROOT / "udlcourse").rglob("*.py")
    }


def _declared() -> set[str]:
    pyproject = (ROOT / "pyproject.toml").read_text()
    block = pyproject.split("dependencies = [", 1)[1].split("]", 1)[0]
    return {
        re.split(r"[<>=!~ \[]", line.strip().strip('",'))[0].lower()
        for line in block.splitlines()
        if '"' in line
    }


def test_every_import_of_notebooks_and_package_is_declared():
    declared = _declared()
    for where, names in {**_notebook_imports(), **_package_imports()}.items():
        missing = {DISTRIBUTION.get(n, n).lower() for n in names} - declared - {"udlcourse"}
        assert not missing, (
            f"{where} imports {sorted(missing)}: declare them in pyproject.toml's dependencies"
        )


def test_the_package_imports_no_maintainer_tooling():
    for where, names in _package_imports().items():
        assert not names & TOOLING, (
            f"{where} imports {sorted(names & TOOLING)}: that belongs in tools/"
        )
