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

import copy
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

    Results are compared with :func:`compare_values` to within ``rtol`` and ``atol``.
    """

    id: str
    title: str
    reference: Callable
    cases: tuple[Case, ...]
    hint: str
    rtol: float = 1e-5
    atol: float = 1e-7


class ExerciseError(AssertionError):
    """Raised when a learner's answer is wrong. Shown in a notebook as its message alone."""

    def _render_traceback_(self) -> list[str]:
        # IPython calls this instead of printing a traceback that points deep inside this module.
        return ["\x1b[1;31mExerciseError\x1b[0m"] + str(self).splitlines()


class NotAttempted(Exception):
    """The learner's function still raises NotImplementedError."""


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
    if isinstance(value, np.ndarray):
        if value.ndim == 0:
            return short_repr(value.item())
        text = np.array2string(value, precision=4, threshold=12, edgeitems=3, separator=", ")
        return text if value.size <= 12 else f"{text} (shape {value.shape})"
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, (tuple, list)):
        inner = ", ".join(short_repr(v) for v in value)
        return f"({inner})" if isinstance(value, tuple) else f"[{inner}]"
    if callable(value):
        return getattr(value, "__name__", repr(value))
    return repr(value)


def _argument_repr(value: Any) -> str:
    """Like short_repr, but a large or table-shaped argument is named by its shape so the call stays short."""
    if isinstance(value, (np.ndarray, torch.Tensor)) and (value.ndim >= 2 or np.prod(value.shape) > 8):
        kind = "tensor" if isinstance(value, torch.Tensor) else "array"
        return f"<{kind} of shape {tuple(value.shape)}>"
    if isinstance(value, (list, tuple)) and any(isinstance(v, (np.ndarray, torch.Tensor)) for v in value):
        inner = ", ".join(_argument_repr(v) for v in value)
        return f"({inner})" if isinstance(value, tuple) else f"[{inner}]"
    return short_repr(value)


def _describe_call(name: str, case: Case) -> str:
    parts = [_argument_repr(a) for a in case.args] + [f"{k}={_argument_repr(v)}" for k, v in case.kwargs.items()]
    call = f"{name}({', '.join(parts)})"
    return f"{call}  [{case.note}]" if case.note else call


def _kind(value: Any) -> str:
    if isinstance(value, torch.Tensor):
        return "a torch tensor"
    if isinstance(value, np.ndarray):
        return "a numpy array"
    if isinstance(value, bool):
        return "a bool"
    if isinstance(value, numbers.Number):
        return "a number"
    if isinstance(value, (tuple, list)):
        return f"a {type(value).__name__} of {len(value)} items"
    if value is None:
        return "None"
    return f"a {type(value).__name__}"


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Number):
        return value
    if isinstance(value, (np.ndarray, torch.Tensor)) and value.ndim == 0:
        return value.item()
    return None


def compare_values(expected: Any, got: Any, rtol: float = 1e-5, atol: float = 1e-7) -> str | None:
    """Compare a result with the expected one; return what is wrong in plain words, or None if it matches."""
    if got is None and expected is not None:
        return "it returned None: did you forget the `return` statement?"
    if isinstance(expected, bool):
        if not isinstance(got, (bool, np.bool_)):
            return f"it returned {_kind(got)}; expected a bool (True or False)."
        return None if bool(got) == expected else f"it returned {got}; expected {expected}."
    if isinstance(expected, (tuple, list)):
        if not isinstance(got, (tuple, list)) or len(got) != len(expected):
            return f"it returned {_kind(got)}; expected {_kind(expected)}."
        for position, (e, g) in enumerate(zip(expected, got)):
            problem = compare_values(e, g, rtol, atol)
            if problem:
                return f"item {position} → {problem}" if problem.startswith("item ") else f"item {position}: {problem}"
        return None
    if isinstance(expected, numbers.Number) or (isinstance(expected, np.ndarray) and expected.ndim == 0):
        number = _as_number(got)
        if number is None:
            return f"it returned {_kind(got)}; expected a single number."
        expected_number = _as_number(expected)
        if isinstance(expected_number, numbers.Integral):
            if number != expected_number:
                return f"it returned {short_repr(number)}; expected {expected_number}."
            return None
        return _compare_arrays(np.asarray(expected_number, float), np.asarray(number, float), rtol, atol)
    if isinstance(expected, (np.ndarray, torch.Tensor)):
        if not isinstance(got, type(expected)):
            return f"it returned {_kind(got)}; expected {_kind(expected)}."
        if tuple(got.shape) != tuple(expected.shape):
            return (
                f"it returned an array of shape {tuple(got.shape)}; expected shape {tuple(expected.shape)}."
            )
        e = expected.detach().cpu().numpy() if isinstance(expected, torch.Tensor) else expected
        g = got.detach().cpu().numpy() if isinstance(got, torch.Tensor) else got
        if not np.issubdtype(g.dtype, np.number) and g.dtype != np.bool_:
            return f"it returned an array of {g.dtype} values; expected numbers."
        return _compare_arrays(e.astype(float), g.astype(float), rtol, atol)
    if got != expected:
        return f"it returned {short_repr(got)}; expected {short_repr(expected)}."
    return None


