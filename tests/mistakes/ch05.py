"""Plausible wrong answers to the chapter 5 exercises."""

import math

import numpy as np
from scipy.special import gammaln


def _quiet(function):
    """Run a deliberately unstable formula without numpy's overflow warnings (the check reports the NaN/inf)."""

    def wrapped(*args):
        with np.errstate(all="ignore"):
            return function(*args)

    return wrapped


def _naive_sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _naive_softmax(z):
    return np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)


def _shifted_softmax(shift):
    def softmax(z):
        e = np.exp(z - shift(z))
        return e / np.sum(e, axis=-1, keepdims=True)

    return _quiet(softmax)


def _shifted_log_sum_exp(shift):
    def log_sum_exp(z):
        c = shift(z)
        return c[..., 0] + np.log(np.sum(np.exp(z - c), axis=-1))

    return _quiet(log_sum_exp)


_by_mean = lambda z: np.mean(z, axis=-1, keepdims=True)  # noqa: E731
_by_first = lambda z: z[..., :1]  # noqa: E731
_by_min = lambda z: np.min(z, axis=-1, keepdims=True)  # noqa: E731


def _poisson_log_factorial(f, y):
    return np.sum(
        np.exp(f) - y * f + np.log([float(math.factorial(int(k))) for k in y])
    )  # 171! is too big a float


MISTAKES = {
    "5.1": [
        # density first, log afterwards: the density underflows to 0 and -log(0) = inf
        _quiet(
            lambda y, mu, s2: (
                -np.sum(np.log(np.exp(-((y - mu) ** 2) / (2 * s2)) / np.sqrt(2 * np.pi * s2)))
            )
        ),
        lambda y, mu, s2: np.sum((y - mu) ** 2 / (2 * s2)),  # dropped the normalising term
        lambda y, mu, s2: np.sum(
            np.log(np.sqrt(2 * np.pi) * s2) + (y - mu) ** 2 / (2 * s2**2)
        ),  # s2 used as sigma
        lambda y, mu, s2: np.mean(
            0.5 * np.log(2 * np.pi * s2) + (y - mu) ** 2 / (2 * s2)
        ),  # mean, not sum
        lambda y, mu, s2: np.sum(
            np.log(2 * np.pi * s2) + (y - mu) ** 2 / (2 * s2)
        ),  # forgot the 1/2 of the sqrt
    ],
    "5.2": [
        lambda y, mu: np.sum((y - mu) ** 2) / (len(y) - 1) if len(y) > 1 else 0.0,  # unbiased I-1
        lambda y, mu: np.var(y - mu),  # centred the residuals again
        lambda y, mu: np.sqrt(np.mean((y - mu) ** 2)),  # standard deviation, not variance
        lambda y, mu: np.var(y),  # ignored the model
    ],
    "5.3": [
        # eq. 5.20 literally, with probabilities: log(0) = -inf and 0 * -inf = NaN at logits of +-1000
        _quiet(
            lambda z, y: (
                -np.sum((1 - y) * np.log(1 - _naive_sigmoid(z)) + y * np.log(_naive_sigmoid(z)))
            )
        ),
        _quiet(
            lambda z, y: np.sum(np.log(1 + np.exp(z)) - y * z)
        ),  # right algebra, exp(1000) overflows
        lambda z, y: np.sum(y * np.logaddexp(0.0, -z)),  # forgot the (1 - y) term
        lambda z, y: np.sum(np.logaddexp(0.0, z) - (1 - y) * z),  # labels the wrong way round
        lambda z, y: np.mean(np.logaddexp(0.0, z) - y * z),  # mean, not sum
    ],
    "5.4": [
        _quiet(_naive_softmax),  # exp(1000) = inf and inf / inf = NaN
        lambda z: (
            np.exp(z - np.max(z)) / np.sum(np.exp(z - np.max(z)))
        ),  # normalised over the whole batch
        _quiet(
            lambda z: np.exp(z - np.max(z)) / np.sum(np.exp(z - np.max(z)), axis=-1, keepdims=True)
        ),  # global max
        lambda z: (
            np.exp(z - np.max(z, axis=0, keepdims=True))
            / np.sum(np.exp(z - np.max(z, axis=0, keepdims=True)), axis=0, keepdims=True)
        ),  # wrong axis
        _shifted_softmax(
            _by_mean
        ),  # shift by the row mean: NaN on the rows spread by 1500 (_wide_spread)
        _shifted_softmax(
            _by_first
        ),  # shift by the first logit: NaN where the largest is 1500 above it (_wide_spread)
        _shifted_softmax(
            _by_min
        ),  # shift by the minimum: exp(1510) overflows (_wide_spread, also 1000 vs 0)
    ],
    "5.5": [
        _quiet(
            lambda z: np.log(np.sum(np.exp(z), axis=-1))
        ),  # overflows to inf, underflows to log(0)
        lambda z: np.log(
            np.sum(np.exp(z - np.max(z, axis=-1, keepdims=True)), axis=-1)
        ),  # forgot to add the max back
        _quiet(
            lambda z: np.max(z) + np.log(np.sum(np.exp(z - np.max(z)), axis=-1))
        ),  # one max for the whole batch
        lambda z: (
            np.max(z, axis=-1, keepdims=True)
            + np.log(np.sum(np.exp(z - np.max(z, axis=-1, keepdims=True)), axis=-1, keepdims=True))
        ),  # kept the axis
        lambda z: np.max(z, axis=-1),  # only the largest term
        _shifted_log_sum_exp(
            _by_mean
        ),  # shift by the row mean: inf on the rows spread by 1500 (_wide_spread)
        _shifted_log_sum_exp(
            _by_first
        ),  # shift by the first entry: inf where the largest is 1500 above it (_wide_spread)
    ],
    "5.6": [
        _quiet(
            lambda f, y: -np.sum(np.log(_naive_softmax(f)[np.arange(len(y)), y]))
        ),  # naive softmax then log
        lambda f, y: -np.sum(f[np.arange(len(y)), y]),  # forgot the log-sum-exp term
        lambda f, y: np.sum(
            np.logaddexp.reduce(f, axis=-1)[:, None] - f[:, y]
        ),  # f[:, y] pairs every row with every label
        lambda f, y: np.mean(
            np.logaddexp.reduce(f, axis=-1) - f[np.arange(len(y)), y]
        ),  # mean, not sum
        lambda f, y: np.sum(
            np.logaddexp.reduce(f, axis=-1) + f[np.arange(len(y)), y]
        ),  # sign of the label term
        lambda f, y: np.sum(
            np.logaddexp.reduce(f, axis=0)[y] - f[np.arange(len(y)), y]
        ),  # log-sum-exp down the columns
    ],
    "5.7": [
        lambda f, y: np.sum(
            np.exp(f) - y * f
        ),  # dropped log y!: wrong from y = 2 (all cases but the last)
        _poisson_log_factorial,  # log(factorial(y)) as a float: 171! overflows (case with counts 200 and 171)
        # the pmf first, log afterwards: 200^200 overflows (case with counts 200 and 171)
        _quiet(
            lambda f, y: (
                -np.sum(
                    np.log(
                        np.exp(f) ** y
                        * np.exp(-np.exp(f))
                        / np.array([math.gamma(k + 1) for k in y])
                    )
                )
            )
        ),
        lambda f, y: np.sum(
            f - y * np.log(np.abs(f) + 1e-300) + gammaln(y + 1)
        ),  # rate = f, not exp(f)
        lambda f, y: np.mean(np.exp(f) - y * f + gammaln(y + 1)),  # mean, not sum
        lambda f, y: np.sum(np.exp(f) + y * f + gammaln(y + 1)),  # sign of y·f
    ],
}


