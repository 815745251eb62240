"""Exercise checks that answer back.

Each exercise is a small function the learner writes. ``check("2.1", my_function)`` calls it on several
inputs (edge cases included), compares the results with the course's reference implementation and

* prints a visible "correct" line and returns the learner's function when every result matches;
* raises :class:`ExerciseError` with a plain-words explanation (which input, what was expected, what came
  back, a hint naming the book's equation) when something is wrong;
* prints that the exercise is not attempted yet and returns the reference implementation, so that the
  rest of the notebook still runs, when the function raises ``NotImplementedError`` (the exercise stub).

The exercises themselves (references, inputs, hints) live in :mod:`udlcourse.exercises`.
"""

from __future__ import annotations

import contextlib
import copy
import inspect
import io
import math
import numbers
import os
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
import torch


@dataclass(frozen=True)
class Case:
    """One input to an exercise: positional and keyword arguments, and what makes it interesting."""

    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class Exercise:
    """An exercise: its number, a short title, the reference solution, the test inputs and a hint.

    Results are compared with :func:`compare_values` to within ``rtol`` and ``atol``. An exercise whose
    result is not a number or an array compared value by value gives its own ``compare(expected, got)``,
    which returns what is wrong in plain words or None: for example :func:`same_rows_in_any_order` for a
    set of items whose order the text does not fix, :func:`same_module_outputs` for a ``torch.nn.Module``
    the learner builds, or a function that compares statistics of random draws. ``may_change`` names the
    arguments the function is meant to change in place (an optimiser's state, a random generator);
    every other argument must come back unchanged.
    """

    id: str
    title: str
    reference: Callable
    cases: tuple[Case, ...]
    hint: str
    rtol: float = 1e-5
    atol: float = 1e-7
    compare: Callable[[Any, Any], str | None] | None = None
    may_change: tuple[str, ...] = ()


class ExerciseError(AssertionError):
    """Raised when a learner's answer is wrong. Shown in a notebook as its message alone."""

    def _render_traceback_(self) -> list[str]:
        # IPython calls this instead of printing a traceback that points deep inside this module.
        return ["\x1b[1;31mExerciseError\x1b[0m"] + str(self).splitlines()


class NotAttempted(Exception):
    """The learner's function is still the exercise stub (it raises the stub's NotImplementedError)."""


STUB_MARKER = "(write your code here)"  # the end of the stub's message in the exercise edition
CHECK_MIME_TYPE = "application/vnd.udlcourse.check+json"
CLAIM_MIME_TYPE = "application/vnd.udlcourse.claim+json"