def _compare_arrays(expected: np.ndarray, got: np.ndarray, rtol: float, atol: float) -> str | None:
    if np.isnan(got).any() and not np.isnan(expected).any():
        return "the result contains NaN (not a number): look for 0/0, log(0) or overflow in exp."
    if np.isinf(got).any() and not np.isinf(expected).any():
        return "the result contains inf: something overflowed (a large exp?) or divided by zero."
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


def find_problem(exercise: Exercise, answer: Callable) -> str | None:
    """Run ``answer`` on every case of ``exercise``; return the first problem found, or None.

    Raises:
        NotAttempted: when ``answer`` raises NotImplementedError (the unattempted stub).
    """
    name = getattr(answer, "__name__", "your function")
    for case in exercise.cases:
        expected = exercise.reference(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
        try:
            with np.errstate(all="ignore"):  # overflow and 0/0 are reported below in plain words instead
                got = answer(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
        except NotImplementedError as error:
            raise NotAttempted(str(error)) from None
        except Exception as error:  # the learner's code raised: report it plainly, not as a traceback
            return f"Calling {_describe_call(name, case)} raised {type(error).__name__}: {error}"
        problem = compare_values(expected, got, exercise.rtol, exercise.atol)
        if problem:
            return f"For {_describe_call(name, case)}\n  {problem}"
    return None


def check(exercise_id: str, answer: Callable) -> Callable:
    """Check the learner's function for an exercise and return the function the notebook should use.

    Returns ``answer`` when it is correct, the reference implementation when the exercise is not
    attempted yet, and raises :class:`ExerciseError` explaining the mistake when it is wrong.
    """
    exercise = get_exercise(exercise_id)
    label = f"Exercise {exercise.id} ({exercise.title})"
    if not callable(answer):
        raise ExerciseError(
            f"{label}: check({exercise.id!r}, ...) needs the function you wrote, but got {_kind(answer)}.\n"
            f"Pass the function itself, without calling it: check({exercise.id!r}, my_function)."
        )
    try:
        problem = find_problem(exercise, answer)
    except NotAttempted:
        print(
            f"○ {label}: not attempted yet. Replace the `raise NotImplementedError` line with your code "
            f"and run the cell again. Until then the notebook uses the course's reference solution."
        )
        return exercise.reference
    if problem:
        raise ExerciseError(f"✘ {label} is not right yet.\n{problem}\nHint: {exercise.hint}")
    print(f"✔ {label}: correct on all {len(exercise.cases)} test inputs.")
    return answer


CLAIM_MIME_TYPE = "application/vnd.udlcourse.claim+json"
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
        raise ValueError(f"holds must have a truth value, got {type(holds).__name__}: {error}") from None


def _show(text: str, payload: dict[str, Any]) -> None:
    """Print ``text`` and, in a notebook, store ``payload`` in the cell's output for ``read_claims``."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # plain Python without IPython
        print(text)
        return
    if get_ipython() is None:
        print(text)
    else:
        display({"text/plain": text, CLAIM_MIME_TYPE: payload}, raw=True)


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
        _show(f"✔ Claim holds: {statement}{detail}", payload)
        return
    if is_strict():
        _show(f"✘ Claim does not hold: {statement}{detail}", payload)
        raise ClaimError(f"✘ Claim does not hold: {statement}{detail}")
    _show(_learner_box(
        f"Claim did not hold with these numbers: {statement}",
        evidence,
        "This can happen with changed parameters, another seed or a very different machine; "
        "the notebook goes on.",
    ), payload)


def _as_array(value: Any, name: str) -> np.ndarray:
    if isinstance(value, torch.Tensor):
        value = value.detach().cpu().numpy()
    try:
        array = np.asarray(value)
    except Exception as error:
        raise ValueError(f"{name} must be a number or an array, got {type(value).__name__}: {error}") from None
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
        problem = None if close.all() else (
            f"{int((~close).sum())} of {close.size} values differ; largest difference {largest:.3g}"
        )
    if problem is None:
        print(f"✔ Agrees: {what} (largest difference {largest:.2g})")
        return largest
    if is_strict():
        raise AgreementError(f"✘ Does not agree: {what} ({problem})")
    print(_learner_box(f"Does not agree: {what}", problem, "A from-scratch result should match its reference: "
                       "look for a changed function above."))
    return largest