def _softmax_in_place(z):
    z -= np.max(z, axis=-1, keepdims=True)  # changes the caller's logits (caught on every case)
    np.exp(z, out=z)
    z /= np.sum(z, axis=-1, keepdims=True)
    return z


def _log_sum_exp_in_place(z):
    m = np.max(z, axis=-1, keepdims=True)
    z -= m  # changes the caller's array (caught on every case)
    return m[..., 0] + np.log(np.sum(np.exp(z), axis=-1))


MISTAKES["5.4"].append(_softmax_in_place)
MISTAKES["5.5"].append(_log_sum_exp_in_place)


# Correct answers written differently: every one must pass its check.
ALTERNATIVES = {
    "5.4": [
        lambda z: np.asarray(
            [np.exp(r - r.max()) / np.exp(r - r.max()).sum() for r in np.atleast_2d(z)]
        ).reshape(np.shape(z)),  # a loop over rows
        lambda z: __import__("scipy.special", fromlist=["softmax"]).softmax(z, axis=-1),  # scipy
        lambda z: np.exp(z - np.logaddexp.reduce(z, axis=-1, keepdims=True)),  # exp of log-softmax
        lambda z: (lambda e: e / e.sum(axis=-1, keepdims=True))(
            np.exp(np.float32(z) - np.float32(z).max(axis=-1, keepdims=True))
        ),  # float32
    ],
    "5.5": [
        lambda z: np.logaddexp.reduce(z, axis=-1),  # numpy
        lambda z: __import__("scipy.special", fromlist=["logsumexp"]).logsumexp(
            z, axis=-1
        ),  # scipy
    ],
    "5.7": [
        lambda f, y: sum(
            math.exp(fi) - yi * fi + math.lgamma(yi + 1) for fi, yi in zip(f, y)
        ),  # a loop with math.lgamma
        lambda f, y: (
            -np.sum(__import__("scipy.stats", fromlist=["poisson"]).poisson.logpmf(y, np.exp(f)))
        ),  # scipy.stats
    ],
}