def _show(text: str, payload: dict[str, Any], mime_type: str) -> None:
    """Print ``text`` and, in a notebook, store ``payload`` in the cell's output (mime type ``mime_type``) so that
    tools reading the saved notebook (``read_claims``, ``progress``) find it."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # plain Python without IPython
        print(text)
        return
    if get_ipython() is None:
        print(text)
    else:
        display({"text/plain": text, mime_type: payload}, raw=True)


def _registry() -> dict[str, Exercise]:
    from udlcourse.exercises import EXERCISES

    return EXERCISES


def get_exercise(exercise_id: str) -> Exercise:
    """Return the exercise with this number, e.g. ``"2.1"``; ValueError for an unknown number."""
    exercises = _registry()
    if exercise_id not in exercises:
        known = ", ".join(sorted(exercises, key=_sort_key))
        raise ValueError(f"exercise_id {exercise_id!r} is not a course exercise; known: {known}")
    return exercises[exercise_id]


def _sort_key(exercise_id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in exercise_id.split("."))


def short_repr(value: Any) -> str:
    """A compact, readable rendering of a value for messages (small arrays in full, big ones summarised)."""
    if isinstance(value, torch.Tensor):
        return f"tensor({short_repr(value.detach().cpu().numpy())}, dtype={value.dtype})"
    if isinstance(value, np.random.Generator):
        return "rng"
    if isinstance(value, torch.Generator):
        return "generator"
    if isinstance(value, np.ndarray):
        if value.ndim == 0:
            return short_repr(value.item())
        text = np.array2string(value, precision=4, threshold=12, edgeitems=3, separator=", ")
        return text if value.size <= 12 else f"{text} (shape {value.shape})"
    if isinstance(
        value, float
    ):  # a float a hair off an integer is shown in full (3.9999999999999996, not 4)
        near_integer = (
            math.isfinite(value) and value != round(value) and abs(value - round(value)) < 1e-6
        )
        return repr(value) if near_integer else f"{value:.6g}"
    if isinstance(value, (tuple, list)):
        inner = ", ".join(short_repr(v) for v in value)
        return f"({inner})" if isinstance(value, tuple) else f"[{inner}]"
    if callable(value):
        return getattr(value, "__name__", repr(value))
    return repr(value)


def _argument_repr(value: Any) -> str:
    """Like short_repr, but a large or table-shaped argument is named by its shape so the call stays short."""
    if isinstance(value, (np.ndarray, torch.Tensor)) and (
        value.ndim >= 2 or np.prod(value.shape) > 8
    ):
        kind = "tensor" if isinstance(value, torch.Tensor) else "array"
        return f"<{kind} of shape {tuple(value.shape)}>"
    if isinstance(value, (list, tuple)) and any(
        isinstance(v, (np.ndarray, torch.Tensor)) for v in value
    ):
        inner = ", ".join(_argument_repr(v) for v in value)
        return f"({inner})" if isinstance(value, tuple) else f"[{inner}]"
    return short_repr(value)


def _describe_call(name: str, case: Case) -> str:
    parts = [_argument_repr(a) for a in case.args] + [
        f"{k}={_argument_repr(v)}" for k, v in case.kwargs.items()
    ]
    call = f"{name}({', '.join(parts)})"
    return f"{call}  [{case.note}]" if case.note else call


def _kind(value: Any) -> str:
    if isinstance(value, torch.Tensor):
        return "a torch tensor"
    if isinstance(value, np.ma.MaskedArray):
        return "a masked array"
    if isinstance(value, np.ndarray):
        return "a numpy array"
    if isinstance(value, (bool, np.bool_)):
        return "a bool"
    if isinstance(value, (complex, np.complexfloating)):
        return "a complex number"
    if isinstance(value, numbers.Integral):
        return "an integer"
    if isinstance(value, numbers.Number):
        return "a float"
    if isinstance(value, (tuple, list)):
        return f"a {type(value).__name__} of {len(value)} items"
    if value is None:
        return "None"
    return f"a {type(value).__name__}"


def _dtype_kind(dtype: np.dtype) -> str:
    if dtype == np.bool_:
        return "bool"
    if np.issubdtype(dtype, np.integer):
        return "integer"
    if np.issubdtype(dtype, np.complexfloating):
        return "complex"
    if np.issubdtype(dtype, np.floating):
        return "float"
    return "other"


_KIND_ADVICE = {
    "bool": "True/False values (a comparison such as `x > 0` gives them)",
    "integer": "integers (indices or counts): use integer arithmetic or `.astype(int)` after rounding",
    "float": "real numbers",
}


def _scalar_kind(value: Any) -> str | None:
    """bool, integer, float or complex for a single number (a 0-d array included); None otherwise."""
    if isinstance(value, torch.Tensor):
        value = value.detach().cpu().numpy()
    if isinstance(value, np.ndarray):
        return _dtype_kind(value.dtype) if value.ndim == 0 else None
    if isinstance(value, (bool, np.bool_)):
        return "bool"
    if isinstance(value, numbers.Integral):
        return "integer"
    if isinstance(value, (complex, np.complexfloating)):
        return "complex"
    if isinstance(value, numbers.Real):
        return "float"
    return None


def _plain_array(value: np.ndarray | torch.Tensor) -> np.ndarray:
    return value.detach().cpu().numpy() if isinstance(value, torch.Tensor) else np.asarray(value)


def compare_values(expected: Any, got: Any, rtol: float = 1e-5, atol: float = 1e-7) -> str | None:
    """Compare a result with the expected one; return what is wrong in plain words, or None if it matches.

    The kind of value matters where it changes what later code can do with it: a bool where a bool is
    expected, an integer (not 4.0) where an integer count or index is expected, real numbers where real
    numbers are expected, an array where an array is expected. A tuple may come back as a list or a 1-D
    array of the same length, and a list as a tuple, since they unpack alike.
    """
    return _compare(expected, got, rtol, atol, top=True)


def _compare(expected: Any, got: Any, rtol: float, atol: float, top: bool) -> str | None:
    if got is None and expected is not None:
        return (
            "it returned None: did you forget the `return` statement?"
            if top
            else "it is None; expected a value."
        )
    if isinstance(expected, (tuple, list)):
        if isinstance(got, (np.ndarray, torch.Tensor)) and got.ndim == 1:
            got = list(got)
        if not isinstance(got, (tuple, list)) or len(got) != len(expected):
            return f"it returned {_kind(got)}; expected {_kind(expected)}."
        for position, (e, g) in enumerate(zip(expected, got)):
            problem = _compare(e, g, rtol, atol, top=False)
            if problem:
                return (
                    f"item {position} → {problem}"
                    if problem.startswith("item ")
                    else f"item {position}: {problem}"
                )
        return None
    expected_kind = _scalar_kind(expected)
    if expected_kind is not None and not isinstance(expected, (np.ndarray, torch.Tensor)):
        return _compare_scalars(expected, expected_kind, got, rtol, atol)
    if isinstance(expected, (np.ndarray, torch.Tensor)):
        if isinstance(got, np.ma.MaskedArray):
            return "it returned a masked array; expected a plain numpy array (use np.where instead of a mask)."
        if not isinstance(got, type(expected)):
            if expected.ndim == 0 and _scalar_kind(got) is not None:
                return _compare_scalars(
                    expected.item(), _dtype_kind(_plain_array(expected).dtype), got, rtol, atol
                )
            return f"it returned {_kind(got)}; expected {_kind(expected)}."
        if tuple(got.shape) != tuple(expected.shape):
            return f"it returned an array of shape {tuple(got.shape)}; expected shape {tuple(expected.shape)}."
        e, g = _plain_array(expected), _plain_array(got)
        want, have = _dtype_kind(e.dtype), _dtype_kind(g.dtype)
        if have == "other":
            return f"it returned an array of {g.dtype} values; expected numbers."
        if have != want and not (want == "float" and have in ("integer", "bool")):
            return (
                f"it returned an array of {g.dtype} values; expected {_KIND_ADVICE.get(want, want)} "
                f"(an array of {e.dtype})."
            )
        return _compare_arrays(e.astype(float), g.astype(float), rtol, atol)
    if got != expected:
        return f"it returned {short_repr(got)}; expected {short_repr(expected)}."
    return None


def _compare_scalars(expected: Any, want: str, got: Any, rtol: float, atol: float) -> str | None:
    have = _scalar_kind(got)
    if have is None:
        return f"it returned {_kind(got)}; expected a single number."
    value = got.item() if isinstance(got, (np.ndarray, torch.Tensor, np.generic)) else got
    if have == "complex" and want != "complex":
        return f"it returned the complex number {value}; expected a real number (a square root or log of a negative?)."
    if want == "bool":
        if have != "bool":
            return (
                f"it returned {_kind(got)} ({short_repr(value)}); expected a bool (True or False)."
            )
        return (
            None
            if bool(value) == bool(expected)
            else f"it returned {bool(value)}; expected {bool(expected)}."
        )
    if want == "integer":
        if have not in ("integer", "bool"):
            return (
                f"it returned the float {short_repr(float(value))}; expected the integer {expected}: the text asks "
                f"for an integer (a count or an index), so compute it with integers or round it with int(round(...))."
            )
        return (
            None
            if int(value) == int(expected)
            else f"it returned {int(value)}; expected {int(expected)}."
        )
    return _compare_arrays(np.asarray(expected), np.asarray(value), rtol, atol)


def _compare_arrays(expected: np.ndarray, got: np.ndarray, rtol: float, atol: float) -> str | None:
    if np.isnan(got).any() and not np.isnan(expected).any():
        return "the result contains NaN (not a number): look for 0/0, inf − inf, log of a negative, or overflow in exp."
    if np.isposinf(got).any() and not np.isposinf(expected).any():
        return "the result contains inf: something overflowed (a large exp?) or divided by zero."
    if np.isneginf(got).any() and not np.isneginf(expected).any():
        return "the result contains -inf: a log of zero (or of a number that underflowed to zero), or an overflow."
    close = np.isclose(got, expected, rtol=rtol, atol=atol, equal_nan=True)
    if close.all():
        return None
    if got.ndim == 0:
        return f"it returned {short_repr(got.item())}; expected {short_repr(expected.item())}."
    first = tuple(int(i) for i in np.argwhere(~close)[0])
    return (
        f"{int((~close).sum())} of {close.size} values differ; the first at index {first}: "
        f"got {got[first]:.6g}, expected {expected[first]:.6g}.\n"
        f"  got:      {short_repr(got)}\n  expected: {short_repr(expected)}"
    )


def same_rows_in_any_order(expected: Any, got: Any) -> str | None:
    """A ``compare`` for exercises whose result is a set of items (rows, or entries of a 1-D array) in an
    order the text does not fix: sorts both, then compares them exactly."""
    if not isinstance(got, (np.ndarray, torch.Tensor)):
        return f"it returned {_kind(got)}; expected {_kind(expected)}."
    e, g = _plain_array(expected), _plain_array(got)
    if g.shape != e.shape:
        return f"it returned an array of shape {g.shape}; expected shape {e.shape}."
    order = (lambda a: np.sort(a)) if e.ndim == 1 else (lambda a: a[np.lexsort(a.T[::-1])])
    if not np.array_equal(order(e), order(g)):
        return f"it returned different items (order does not matter here).\n  got:      {short_repr(g)}\n  expected: {short_repr(e)}"
    return None


def same_module_outputs(
    inputs: torch.Tensor, rtol: float = 1e-5, atol: float = 1e-6
) -> Callable[[Any, Any], str | None]:
    """A ``compare`` for exercises whose result is a ``torch.nn.Module``: the learner's module must have the
    same parameter shapes as the reference and, after the reference's parameters are copied into it, give
    the same outputs on ``inputs``."""

    def compare(expected: torch.nn.Module, got: Any) -> str | None:
        if not isinstance(got, torch.nn.Module):
            return f"it returned {_kind(got)}; expected a torch.nn.Module."
        want = {name: tuple(p.shape) for name, p in expected.named_parameters()}
        have = {name: tuple(p.shape) for name, p in got.named_parameters()}
        if sorted(want.values()) != sorted(have.values()):
            return f"its parameters have shapes {sorted(have.values())}; expected {sorted(want.values())}."
        try:
            with torch.no_grad():
                for target, source in zip(
                    sorted(got.parameters(), key=lambda p: tuple(p.shape)),
                    sorted(expected.parameters(), key=lambda p: tuple(p.shape)),
                ):
                    target.copy_(source)
                return compare_values(expected(inputs), got(inputs), rtol, atol)
        except Exception as error:  # the learner's forward pass raised
            return f"calling the module you built raised {type(error).__name__}: {error}"

    return compare


def _snapshot(value: Any) -> Any:
    """A copy of an argument that can tell later whether the argument was changed in place."""
    if isinstance(value, torch.Tensor):
        return value.detach().clone()
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, (list, tuple)):
        return (
            type(value)(_snapshot(v) for v in value)
            if isinstance(value, list)
            else tuple(_snapshot(v) for v in value)
        )
    if isinstance(value, dict):
        return {k: _snapshot(v) for k, v in value.items()}
    return None  # numbers, strings, generators, modules: not compared


def _changed(before: Any, after: Any) -> bool:
    if before is None:
        return False
    if isinstance(before, (np.ndarray, torch.Tensor)):
        a, b = _plain_array(before), _plain_array(after)
        return a.shape != b.shape or not np.array_equal(a, b, equal_nan=True)
    if isinstance(before, (list, tuple)):
        return len(before) != len(after) or any(_changed(x, y) for x, y in zip(before, after))
    if isinstance(before, dict):
        return before.keys() != after.keys() or any(_changed(before[k], after[k]) for k in before)
    return False


def _parameter_names(function: Callable, case: Case) -> list[str]:
    try:
        names = list(inspect.signature(function).parameters)
    except (TypeError, ValueError):
        names = []
    positional = [
        names[i] if i < len(names) else f"argument {i + 1}" for i in range(len(case.args))
    ]
    return positional + list(case.kwargs)


def _run(answer: Callable, args: tuple, kwargs: dict, printed: io.StringIO) -> Any:
    with (
        np.errstate(all="ignore"),
        contextlib.redirect_stdout(printed),
    ):  # problems are reported in plain words
        return answer(*args, **kwargs)


def find_problem(
    exercise: Exercise, answer: Callable, printed: io.StringIO | None = None
) -> str | None:
    """Run ``answer`` on every case of ``exercise``; return the first problem found, or None.

    What ``answer`` prints goes to ``printed`` (a fresh buffer if None).

    Raises:
        NotAttempted: when ``answer`` is the untouched stub (it raises the stub's NotImplementedError
            on the first case).
    """
    name = getattr(answer, "__name__", "your function")
    printed = printed if printed is not None else io.StringIO()
    for number, case in enumerate(exercise.cases):
        expected = exercise.reference(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
        args, kwargs = copy.deepcopy(case.args), copy.deepcopy(case.kwargs)
        before = [_snapshot(a) for a in args] + [_snapshot(v) for v in kwargs.values()]
        try:
            got = _run(answer, args, kwargs, printed)
        except NotImplementedError as error:
            if number == 0 and STUB_MARKER in str(error):
                raise NotAttempted(str(error)) from None
            return (
                f"Calling {_describe_call(name, case)} raised NotImplementedError: {error}\n"
                f"  Some path through your function is not finished yet."
            )
        except (
            Exception
        ) as error:  # the learner's code raised: report it plainly, not as a traceback
            return f"Calling {_describe_call(name, case)} raised {type(error).__name__}: {error}"
        names = _parameter_names(exercise.reference, case)
        after = list(args) + list(kwargs.values())
        for argument, old, new in zip(names, before, after):
            if argument not in exercise.may_change and _changed(old, new):
                return (
                    f"For {_describe_call(name, case)}\n  your function changed its argument `{argument}` in "
                    f"place (for example with `{argument} *= …`, `{argument} -= …` or `{argument}[…] = …`). The "
                    f"notebook's own data would change with it. Build a new array instead: "
                    f"`{argument} = {argument} * …`, or work on `{argument}.copy()`."
                )
        compare = exercise.compare or (
            lambda e, g: compare_values(e, g, exercise.rtol, exercise.atol)
        )
        problem = compare(expected, got)
        if problem:
            if any(isinstance(a, (np.random.Generator, torch.Generator)) for a in after):
                problem += (
                    "\n  Every random number must come from the generator passed in (`rng`), drawn in the "
                    "order the text gives: not from np.random.…, torch.… or a new generator."
                )
            return f"For {_describe_call(name, case)}\n  {problem}"
    return None


MAX_PRINTED_LINES = 10


def _show_printed(printed: io.StringIO) -> None:
    lines = printed.getvalue().splitlines()
    if not lines:
        return
    print("\n".join(lines[:MAX_PRINTED_LINES]))
    if len(lines) > MAX_PRINTED_LINES:
        print(
            f"… ({len(lines) - MAX_PRINTED_LINES} more lines printed by your function were hidden)"
        )


def check(exercise_id: str, answer: Callable) -> Callable:
    """Check the learner's function for an exercise and return the function the notebook should use.

    Returns ``answer`` when it is correct, the reference implementation when the exercise is not
    attempted yet, and raises :class:`ExerciseError` explaining the mistake when it is wrong.
    """
    if callable(exercise_id) and isinstance(answer, str):
        raise ExerciseError(
            f"check(...) takes the exercise number first and your function second: "
            f"udl.check({answer!r}, {getattr(exercise_id, '__name__', 'my_function')})."
        )
    if not isinstance(exercise_id, str):
        raise ExerciseError(
            f'The exercise number must be a string such as "2.2" (in quotes), got {short_repr(exercise_id)}: '
            f'udl.check("{exercise_id}", {getattr(answer, "__name__", "my_function")}).'
        )
    exercise = get_exercise(exercise_id)
    label = f"Exercise {exercise.id} ({exercise.title})"
    if not callable(answer):
        raise ExerciseError(
            f"{label}: check({exercise.id!r}, ...) needs the function you wrote, but got {_kind(answer)}.\n"
            f"Pass the function itself, without calling it: check({exercise.id!r}, my_function)."
        )
    printed = io.StringIO()
    try:
        problem = find_problem(exercise, answer, printed)
    except NotAttempted:
        _show(
            f"○ {label}: not attempted yet. Replace the `raise NotImplementedError` line with your code "
            f"and run the cell again. Until then the notebook uses the course's reference solution.",
            {"exercise": exercise.id, "status": "not attempted"},
            CHECK_MIME_TYPE,
        )
        return exercise.reference
    _show_printed(printed)
    if problem:
        raise ExerciseError(f"✘ {label} is not right yet.\n{problem}\nHint: {exercise.hint}")
    _show(
        f"✔ {label}: correct on all {len(exercise.cases)} test inputs.",
        {"exercise": exercise.id, "status": "correct"},
        CHECK_MIME_TYPE,
    )
    return answer


STRICT_VARIABLE = "UDLCOURSE_STRICT"


def is_strict() -> bool:
    """True in a test run (``UDLCOURSE_STRICT=1``, set by ``make test``, ``execute``, ``bench`` and
    ``robustness``): a failed claim or agreement then stops the notebook instead of printing ✘."""
    return os.environ.get(STRICT_VARIABLE, "").strip().lower() in {"1", "true", "yes"}


class ClaimError(AssertionError):
    """Raised in a test run when a claim of the book no longer shows in the notebook's numbers."""

    def _render_traceback_(self) -> list[str]:
        return ["\x1b[1;31mClaimError\x1b[0m"] + str(self).splitlines()


