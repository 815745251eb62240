import io

import numpy as np
import pytest
import torch

import udlcourse as udl
from udlcourse.check import (
    AgreementError,
    Case,
    ClaimError,
    Exercise,
    ExerciseError,
    NotAttempted,
    _show_printed,
    compare_values,
    find_problem,
    same_module_outputs,
    same_rows_in_any_order,
)


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
    assert compare_values((1.0, (2.0, 3.0)), (1.0, (2.0, 4.0))).startswith(
        "item 1 → item 1: it returned 4"
    )
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

    with pytest.raises(
        ExerciseError, match="raised NameError: name 'undefined_name' is not defined"
    ):
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
    assert (
        udl.agree("ours and numpy's", np.array([1.0, 2.0]), torch.tensor([1.0, 2.0 + 1e-9])) < 1e-8
    )
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


def _exercise(reference, *cases, **options):
    return Exercise(
        id="0.1",
        title="a test exercise",
        reference=reference,
        cases=tuple(cases),
        hint="eq. 0.1",
        **options,
    )


def test_changing_an_input_in_place_is_explained():
    def scale(x, factor):
        return x * factor

    def scale_in_place(x, factor):
        x *= factor
        return x

    exercise = _exercise(scale, Case((np.arange(3.0), 2.0)), Case((torch.ones(2), 3.0)))
    assert find_problem(exercise, scale) is None
    problem = find_problem(exercise, scale_in_place)
    assert "changed its argument `x` in place" in problem and "x.copy()" in problem
    table = {"counts": np.zeros(3)}

    def count_into(table, index):
        table["counts"][index] += 1
        return index

    assert "changed its argument `table`" in find_problem(
        _exercise(lambda table, index: index, Case((table, 1))), count_into
    )
    allowed = _exercise(lambda table, index: index, Case((table, 1)), may_change=("table",))
    assert find_problem(allowed, count_into) is None


def test_the_kind_of_number_the_text_asks_for_is_checked():
    mask = _exercise(lambda x: x > 0, Case((np.array([-1.0, 2.0]),)))
    assert "expected True/False values" in find_problem(mask, lambda x: (x > 0).astype(float))
    indices = _exercise(lambda x: np.argsort(x), Case((np.array([3.0, 1.0, 2.0]),)))
    assert "expected integers" in find_problem(indices, lambda x: np.argsort(x).astype(float))
    count = _exercise(lambda n: 2**n, Case((2,)))
    problem = find_problem(count, lambda n: 2.0**n)
    assert "the float 4; expected the integer 4" in problem and "int(round" in problem
    assert "3.9999999999999996" in find_problem(count, lambda n: 4 - 4e-16)
    assert find_problem(count, lambda n: np.int32(4)) is None
    real = _exercise(lambda x: np.sqrt(x), Case((4.0,)))
    assert "complex number" in find_problem(real, lambda x: np.sqrt(complex(x)))
    assert find_problem(real, lambda x: 2) is None, "an integer is a fine real number"
    floats = _exercise(lambda x: x * 1.0, Case((np.array([1, 2]),)))
    assert find_problem(floats, lambda x: x.copy()) is None
    assert "masked array" in find_problem(floats, lambda x: np.ma.masked_all(2))


def test_sequences_that_unpack_alike_are_accepted():
    pair = _exercise(lambda x: (x.min(), x.max()), Case((np.array([3.0, 1.0]),)))
    assert find_problem(pair, lambda x: [x.min(), x.max()]) is None
    assert find_problem(pair, lambda x: np.array([x.min(), x.max()])) is None
    assert "item 1: it is None" in find_problem(pair, lambda x: (x.min(), None))
    assert "forget the `return`" in find_problem(pair, lambda x: None)


def test_messages_name_the_real_cause():
    log = _exercise(lambda p: np.log(p + 1e-300), Case((np.array([0.0, 1.0]),)))
    assert "log of zero" in find_problem(log, lambda p: np.log(p))

    def draw(n, rng):
        return rng.normal(size=n)

    sample = _exercise(draw, Case((3, np.random.default_rng(0)), note="three draws"))
    problem = find_problem(sample, lambda n, rng: np.random.default_rng(5).normal(size=n))
    assert (
        "draw(3, rng)" not in problem
        and "(3, rng)" in problem
        and "come from the generator" in problem
    )
    assert find_problem(sample, draw) is None


def test_only_the_untouched_stub_is_not_attempted():
    def stub(x):
        raise NotImplementedError("Exercise 0.1: a test exercise (write your code here)")

    def unfinished(x):
        if x > 1:
            raise NotImplementedError("the case x > 1")
        return x

    exercise = _exercise(lambda x: x, Case((1,)), Case((2,)))
    with pytest.raises(NotAttempted):
        find_problem(exercise, stub)
    assert "Some path through your function is not finished" in find_problem(exercise, unfinished)


def test_swapped_or_unquoted_arguments_get_a_plain_message():
    def least_squares_loss(x, y, phi0, phi1):
        return 0.0

    with pytest.raises(
        ExerciseError, match=r"number first and your function second: udl.check\('2.2', least"
    ):
        udl.check(least_squares_loss, "2.2")
    with pytest.raises(ExerciseError, match=r"a string such as \"2.2\" \(in quotes\), got 2.2"):
        udl.check(2.2, least_squares_loss)


def test_a_learners_prints_are_shown_but_do_not_flood(capsys):
    def chatty(x):
        for i in range(50):
            print("step", i)
        return x

    exercise = _exercise(lambda x: x, Case((1.0,)), Case((2.0,)))
    printed = io.StringIO()
    assert find_problem(exercise, chatty, printed) is None
    assert printed.getvalue().count("step") == 100
    _show_printed(printed)
    out = capsys.readouterr().out
    assert out.count("step") == 10 and "90 more lines printed by your function were hidden" in out


def test_custom_comparisons_for_sets_and_modules():
    items = _exercise(
        lambda x: np.unique(x), Case((np.array([3, 1, 3, 2]),)), compare=same_rows_in_any_order
    )
    assert find_problem(items, lambda x: np.array([2, 3, 1])) is None
    assert "different items" in find_problem(items, lambda x: np.array([2, 3, 3]))

    def build(width):
        torch.manual_seed(0)
        return torch.nn.Sequential(
            torch.nn.Linear(3, width), torch.nn.ReLU(), torch.nn.Linear(width, 1)
        )

    module = _exercise(build, Case((4,)), compare=same_module_outputs(torch.ones(5, 3)))
    assert find_problem(module, build) is None

    def tanh(width):
        return torch.nn.Sequential(
            torch.nn.Linear(3, width), torch.nn.Tanh(), torch.nn.Linear(width, 1)
        )

    assert "values differ" in find_problem(module, tanh)

    def wide(width):
        return torch.nn.Sequential(
            torch.nn.Linear(3, width + 1), torch.nn.ReLU(), torch.nn.Linear(width + 1, 1)
        )

    assert "parameters have shapes" in find_problem(module, wide)
