"""Plausible wrong answers to the chapter 8 exercises."""

import math

import numpy as np
from scipy.special import gamma


def _bias_not_squared(predictions, truth):
    mean = np.mean(predictions, axis=0)
    return float(np.mean(mean - truth)), float(np.mean(np.var(predictions, axis=0)))


def _variance_wrong_axis(predictions, truth):
    mean = np.mean(predictions, axis=0)
    return float(np.mean((mean - truth) ** 2)), float(np.mean(np.var(predictions, axis=1)))


def _variance_about_truth(predictions, truth):
    mean = np.mean(predictions, axis=0)
    return float(np.mean((mean - truth) ** 2)), float(np.mean((predictions - truth) ** 2))


MISTAKES = {
    "8.1": [
        lambda scores, labels: float(np.mean(np.argmax(scores, axis=0) == labels[: scores.shape[1]])),  # wrong axis
        lambda scores, labels: int(np.sum(np.argmax(scores, axis=1) == labels)),  # a count, not a fraction
        lambda scores, labels: float(np.mean(np.argmax(scores, axis=1) != labels)),  # the error rate
    ],
    "8.2": [_bias_not_squared, _variance_wrong_axis, _variance_about_truth],
    "8.5": [
        lambda D: math.pi ** (D / 2) / math.gamma(D / 2 + 1),  # right formula, but Γ overflows at large D
        lambda D: float(np.pi ** (D / 2) / gamma(D / 2)),  # forgot the + 1
        lambda D: float(np.pi ** (D / 2) / gamma(D / 2 + 1)),  # gives 0 instead of a tiny volume at large D
    ],
    "8.4": [
        lambda a, b: np.sum((a[:, None, :] - b[None, :, :]) ** 2, axis=-1),  # squared distances
        lambda a, b: np.sqrt(np.sum((a[:, None, :] - b[None, :, :]) ** 2, axis=0)),  # summed the wrong axis
        lambda a, b: np.sum(np.abs(a[:, None, :] - b[None, :, :]), axis=-1),  # city-block distance
    ],
    "8.6": [
        lambda x, y, order, n: (x[order], y[order], x[order[:n]], y[order[:n]]),  # validation also trains
        lambda x, y, order, n: (x[n:], y[n:], x[:n], y[:n]),  # ignored the shuffled order
        lambda x, y, order, n: (x[order[n + 1:]], y[order[n + 1:]], x[order[:n]], y[order[:n]]),  # off by one
    ],
    "8.3": [
        lambda f, t: np.linalg.solve(f.T @ f, f.T @ t),  # normal equations: singular with more features than points
        lambda f, t: f.T @ np.linalg.solve(f @ f.T, t),  # the wide-matrix formula used for tall matrices too
        lambda f, t: np.linalg.pinv(f.T) @ t if f.shape[0] == f.shape[1] else np.linalg.pinv(f).T @ t,  # transposed
    ],
}