class AgreementError(AssertionError):
    """Raised in a test run when a from-scratch computation does not match its reference."""

    def _render_traceback_(self) -> list[str]:
        return ["\x1b[1;31mAgreementError\x1b[0m"] + str(self).splitlines()


def _truth(holds: Any) -> bool:
    """The truth value of a claim's outcome; arrays of several elements are ambiguous and refused."""
    if isinstance(holds, torch.Tensor):
        holds = holds.detach().cpu().numpy()
    if isinstance(holds, np.ndarray):
        if holds.size != 1:
            raise ValueError(
                f"holds must be one truth value, got an array of {holds.size} elements: "
                "reduce it with .all() or .any() to say which claim you mean"
            )
        return bool(holds.item())
    try:
        return bool(holds)
    except Exception as error:  # objects whose truth value is undefined
        raise ValueError(
            f"holds must have a truth value, got {type(holds).__name__}: {error}"
        ) from None


def _learner_box(title: str, detail: str, reasons: str) -> str:
    lines = [f"✘ {title}", *detail.splitlines(), reasons]
    width = max(len(line) for line in lines) + 2
    rule = "─" * width
    return "\n".join([f"┌{rule}┐", *(f"│ {line:<{width - 1}}│" for line in lines), f"└{rule}┘"])


def claim(statement: str, holds: Any, evidence: str = "") -> None:
    """State one of the book's phenomena as a check that runs, against an alternative that could win.

    Prints ``✔ Claim holds: …`` with the evidence when ``holds`` is true. When it is false, a test run
    (``UDLCOURSE_STRICT=1``) raises :class:`ClaimError`; a learner's session prints a visible ✘ box that
    says why this can happen, and the notebook goes on. The outcome is stored in the cell's output, so
    :func:`udlcourse.read_claims` lists which claims held in an executed notebook.

    Args:
        statement: the claim in words, e.g. "the CNN beats the MLP with fewer parameters".
        holds: the outcome of the comparison that tests the claim (anything with one truth value:
            a bool, a numpy or torch scalar, a one-element array).
        evidence: the numbers behind it, with the margin, shown in both cases.
    """
    if not isinstance(statement, str) or not statement.strip():
        raise ValueError("statement must be a non-empty string describing the claim")
    if not isinstance(evidence, str):
        raise ValueError(f"evidence must be a string, got {type(evidence).__name__}")
    outcome = _truth(holds)
    detail = f" ({evidence})" if evidence else ""
    payload = {"statement": statement, "holds": outcome, "evidence": evidence}
    if outcome:
        _show(f"✔ Claim holds: {statement}{detail}", payload, CLAIM_MIME_TYPE)
        return
    if is_strict():
        _show(f"✘ Claim does not hold: {statement}{detail}", payload, CLAIM_MIME_TYPE)
        raise ClaimError(f"✘ Claim does not hold: {statement}{detail}")
    _show(
        _learner_box(
            f"Claim did not hold with these numbers: {statement}",
            evidence,
            "This can happen with changed parameters, another seed or a very different machine; "
            "the notebook goes on.",
        ),
        payload,
        CLAIM_MIME_TYPE,
    )


