"""Grading a class: a folder of mixed submissions, hostile ones included, graded to the expected table."""

import csv
import json

import pytest

from tools import grade

STUB = 'raise NotImplementedError("Exercise 2.{n}: stub (write your code here)")'


def cell(source):
    return {
        "cell_type": "code",
        "metadata": {},
        "outputs": [],
        "execution_count": None,
        "source": source,
    }


def edition(
    linear=STUB.format(n=1), loss=STUB.format(n=2), extra_before=(), check_21=None, drop_22=False
):
    cells = [
        cell("import numpy as np\nimport udlcourse as udl"),
        *map(cell, extra_before),
        cell(f"def linear_model(x, phi0, phi1):\n    {linear}"),
        cell(check_21 or 'linear_model = udl.check("2.1", linear_model)'),
    ]
    if not drop_22:
        cells += [
            cell(f"def least_squares_loss(x, y, phi0, phi1):\n    {loss}"),
            cell('least_squares_loss = udl.check("2.2", least_squares_loss)'),
        ]
    cells.append(
        cell(
            'udl.claim("the model is linear in its inputs", linear_model(2.0, 0.0, 1.0) == 2.0, "f(2)")'
        )
    )
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


RIGHT_LINEAR = "return phi0 + phi1 * x"
RIGHT_LOSS = "return np.sum((phi0 + phi1 * x - y) ** 2)"
FAKE = 'udl.check = lambda number, f: print(f"✔ Exercise {number}: correct on all 4 test inputs.") or f'

SUBMISSIONS = {
    "correct.ipynb": edition(RIGHT_LINEAR, RIGHT_LOSS),
    "wrong.ipynb": edition("return phi1 + phi0 * x"),
    "unattempted.ipynb": edition(),
    "hanging.ipynb": edition(RIGHT_LINEAR, extra_before=["import time\ntime.sleep(600)"]),
    "endless_function.ipynb": edition("while True:\n        pass", RIGHT_LOSS),
    "crashing.ipynb": edition(RIGHT_LINEAR, extra_before=["import os\nos._exit(1)"]),
    "fake_check.ipynb": edition(extra_before=[FAKE]),
    "edited_check.ipynb": edition(
        RIGHT_LINEAR, check_21='linear_model = udl.check("2.1", lambda x, a, b: a + b * x)'
    ),
    "deleted_cells.ipynb": edition(RIGHT_LINEAR, drop_22=True),
}
EXPECTED = {
    "correct.ipynb": ("graded", "correct", "correct", 1),
    "wrong.ipynb": ("graded", "wrong", "not attempted", 0),
    "unattempted.ipynb": ("graded", "not attempted", "not attempted", 1),
    "hanging.ipynb": ("graded", "correct", "not attempted", 1),
    "endless_function.ipynb": ("graded", "timed out", "correct", 0),
    "crashing.ipynb": ("crashed", "crashed", "crashed", 0),
    "fake_check.ipynb": ("graded", "not attempted", "not attempted", 0),  # the claim calls the stub
    "edited_check.ipynb": ("graded", "check edited", "not attempted", 1),
    "deleted_cells.ipynb": ("graded", "correct", "missing", 1),
    "corrupt.ipynb": ("not a notebook", "", "", 0),
    "notes.txt": ("not a notebook", "", "", 0),
}


@pytest.mark.slow
def test_a_folder_of_mixed_submissions_is_graded_as_expected(tmp_path, monkeypatch):
    monkeypatch.setattr(grade, "EXERCISE_SECONDS", 10)
    reference = tmp_path / "reference"
    reference.mkdir()
    (reference / "ch02_supervised_learning.ipynb").write_text(json.dumps(edition()))
    submissions = tmp_path / "class"
    submissions.mkdir()
    for name, notebook in SUBMISSIONS.items():
        (submissions / name).write_text(json.dumps(notebook))
    (submissions / "corrupt.ipynb").write_text('{"cells": [')
    (submissions / "notes.txt").write_text("not a notebook")
    out = tmp_path / "grades"

    grade.grade(submissions, out, reference, cell_timeout=30, notebook_timeout=240)

    with open(out / "grades.csv", newline="") as handle:
        rows = {row["submission"]: row for row in csv.DictReader(handle)}
    assert set(rows) == set(EXPECTED)
    for name, (status, first, second, held) in EXPECTED.items():
        row = rows[name]
        assert (row["status"], row["2.1"], row["2.2"]) == (status, first, second), (name, row)
        assert int(row["claims_held"]) == held, (name, row)
    assert "kernel died" in rows["crashing.ipynb"]["notes"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["class", "grades", "reference"], (
        "nothing written elsewhere"
    )
    assert len(list((out / "executed").glob("*.ipynb"))) == len(SUBMISSIONS)
