import numpy as np
import pytest
import torch

import udlcourse as udl
from udlcourse.check import ClaimError, ExerciseError, compare_values


def test_compare_values_explains_each_kind_of_mistake():
    assert compare_values(np.ones(3), np.ones(3)) is None
    assert "shape (3, 1)" in compare_values(np.ones(3), np.ones((3, 1)))
    assert "numpy array" in compare_values(np.ones(3), [1.0, 1.0, 1.0])
    assert "torch tensor" in compare_values(torch.ones(2), np.ones(2))
    assert "forget the `return`" in compare_values(1.0, None)
    assert "NaN" in compare_values(np.ones(2), np.array([1.0, np.nan]))
    assert "inf" in compare_values(np.ones(2), np.array([1.0, np.inf]))
    assert "single number" in compare_values(2.0, np.ones(2))
    assert "expected 3" in compare_values(3, 4)
    assert compare_values((1.0, 2.0), (1.0, 2.5)).startswith("item 1: it returned 2.5")
    assert compare_values((1.0, (2.0, 3.0)), (1.0, (2.0, 4.0))).startswith("item 1 → item 1: it returned 4")
    assert "expected a tuple of 2 items" in compare_values((1.0, 2.0), 1.0)
    assert "expected a list of 2 items" in compare_values([1.0, 2.0], (1.0,))
    assert "bool" in compare_values(True, 1.0)
    assert compare_values(0.5, torch.tensor(0.5)) is None  # a 0-d tensor is a number
    message = compare_values(np.arange(4.0), np.array([0.0, 1.0, 7.0, 3.0]))
    assert "1 of 4 values differ" in message and "index (2,)" in message


def test_check_error_is_shown_without_a_deep_traceback():
    with pytest.raises(ExerciseError) as error:
        udl.check("2.1", lambda x, phi0, phi1: phi1 * x)
    lines = error.value._render_traceback_()
    assert lines[0].endswith("ExerciseError\x1b[0m") and "Traceback" not in "".join(lines)
    assert any("Hint: Eq. 2.4" in line for line in lines)


def test_check_reports_a_learner_exception_plainly():
    def broken(x, phi0, phi1):
        return phi0 + phi1 * undefined_name  # noqa: F821

    with pytest.raises(ExerciseError, match="raised NameError: name 'undefined_name' is not defined"):
        udl.check("2.1", broken)


def test_check_does_not_let_a_learner_change_the_test_inputs():
    def mutating(x, phi0, phi1):
        x *= 0
        return phi0 + phi1 * x

    with pytest.raises(ExerciseError):
        udl.check("2.1", mutating)
    from udlcourse.exercises import EXERCISES

    assert EXERCISES["2.1"].cases[0].args[0].tolist() == [0.0, 1.0, 2.0]


def test_check_rejects_a_value_instead_of_a_function_and_unknown_numbers():
    with pytest.raises(ExerciseError, match="without calling it"):
        udl.check("2.1", 3.0)
    with pytest.raises(ValueError, match="exercise_id"):
        udl.check("99.1", lambda: None)


def test_claim_confirms_or_fails_visibly(capsys):
    udl.claim("two is more than one", 2 > 1, "2 vs 1")
    assert capsys.readouterr().out == "✔ Claim holds: two is more than one (2 vs 1)\n"
    udl.claim("numpy comparisons count", np.float64(2) > 1)
    with pytest.raises(ClaimError, match="Claim does not hold: one is more than two"):
        udl.claim("one is more than two", 1 > 2)
    with pytest.raises(ValueError, match="holds"):
        udl.claim("an array is not a verdict", np.array([True, False]))
    with pytest.raises(ValueError, match="statement"):
        udl.claim("", True)
