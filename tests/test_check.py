import numpy as np
import pytest
import torch

import udlcourse as udl
from udlcourse.check import AgreementError, ClaimError, ExerciseError, compare_values


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


@pytest.fixture
def strict(monkeypatch):
    monkeypatch.setenv("UDLCOURSE_STRICT", "1")


@pytest.fixture
def learner(monkeypatch):
    monkeypatch.delenv("UDLCOURSE_STRICT", raising=False)


def test_claim_confirms_or_stops_a_test_run(strict, capsys):
    udl.claim("two is more than one", 2 > 1, "2 vs 1")
    assert capsys.readouterr().out == "✔ Claim holds: two is more than one (2 vs 1)\n"
    udl.claim("numpy comparisons count", np.float64(2) > 1)
    udl.claim("a one-element tensor is one verdict", torch.tensor([True]))
    udl.claim("plain truth values count", 3)
    with pytest.raises(ClaimError, match="Claim does not hold: one is more than two"):
        udl.claim("one is more than two", 1 > 2)
    with pytest.raises(ClaimError):
        udl.claim("a false numpy scalar fails", np.float64(1) > 2)
    with pytest.raises(ValueError, match="holds.*2 elements"):
        udl.claim("an array is not a verdict", np.array([True, False]))
    with pytest.raises(ValueError, match="holds.*3 elements"):
        udl.claim("a tensor is not a verdict", torch.ones(3) > 0)
    with pytest.raises(ValueError, match="statement"):
        udl.claim("", True)
    with pytest.raises(ValueError, match="evidence"):
        udl.claim("evidence is words", True, 3.0)


def test_a_failed_claim_never_stops_a_learner(learner, capsys):
    udl.claim("one is more than two", 1 > 2, "1 vs 2")
    out = capsys.readouterr().out
    assert "✘ Claim did not hold with these numbers: one is more than two" in out
    assert "1 vs 2" in out and "another seed" in out and "notebook goes on" in out


def test_agree_prints_the_largest_difference_or_explains(strict, capsys):
    assert udl.agree("ours and numpy's", np.array([1.0, 2.0]), torch.tensor([1.0, 2.0 + 1e-9])) < 1e-8
    assert "✔ Agrees: ours and numpy's (largest difference" in capsys.readouterr().out
    udl.agree("a float32 result within its tolerance", np.float32(1 / 3), 1 / 3, rtol=1e-6)
    with pytest.raises(AgreementError, match="1 of 2 values differ; largest difference 0.1"):
        udl.agree("close but not equal", [1.0, 2.1], [1.0, 2.0])
    with pytest.raises(AgreementError, match="shapes differ: ours \\(2,\\), reference \\(2, 1\\)"):
        udl.agree("a column is not a row", np.ones(2), np.ones((2, 1)))
    with pytest.raises(ValueError, match="what"):
        udl.agree("", 1.0, 1.0)
    with pytest.raises(ValueError, match="ours"):
        udl.agree("text is not numbers", "abc", 1.0)
    with pytest.raises(ValueError, match="rtol"):
        udl.agree("negative tolerance", 1.0, 1.0, rtol=-1)


def test_a_failed_agreement_never_stops_a_learner(learner, capsys):
    udl.agree("close but not equal", [1.0, 2.1], [1.0, 2.0])
    assert "✘ Does not agree: close but not equal" in capsys.readouterr().out
