"""Plausible wrong answers to the chapter 5 exercises."""

import numpy as np


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


MISTAKES = {
    "5.1": [
        # density first, log afterwards: the density underflows to 0 and -log(0) = inf
        _quiet(lambda y, mu, s2: -np.sum(np.log(np.exp(-((y - mu) ** 2) / (2 * s2)) / np.sqrt(2 * np.pi * s2)))),
        lambda y, mu, s2: np.sum((y - mu) ** 2 / (2 * s2)),  # dropped the normalising term
        lambda y, mu, s2: np.sum(np.log(np.sqrt(2 * np.pi) * s2) + (y - mu) ** 2 / (2 * s2**2)),  # s2 used as sigma
        lambda y, mu, s2: np.mean(0.5 * np.log(2 * np.pi * s2) + (y - mu) ** 2 / (2 * s2)),  # mean, not sum
        lambda y, mu, s2: np.sum(np.log(2 * np.pi * s2) + (y - mu) ** 2 / (2 * s2)),  # forgot the 1/2 of the sqrt
    ],
    "5.2": [
        lambda y, mu: np.sum((y - mu) ** 2) / (len(y) - 1) if len(y) > 1 else 0.0,  # unbiased I-1
        lambda y, mu: np.var(y - mu),  # centred the residuals again
        lambda y, mu: np.sqrt(np.mean((y - mu) ** 2)),  # standard deviation, not variance
        lambda y, mu: np.var(y),  # ignored the model
    ],
    "5.3": [
        # eq. 5.20 literally, with probabilities: log(0) = -inf and 0 * -inf = NaN at logits of +-1000
        _quiet(lambda z, y: -np.sum((1 - y) * np.log(1 - _naive_sigmoid(z)) + y * np.log(_naive_sigmoid(z)))),
        _quiet(lambda z, y: np.sum(np.log(1 + np.exp(z)) - y * z)),  # right algebra, exp(1000) overflows
        lambda z, y: np.sum(y * np.logaddexp(0.0, -z)),  # forgot the (1 - y) term
        lambda z, y: np.sum(np.logaddexp(0.0, z) - (1 - y) * z),  # labels the wrong way round
        lambda z, y: np.mean(np.logaddexp(0.0, z) - y * z),  # mean, not sum
    ],
    "5.4": [
        _quiet(_naive_softmax),  # exp(1000) = inf and inf / inf = NaN
        lambda z: np.exp(z - np.max(z)) / np.sum(np.exp(z - np.max(z))),  # normalised over the whole batch
        _quiet(lambda z: np.exp(z - np.max(z)) / np.sum(np.exp(z - np.max(z)), axis=-1, keepdims=True)),  # global max
        lambda z: np.exp(z - np.max(z, axis=0, keepdims=True)) / np.sum(np.exp(z - np.max(z, axis=0, keepdims=True)),
                                                                         axis=0, keepdims=True),  # wrong axis
    ],
    "5.5": [
        _quiet(lambda z: np.log(np.sum(np.exp(z), axis=-1))),  # overflows to inf, underflows to log(0)
        lambda z: np.log(np.sum(np.exp(z - np.max(z, axis=-1, keepdims=True)), axis=-1)),  # forgot to add the max back
        _quiet(lambda z: np.max(z) + np.log(np.sum(np.exp(z - np.max(z)), axis=-1))),  # one max for the whole batch
        lambda z: np.max(z, axis=-1, keepdims=True)
        + np.log(np.sum(np.exp(z - np.max(z, axis=-1, keepdims=True)), axis=-1, keepdims=True)),  # kept the axis
        lambda z: np.max(z, axis=-1),  # only the largest term
    ],
    "5.6": [
        _quiet(lambda f, y: -np.sum(np.log(_naive_softmax(f)[np.arange(len(y)), y]))),  # naive softmax then log
        lambda f, y: -np.sum(f[np.arange(len(y)), y]),  # forgot the log-sum-exp term
        lambda f, y: np.sum(np.logaddexp.reduce(f, axis=-1)[:, None] - f[:, y]),  # f[:, y] pairs every row with every label
        lambda f, y: np.mean(np.logaddexp.reduce(f, axis=-1) - f[np.arange(len(y)), y]),  # mean, not sum
        lambda f, y: np.sum(np.logaddexp.reduce(f, axis=-1) + f[np.arange(len(y)), y]),  # sign of the label term
    ],
}