def _as_array(value: Any, name: str) -> np.ndarray:
    if isinstance(value, torch.Tensor):
        value = value.detach().cpu().numpy()
    try:
        array = np.asarray(value)
    except Exception as error:
        raise ValueError(
            f"{name} must be a number or an array, got {type(value).__name__}: {error}"
        ) from None
    if not (np.issubdtype(array.dtype, np.number) or array.dtype == np.bool_):
        raise ValueError(f"{name} must hold numbers, got {array.dtype} values")
    return array


def agree(what: str, ours: Any, reference: Any, rtol: float = 1e-5, atol: float = 1e-8) -> float:
    """State that a from-scratch computation matches a library call or an independent computation.

    This is a correctness check, not one of the book's phenomena: it prints ``✔ Agrees: …`` with the
    largest absolute difference. A mismatch (different shapes, or values outside ``rtol``/``atol`` as in
    ``numpy.isclose``) raises :class:`AgreementError` in a test run and prints a ✘ box in a learner's session.

    Args:
        what: what is compared, e.g. "our conv1d and torch.nn.functional.conv1d".
        ours: the from-scratch result (number, numpy array or torch tensor).
        reference: the result to match.
        rtol, atol: relative and absolute tolerances.

    Returns:
        The largest absolute difference (inf for a shape mismatch).
    """
    if not isinstance(what, str) or not what.strip():
        raise ValueError("what must be a non-empty string naming the two computations")
    if rtol < 0 or atol < 0:
        raise ValueError(f"rtol and atol must be non-negative, got rtol={rtol}, atol={atol}")
    a, b = _as_array(ours, "ours"), _as_array(reference, "reference")
    if a.shape != b.shape:
        problem, largest = f"shapes differ: ours {a.shape}, reference {b.shape}", float("inf")
    else:
        a, b = a.astype(float), b.astype(float)
        largest = float(np.max(np.abs(a - b), initial=0.0)) if a.size else 0.0
        close = np.isclose(a, b, rtol=rtol, atol=atol, equal_nan=True)
        problem = (
            None
            if close.all()
            else (
                f"{int((~close).sum())} of {close.size} values differ; largest difference {largest:.3g}"
            )
        )
    if problem is None:
        print(f"✔ Agrees: {what} (largest difference {largest:.2g})")
        return largest
    if is_strict():
        raise AgreementError(f"✘ Does not agree: {what} ({problem})")
    print(
        _learner_box(
            f"Does not agree: {what}",
            problem,
            "A from-scratch result should match its reference: look for a changed function above.",
        )
    )
    return largest
