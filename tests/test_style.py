"""One code style, checked: ruff's formatter and linter (configured in pyproject.toml) pass on the package,
the tooling, the tests and every notebook. `make format` fixes what can be fixed automatically."""

import subprocess
import sys

import pytest

from tools.notebooks import ROOT


@pytest.mark.parametrize(
    "command", [["format", "--check", "--diff"], ["check"]], ids=["format", "lint"]
)
def test_ruff_passes(command):
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, (
        f"ruff {' '.join(command)} found problems; run `make format`:\n"
        f"{result.stdout[-4000:]}{result.stderr[-2000:]}"
    )
