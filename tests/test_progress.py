"""Progress at a glance, read from saved notebooks without executing anything."""

import json

import pytest

import udlcourse as udl
from udlcourse.check import CHECK_MIME_TYPE
from udlcourse.exercises import EXERCISES


def check_cell(exercise_id, *outputs):
    return {
        "cell_type": "code",
        "source": f'f = udl.check("{exercise_id}", f)',
        "outputs": list(outputs),
    }


def shown(status):
    return {
        "output_type": "display_data",
        "data": {"text/plain": status, CHECK_MIME_TYPE: {"status": status}},
    }


ERROR = {
    "output_type": "error",
    "ename": "ExerciseError",
    "evalue": "✘ Exercise 2.3 is not right yet.",
    "traceback": [],
}


def test_progress_reads_each_checks_saved_outcome(tmp_path, capsys):
    notebook = {
        "cells": [
            {"cell_type": "markdown", "source": "# Chapter 2"},
            check_cell("2.1", shown("correct")),
            check_cell(
                "2.2",
                {"output_type": "stream", "name": "stdout", "text": "✔ Exercise 2.2: correct"},
            ),
            check_cell("2.3", ERROR),
            check_cell("2.4", shown("not attempted")),
            check_cell("2.5"),
        ]
    }
    (tmp_path / "ch02_supervised_learning.ipynb").write_text(json.dumps(notebook))
    (tmp_path / "ch03_shallow_networks.ipynb").write_text(
        json.dumps({"cells": [check_cell("3.1", shown("correct"))]})
    )
    (tmp_path / "notes.ipynb").write_text("{}")
    assert udl.read_progress(tmp_path) == {
        "ch02_supervised_learning.ipynb": {
            "2.1": "correct",
            "2.2": "not run",
            "2.3": "wrong",
            "2.4": "not attempted",
            "2.5": "not run",
        },
        "ch03_shallow_networks.ipynb": {"3.1": "correct"},
    }, "a printed ✔ line alone does not count: only the check's own record does"
    udl.progress(tmp_path)
    out = capsys.readouterr().out
    assert (
        "ch02_supervised_learning  ✔ 1/5   ✘ wrong: 2.3   ○ not attempted: 2.4   · not run: 2.2 2.5"
        in out
    )
    assert "ch03_shallow_networks     ✔ 1/1" in out and "✔ 2/6 exercises correct" in out


def test_progress_explains_bad_folders_and_files(tmp_path, capsys):
    with pytest.raises(ValueError, match="folder"):
        udl.read_progress(tmp_path / "missing")
    udl.progress(tmp_path)
    assert "No chapter notebooks" in capsys.readouterr().out
    broken = tmp_path / "ch02_x.ipynb"
    broken.write_text("{not json")
    with pytest.raises(ValueError, match="not a readable notebook"):
        udl.read_progress(tmp_path)


def test_a_check_records_its_outcome_for_progress():
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    captured = []
    shell.display_pub.publish = lambda data, metadata=None, **kwargs: captured.append(data)
    try:
        udl.check("2.1", EXERCISES["2.1"].reference)
    finally:
        InteractiveShell.clear_instance()
    assert captured and captured[-1][CHECK_MIME_TYPE] == {"exercise": "2.1", "status": "correct"}
