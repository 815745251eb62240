"""The notebook tooling, and the notebooks and README it keeps in order."""

import copy
import inspect
import math
import re
import shutil
from pathlib import Path

import pytest

import udlcourse as udl
from tools import notebooks as tools

ROOT = Path(__file__).resolve().parent.parent
WORKED = tools.worked_notebooks()
ALL_NOTEBOOKS = WORKED + tools.exercise_notebooks()


def test_there_are_notebooks_in_both_editions():
    assert WORKED, "no worked notebooks found"
    assert [p.name for p in tools.exercise_notebooks()] == [p.name for p in WORKED]


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebook_follows_the_conventions(path):
    problems = tools.conventions_problems(path)
    assert not problems, "\n".join(problems)


def test_exercise_edition_is_fresh(tmp_path):
    shutil.copytree(
        ROOT / "notebooks", tmp_path / "notebooks", ignore=shutil.ignore_patterns("exercises")
    )
    tools.write_exercise_editions(tmp_path)
    for committed in tools.exercise_notebooks():
        regenerated = tmp_path / "notebooks" / "exercises" / committed.name
        assert regenerated.read_text() == committed.read_text(), (
            f"run `make exercises`: {committed.name} is stale"
        )


def test_solution_modules_are_fresh(tmp_path):
    shutil.copytree(
        ROOT / "notebooks", tmp_path / "notebooks", ignore=shutil.ignore_patterns("exercises")
    )
    tools.write_solution_modules(tmp_path)
    generated = sorted((tmp_path / tools.SOLUTIONS_DIR).glob("ch*.py"))
    committed = sorted((ROOT / tools.SOLUTIONS_DIR).glob("ch*.py"))
    assert [p.name for p in generated] == [p.name for p in committed], "run `make exercises`"
    for fresh, old in zip(generated, committed):
        assert fresh.read_text() == old.read_text(), (
            f"run `make exercises`: udlcourse/solutions/{old.name} is stale"
        )


def test_solution_module_holds_each_solution_cell_without_its_markers(tmp_path):
    worked = tmp_path / "notebooks" / "ch99_sample.ipynb"
    worked.parent.mkdir()
    solution = "def double(x):\n    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION"
    tools.write(
        notebook(
            [
                code("import numpy as np\nimport math"),
                code(solution),
                code('double = udl.check("99.1", double)'),
            ]
        ),
        worked,
    )
    module = tools.solutions_module(worked)
    assert (
        "def double(x):\n    return 2 * x\n" in module and "SOLUTION" not in module.split('"""')[2]
    )
    assert "import numpy" not in module and "import math" not in module, (
        "only the imports the solutions use"
    )
    namespace = {}
    exec(module, namespace)
    assert namespace["double"](3) == 6


def test_taught_module_is_fresh():
    assert tools.taught_module(WORKED) == (ROOT / tools.TAUGHT_MODULE).read_text(), (
        f"run `make exercises`: {tools.TAUGHT_MODULE} is stale"
    )


def _sample_chapter(tmp_path, *cells, number=99):
    worked = tmp_path / "notebooks" / f"ch{number}_sample.ipynb"
    worked.parent.mkdir(exist_ok=True)
    tools.write(notebook(list(cells)), worked)
    return worked


def test_saved_cells_become_the_taught_module_with_back_references(tmp_path):
    saved = (
        '# @save\nimport math\n\n\ndef area(r):\n    """π r² (a circle; Ω-free)."""\n'
        '    return math.pi * r**2\n\n\nclass Unit:\n    """Holds\n    nothing."""\n'
    )
    worked = _sample_chapter(
        tmp_path,
        code("import numpy as np"),
        code(saved),
        code(
            "def twice_area(r):\n    ### BEGIN SOLUTION\n    return 2 * area(r)\n    ### END SOLUTION"
        ),
        code('twice_area = udl.check("99.1", twice_area)'),
        code("def not_saved(x):\n    return x"),
    )
    module = tools.taught_module([worked])
    namespace = {}
    exec(module, namespace)
    assert namespace["area"](1.0) == pytest.approx(math.pi)
    assert inspect.getdoc(namespace["area"]) == "π r² (a circle; Ω-free).\n\nDefined in chapter 99."
    assert inspect.getdoc(namespace["Unit"]) == "Holds\nnothing.\n\nDefined in chapter 99."
    assert "not_saved" not in namespace and "numpy" not in module and "# @save\n" not in module
    assert module.count("import math") == 1
    assert "from udlcourse.taught import area" in tools.solutions_module(worked), (
        "a solution that uses a saved definition imports it"
    )


