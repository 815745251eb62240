"""Plausible wrong answers to the chapter 8 exercises, each with the input that catches it."""

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


def _variance_unbiased(predictions, truth):
    mean = np.mean(predictions, axis=0)
    return float(np.mean((mean - truth) ** 2)), float(np.mean(np.var(predictions, axis=0, ddof=1)))


def _summed_over_inputs(predictions, truth):
    mean = np.mean(predictions, axis=0)
    return float(np.sum((mean - truth) ** 2)), float(np.sum(np.var(predictions, axis=0)))


def _centred_in_place(predictions, truth):
    mean = np.mean(predictions, axis=0)
    predictions -= mean  # centres the caller's predictions
    return float(np.mean((mean - truth) ** 2)), float(np.mean(predictions**2))


def _split_shuffles_in_place(x, y, order, n):
    np.random.default_rng(0).shuffle(
        order
    )  # reshuffles the caller's order (and ignores the one given)
    return x[order[n:]], y[order[n:]], x[order[:n]], y[order[:n]]


MISTAKES = {
    "8.1": [
        # wrong axis: argmax down the columns (12 examples, 4 classes; the labels are cut to fit)
        lambda scores, labels: float(
            np.mean(np.argmax(scores, axis=0) == labels[: scores.shape[1]])
        ),
        lambda scores, labels: int(
            np.sum(np.argmax(scores, axis=1) == labels)
        ),  # a count, not a fraction (every case)
        lambda scores, labels: float(
            np.mean(np.argmax(scores, axis=1) != labels)
        ),  # the error rate (every case)
        lambda scores, labels: float(
            np.mean(np.argmax(scores) == labels)
        ),  # argmax of the flattened array (12×4)
        lambda scores, labels: float(
            np.mean(np.max(scores, axis=1) == labels)
        ),  # the top score, not its class
        lambda scores, labels: round(
            float(np.mean(np.argmax(scores, axis=1) == labels)), 1
        ),  # rounded (12 examples)
    ],
    "8.2": [
        _bias_not_squared,  # bias not squared (5 data sets, 7 inputs)
        _variance_wrong_axis,  # variance across the inputs (5 data sets, 7 inputs)
        _variance_about_truth,  # spread about the truth, not the mean model (models off by 0.5)
        _variance_unbiased,  # divides by R − 1 (5, 2 and 3 data sets with spread)
        _summed_over_inputs,  # sums over the inputs instead of averaging (7 and 4 inputs)
        _centred_in_place,  # in place: the caller's predictions are centred (every case)
    ],
    "8.5": [
        lambda D: (
            math.pi ** (D / 2) / math.gamma(D / 2 + 1)
        ),  # right formula, but Γ(201) overflows at D = 400
        lambda D: float(
            np.pi ** (D / 2) / gamma(D / 2)
        ),  # forgot the + 1 (D = 1: gives 1.0 instead of 2)
        lambda D: float(
            np.pi ** (D / 2) / gamma(D / 2 + 1)
        ),  # gives inf/inf = NaN instead of a tiny volume at D = 400
        lambda D: (
            2 * math.pi ** (D / 2) / math.gamma(D / 2)
        ),  # the surface area of the sphere (D = 1: 2, D = 2: 2π)
    ],
    "8.4": [
        lambda a, b: np.sum(
            (a[:, None, :] - b[None, :, :]) ** 2, axis=-1
        ),  # squared distances (3-4-5 triangle)
        lambda a, b: np.sqrt(
            np.sum((a[:, None, :] - b[None, :, :]) ** 2, axis=0)
        ),  # summed the wrong axis (4 vs 6)
        lambda a, b: np.sum(
            np.abs(a[:, None, :] - b[None, :, :]), axis=-1
        ),  # city-block distance (3-4-5 triangle)
        lambda a, b: np.sqrt(
            np.sum((a - b) ** 2, axis=-1)
        ),  # paired rows only: shapes (4, 3) and (6, 3) don't match
        lambda a, b: (
            np.sqrt(np.sum((a[:, None, :] - b[None, :, :]) ** 2, axis=-1)).T
        ),  # transposed: (m, n) for 4 vs 6
    ],
    "8.6": [
        lambda x, y, order, n: (
            x[order],
            y[order],
            x[order[:n]],
            y[order[:n]],
        ),  # validation also trains (n = 3)
        lambda x, y, order, n: (
            x[n:],
            y[n:],
            x[:n],
            y[:n],
        ),  # ignored the shuffled order (the permuted cases)
        lambda x, y, order, n: (
            x[order[n + 1 :]],
            y[order[n + 1 :]],
            x[order[:n]],
            y[order[:n]],
        ),  # off by one (n = 3)
        lambda x, y, order, n: (
            x[order[:n]],
            y[order[:n]],
            x[order[n:]],
            y[order[n:]],
        ),  # validation returned first
        lambda x, y, order, n: (
            x[order[:-n]],
            y[order[:-n]],
            x[order[-n:]],
            y[order[-n:]],
        ),  # the last n validate
        _split_shuffles_in_place,  # in place: reshuffles the caller's order (every case)
    ],
    "8.3": [
        lambda f, t: np.linalg.solve(
            f.T @ f, f.T @ t
        ),  # normal equations: singular with more features than points
        lambda f, t: (
            f.T @ np.linalg.solve(f @ f.T, t)
        ),  # the wide-matrix formula used for tall matrices too (8 × 3)
        # transposed pseudo-inverse (the 8 × 3 case)
        lambda f, t: (
            np.linalg.pinv(f.T) @ t if f.shape[0] == f.shape[1] else np.linalg.pinv(f).T @ t
        ),
        lambda f, t: (
            np.linalg.lstsq(f, t, rcond=None)[0]
            if f.shape[0] >= f.shape[1]
            else np.zeros(f.shape[1])
        ),  # gave up on wide
    ],
}
