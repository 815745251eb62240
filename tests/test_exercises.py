"""Every exercise check passes its reference, reports the stub as not attempted, and rejects mistakes.

Plausible wrong answers for chapter N live in ``tests/mistakes/chNN.py`` as ``MISTAKES = {"N.k": [...]}``,
and correct alternatives (loops, float32, library calls, other orders of operations, lists for tuples) that
every check must accept as ``CORRECT = {"N.k": [...]}`` (or ``ALTERNATIVES``).
"""

import importlib

import pytest

from udlcourse.check import ExerciseError, NotAttempted, check, find_problem
from udlcourse.exercises import EXERCISES


def _catalogue(exercise_id: str, name: str) -> list:
    chapter = int(exercise_id.split(".")[0])
    module = importlib.import_module(f"tests.mistakes.ch{chapter:02d}")
    return getattr(module, name, {}).get(exercise_id, [])


def mistakes_for(exercise_id: str) -> list:
    return _catalogue(exercise_id, "MISTAKES")


def stub(*args, **kwargs):
    raise NotImplementedError("Exercise 0.0: the stub (write your code here)")


IDS = sorted(EXERCISES, key=lambda i: tuple(int(p) for p in i.split(".")))


@pytest.mark.parametrize("exercise_id", IDS)
def test_reference_passes(exercise_id, capsys):
    exercise = EXERCISES[exercise_id]
    assert check(exercise_id, exercise.reference) is exercise.reference
    assert f"✔ Exercise {exercise_id}" in capsys.readouterr().out


@pytest.mark.parametrize("exercise_id", IDS)
def test_stub_is_reported_as_not_attempted(exercise_id, capsys):
    exercise = EXERCISES[exercise_id]
    with pytest.raises(NotAttempted):
        find_problem(exercise, stub)
    assert check(exercise_id, stub) is exercise.reference
    assert "not attempted yet" in capsys.readouterr().out


@pytest.mark.parametrize("exercise_id", IDS)
def test_exercise_has_enough_cases_and_a_hint(exercise_id):
    exercise = EXERCISES[exercise_id]
    assert len(exercise.cases) >= 3, "test on several inputs, edge cases included"
    assert any(case.note for case in exercise.cases)
    assert exercise.hint.strip()


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_mistake_is_rejected_with_a_message(exercise_id):
    mistakes = mistakes_for(exercise_id)
    assert mistakes, (
        f"tests/mistakes: list at least one plausible wrong answer for exercise {exercise_id}"
    )
    for mistake in mistakes:
        with pytest.raises(ExerciseError) as error:
            check(exercise_id, mistake)
        message = str(error.value)
        assert f"Exercise {exercise_id}" in message and "Hint:" in message, message
        assert "For " in message or "raised" in message, message


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_correct_alternative_is_accepted(exercise_id, capsys):
    for alternative in _catalogue(exercise_id, "CORRECT") + _catalogue(exercise_id, "ALTERNATIVES"):
        assert check(exercise_id, alternative) is alternative, getattr(
            alternative, "__name__", alternative
        )
        assert f"✔ Exercise {exercise_id}" in capsys.readouterr().out