@pytest.mark.parametrize(
    "sources, message",
    [
        ([("# @save\nx = 1")], "only imports, functions and classes"),
        ([("# @save\ndef f():\n    return 1")], "f needs a docstring"),
        (
            [
                ('# @save\ndef f():\n    """Doc."""'),
                ('# @save\ndef f():\n    """Again."""'),
            ],
            "f is already saved",
        ),
        (
            [('# @save\ndef f():\n    """Doc."""\n    ### BEGIN SOLUTION\n    ### END SOLUTION')],
            "cannot hold a solution",
        ),
    ],
)
def test_taught_module_refuses_cells_it_cannot_keep(tmp_path, sources, message):
    worked = _sample_chapter(tmp_path, *(code(text) for text in sources))
    with pytest.raises(ValueError, match=message):
        tools.taught_module([worked])


@pytest.mark.parametrize(
    "parameters, hidden",
    [
        ("SEED = 0  # seeds everything\nA, B = 1, 2  # a pair", "A, B"),
        ("SEED = 0  # seeds everything\nC = 3  # the slope at x = 0", "C"),
        ("SEED = 0  # seeds everything\nD = (1,\n     2)  # a tuple over two lines", None),
    ],
)
def test_conventions_name_the_parameters_papermill_cannot_override(parameters, hidden):
    problems = tools._parameters_papermill_cannot_see(parameters)
    assert problems == (hidden.split(", ") if hidden else [])


def test_readme_chapter_table_is_fresh():
    assert tools.chapter_table() in (ROOT / "README.md").read_text(), (
        "run `make exercises` to refresh README.md"
    )


def test_strip_solutions_keeps_indentation_and_everything_else():
    code = "def f(x):\n    '''doc'''\n    ### BEGIN SOLUTION\n    y = x + 1\n    return y\n    ### END SOLUTION\n\nz = 1"
    stripped = tools.strip_solutions(code, "2.1")
    assert stripped == (
        "def f(x):\n    '''doc'''\n"
        '    raise NotImplementedError("Exercise 2.1: the 1D linear model (write your code here)")\n\nz = 1'
    )
    for broken in (
        "### END SOLUTION",
        "    ### BEGIN SOLUTION\n",
        "### BEGIN SOLUTION\n### BEGIN SOLUTION",
    ):
        with pytest.raises(ValueError, match="SOLUTION"):
            tools.strip_solutions(broken, "2.1")


def test_exercise_edition_changes_only_solutions_and_outputs():
    worked = tools.read(ROOT / "notebooks" / "ch02_supervised_learning.ipynb")
    executed = copy.deepcopy(worked)
    executed["cells"][2]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "x"}]
    executed["cells"][2]["execution_count"] = 4
    edition = tools.exercise_edition(executed)
    fingerprint = edition["metadata"].pop(tools.GENERATED_KEY)
    assert fingerprint == tools.content_fingerprint(edition)
    assert edition["metadata"] == worked["metadata"] and len(edition["cells"]) == len(
        worked["cells"]
    )
    changed = 0
    for before, after in zip(worked["cells"], edition["cells"]):
        if tools.BEGIN_SOLUTION in tools.source(before):
            changed += 1
            assert tools.STUB in tools.source(after) and tools.BEGIN_SOLUTION not in tools.source(
                after
            )
        else:
            assert after == before
    assert changed == 5


