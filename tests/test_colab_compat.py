"""The course on Google Colab's older stack: installing it adds what is missing and upgrades nothing.

Builds (once, cached in build/colab-env) a virtual environment with Colab's published versions of numpy,
matplotlib, ipywidgets, ipykernel and IPython and this machine's torch, installs the course package into it
the way the Colab bootstrap cell does, and executes a chapter there.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENV = ROOT / "build" / "colab-env"
PYTHON = ENV / "bin" / "python"
COLAB_STACK = [
    "numpy==2.1.*",
    "matplotlib==3.10.*",
    "ipywidgets==7.7.*",
    "ipykernel==6.17.*",
    "ipython==7.34.*",
]
TORCH = os.environ.get("TORCH", "torch==2.13.0")
EXPECTED = {"numpy": "2.1.", "matplotlib": "3.10.", "ipywidgets": "7.7.", "ipykernel": "6.17."}

pytestmark = pytest.mark.slow


def run(*command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, (
        f"{' '.join(map(str, command))} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    return result.stdout


@pytest.fixture(scope="module")
def colab_env():
    stamp = ENV / "stack.json"
    wanted = json.dumps([TORCH, *COLAB_STACK, "nbclient"])
    if not stamp.is_file() or stamp.read_text() != wanted:
        run(sys.executable, "-m", "venv", "--clear", str(ENV))
        run(PYTHON, "-m", "pip", "install", "--quiet", TORCH, *COLAB_STACK, "nbclient")
        stamp.write_text(wanted)
    # What the Colab bootstrap cell does: install the course package with its dependencies.
    run(PYTHON, "-m", "pip", "install", "--quiet", "--force-reinstall", "--no-deps", str(ROOT))
    run(PYTHON, "-m", "pip", "install", "--quiet", str(ROOT))
    return PYTHON


def test_installing_the_course_upgrades_nothing(colab_env):
    script = (
        "import importlib.metadata as m, json; print(json.dumps({p: m.version(p) for p in %r}))"
        % list(EXPECTED)
    )
    versions = json.loads(run(colab_env, "-c", script))
    for package, prefix in EXPECTED.items():
        assert versions[package].startswith(prefix), (
            f"installing udlcourse changed {package} to {versions[package]}"
        )


def test_explorable_works_with_ipywidgets_7(colab_env):
    script = (
        "import udlcourse as udl, ipywidgets\n"
        "assert ipywidgets.__version__.startswith('7.')\n"
        "calls = []\n"
        "box = udl.explorable(lambda a: calls.append(a), a=udl.Slider(0.0, 1.0, 0.1, 0.2))\n"
        "box.children[0].children[0].value = 0.6\n"
        "assert calls == [0.2, 0.6], calls\n"
        "print('ok')\n"
    )
    output = run(colab_env, "-c", script, env={**os.environ, "UDLCOURSE_INTERACTIVE": "1"})
    assert output.strip().splitlines()[-1] == "ok", output


def test_a_chapter_runs_on_the_colab_stack(colab_env, tmp_path):
    notebook = ROOT / "notebooks" / "ch02_supervised_learning.ipynb"
    script = (
        "import sys, nbformat, nbclient\n"
        "nb = nbformat.read(sys.argv[1], as_version=4)\n"
        "nbclient.NotebookClient(nb, timeout=300, kernel_name='python3',\n"
        "                        resources={'metadata': {'path': sys.argv[3]}}).execute()\n"
        "nbformat.write(nb, sys.argv[2])\n"
    )
    executed = tmp_path / "ch02.ipynb"
    run(
        colab_env,
        "-c",
        script,
        str(notebook),
        str(executed),
        str(tmp_path),
        env={**os.environ, "UDLCOURSE_STRICT": "1"},
    )
    from udlcourse import read_records

    records = read_records(executed)
    assert abs(records["phi1_fit"] - 0.6) < 0.3