def notebook(cells):
    return {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def code(text, tags=()):
    return {
        "cell_type": "code",
        "id": f"c{abs(hash(text))}",
        "source": text,
        "metadata": {"tags": list(tags)},
        "outputs": [],
        "execution_count": None,
    }


def markdown(text):
    return {"cell_type": "markdown", "id": f"m{abs(hash(text))}", "source": text, "metadata": {}}


def test_conventions_check_names_each_problem(tmp_path):
    path = tmp_path / "ch02_broken.ipynb"
    tools.write(
        notebook(
            [
                markdown("# Chapter 3: wrong number"),
                code("import sys"),
                code("SEED = 0", tags=["parameters"]),
                code("N = 1", tags=["parameters"]),
                code("### BEGIN SOLUTION\nx = 1\n### END SOLUTION"),
                code("print(1)"),
                code("import urllib.request\nurllib.request.urlopen('https://example.com')"),
                code("assert np.allclose(ours, theirs)"),
                dict(
                    code("x = 1"),
                    outputs=[{"output_type": "stream", "name": "stdout", "text": "1"}],
                ),
            ]
        ),
        path,
    )
    problems = "\n".join(tools.conventions_problems(path))
    for expected in (
        "Colab badges",
        "'# Chapter 2: <title>'",
        "**Run time:**",
        "bootstrap cell",
        "exactly one cell must be tagged 'parameters', found 2",
        "inside a function body",
        "followed by a code cell calling udl.check",
        "network access",
        "stored outputs",
        "at least 4 checked exercises",
        "udl.claim",
        "udl.record(",
        "udl.explore(",
        "exercise 2.1 is defined in udlcourse.exercises but not used",
        "kernelspec.name",
        "udl.agree(what, ours, reference)",
    ):
        assert expected in problems, f"missing {expected!r} in:\n{problems}"


def test_requirements_and_environment_list_the_same_packages():
    def names(lines):
        found = set()
        for line in lines:
            line = line.split("#")[0].strip().lstrip("- ").strip()
            if line and not line.endswith(":") and not line.startswith(("python", "pip")):
                found.add(re.split(r"[<>=! ]", line)[0].lower().replace("pytorch", "torch"))
        return found

    requirements = names((ROOT / "requirements.txt").read_text().splitlines())
    environment_text = (ROOT / "environment.yml").read_text().split("dependencies:")[1]
    assert requirements == names(environment_text.splitlines())
    pyproject = (ROOT / "pyproject.toml").read_text()
    for package in ("torch>=", "numpy>=", "matplotlib>=", "ipywidgets>=", "mnist1d>="):
        assert package in pyproject and "==" not in pyproject.split("dependencies")[1].split("]")[0]


def test_the_public_home_is_defined_once():
    from udlcourse.course import GITHUB_REPOSITORY

    sources = [p for p in (ROOT / "udlcourse").rglob("*.py") if GITHUB_REPOSITORY in p.read_text()]
    assert [p.name for p in sources] == ["course.py"]
    for path in ALL_NOTEBOOKS:  # notebooks carry it only in the generated badge and bootstrap lines
        text = path.read_text()
        assert text.count(GITHUB_REPOSITORY) == 3, path.name


@pytest.mark.slow
def test_papermill_run_overrides_a_parameter_and_records_come_back(tmp_path):
    source = ROOT / "notebooks" / "ch02_supervised_learning.ipynb"
    default = udl.read_records(tools.execute(source, tmp_path / "default.ipynb"))
    bigger = udl.read_records(
        tools.execute(source, tmp_path / "bigger.ipynb", parameters={"N_TRAIN": 40})
    )
    assert set(default) == set(bigger) >= {"phi0_fit", "phi1_fit", "train_mse", "test_mse"}
    assert default["phi0_fit"] != bigger["phi0_fit"], "the overridden N_TRAIN changed the fit"
    assert abs(bigger["phi1_fit"] - 0.6) < 0.2


@pytest.mark.slow
def test_a_failing_or_hanging_cell_is_named(tmp_path):
    failing = tmp_path / "ch99_failing.ipynb"
    tools.write(notebook([code("x = 1"), code("1 / 0")]), failing)
    with pytest.raises(
        tools.NotebookFailed,
        match=r"ch99_failing.ipynb failed at cell 1 \(starts: '1 / 0'\): ZeroDivisionError",
    ):
        tools.execute(failing, tmp_path / "out" / "failing.ipynb")
    hanging = tmp_path / "ch99_hanging.ipynb"
    tools.write(notebook([code("x = 1"), code("import time\ntime.sleep(60)")]), hanging)
    with pytest.raises(
        tools.NotebookFailed,
        match=r"ch99_hanging.ipynb failed at cell 1 \(starts: 'import time'\).*longer than the 5 s limit",
    ):
        tools.execute(hanging, tmp_path / "out" / "hanging.ipynb", cell_timeout=5)


@pytest.mark.slow
def test_execute_fresh_reuses_a_result_until_the_notebook_or_the_parameters_change(tmp_path):
    source = tmp_path / "ch97_counter.ipynb"
    tools.write(notebook([code("import random\nprint(random.random())")]), source)
    output = tmp_path / "out" / source.name

    def printed():
        return "".join(tools.read(output)["cells"][0]["outputs"][0]["text"])

    tools.execute_fresh(source, output)
    first = printed()
    assert tools.is_fresh(source, output)
    tools.execute_fresh(source, output)
    assert printed() == first, "a fresh result was executed again"
    assert not tools.is_fresh(source, output, parameters={"SEED": 1})
    tools.write(notebook([code("import random\nprint(random.random(), 'edited')")]), source)
    assert not tools.is_fresh(source, output)
    tools.execute_fresh(source, output)
    assert "edited" in printed()
    tools.execute_fresh(source, output, reuse=False)
    assert printed() != first


@pytest.mark.slow
def test_bench_prints_a_table_with_a_total(tmp_path, capsys):
    quick = tmp_path / "ch98_quick.ipynb"
    tools.write(notebook([code("total = sum(range(10))")]), quick)
    assert tools.main(["bench", str(quick), "--build", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"ch98_quick\.ipynb\s+\d+\.\d\s+\d+\s+ok", out), out
    assert re.search(r"^total\s+\d+\.\d", out, re.MULTILINE), out
    broken = tmp_path / "ch97_broken.ipynb"
    tools.write(notebook([code("raise RuntimeError('boom')")]), broken)
    assert tools.main(["bench", str(broken), "--build", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert re.search(r"ch97_broken\.ipynb\s+\d+\.\d\s+\d+\s+FAILED", captured.out), captured.out
    assert "boom" in captured.err, "the failing run's log is shown"


@pytest.mark.slow
def test_a_learner_run_goes_past_a_failed_claim_and_read_claims_reports_it(tmp_path, monkeypatch):
    sweep = tmp_path / "ch99_sweep.ipynb"
    tools.write(
        notebook(
            [
                code("SEED = 0", tags=["parameters"]),
                code("import udlcourse as udl"),
                code("udl.claim('the seed is small', SEED < 5, f'SEED = {SEED}')"),
                code(
                    "udl.claim('the seed is even', SEED % 2 == 0, f'SEED = {SEED}')\nudl.record('after', 1)"
                ),
            ]
        ),
        sweep,
    )
    monkeypatch.delenv("UDLCOURSE_STRICT", raising=False)  # an instructor's sweep, not a test run
    executed = tools.execute(sweep, tmp_path / "seed3.ipynb", parameters={"SEED": 3})
    claims = udl.read_claims(executed)
    assert [(c["statement"], c["holds"], c["evidence"]) for c in claims] == [
        ("the seed is small", True, "SEED = 3"),
        ("the seed is even", False, "SEED = 3"),
    ]
    assert udl.read_records(executed) == {"after": 1}, "the notebook went on after the failed claim"
    monkeypatch.setenv("UDLCOURSE_STRICT", "1")
    with pytest.raises(
        tools.NotebookFailed,
        match=r"failed at cell 3 .*ClaimError: ✘ Claim does not hold: the seed is even",
    ):
        tools.execute(sweep, tmp_path / "strict.ipynb", parameters={"SEED": 3})


@pytest.mark.slow
def test_robustness_runs_each_seed_strict_with_one_run_at_two_threads(tmp_path, capsys):
    probe = tmp_path / "ch98_probe.ipynb"
    tools.write(
        notebook(
            [
                code("SEED = 0", tags=["parameters"]),
                code("import torch\nimport udlcourse as udl\ndevice = udl.setup(seed=SEED)"),
                code(
                    "udl.claim('the seed is not 2', SEED != 2, f'SEED = {SEED}')\n"
                    "udl.record('threads', torch.get_num_threads())"
                ),
            ]
        ),
        probe,
    )
    build = tmp_path / "robust"
    assert tools.main(["robustness", str(probe), "--seeds", "0", "1", "--build", str(build)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"ch98_probe\.ipynb\s+ok\s+\d+\.\d s\s+ok\s+\d+\.\d s", out), out
    assert "seed 1 (2 threads)" in out and "every run passed" in out
    assert udl.read_records(build / "seed0" / probe.name) == {"threads": 1}
    assert udl.read_records(build / "seed1" / probe.name) == {"threads": 2}
    assert tools.main(["robustness", str(probe), "--seeds", "2", "--build", str(build)]) == 1
    out = capsys.readouterr().out
    assert (
        re.search(r"ch98_probe\.ipynb\s+FAILED", out)
        and "ClaimError" in out
        and "1 of 1 runs failed" in out
    )


def _tiny_course(root, chapters=("ch02_supervised_learning",)):
    (root / "notebooks").mkdir(parents=True)
    for name in chapters:
        shutil.copy(ROOT / "notebooks" / f"{name}.ipynb", root / "notebooks" / f"{name}.ipynb")
    tools.write_exercise_editions(root)


def test_make_exercises_refuses_to_overwrite_edits_it_did_not_make(tmp_path):
    _tiny_course(tmp_path)
    edition = tmp_path / "notebooks" / "exercises" / "ch02_supervised_learning.ipynb"
    assert not tools.carries_edits(edition)
    answered = tools.read(edition)
    answered["cells"][5]["source"] = "my answer"
    tools.write(answered, edition)
    before = edition.read_text()
    with pytest.raises(
        tools.EditedExerciseEdition, match="notebooks/exercises/ch02_supervised_learning.ipynb"
    ):
        tools.write_exercise_editions(tmp_path)
    assert edition.read_text() == before, "nothing was written"
    edition.unlink()
    tools.write_exercise_editions(tmp_path)
    assert not tools.carries_edits(edition)
