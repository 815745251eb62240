"""Plausible wrong answers to the chapter 11 exercises."""

from math import comb

import numpy as np


def _autocorrelation(g, centre=True, same_length=False, lag=1):
    c = g - np.mean(g) if centre else g
    numerator = np.sum(c[:-lag] * c[lag:]) if lag else np.sum(c * c)
    denominator = np.sum(c[:-1] ** 2) if same_length else np.sum(c**2)
    return float(numerator / denominator)


def _batch_norm(h, gamma, delta, eps=1e-5, ddof=0, axis=0, eps_outside=False, affine=True):
    mean = h.mean(axis=axis, keepdims=True)
    std = h.std(axis=axis, ddof=ddof, keepdims=True)
    normalised = (h - mean) / (std + eps if eps_outside else np.sqrt(std**2 + eps))
    return gamma * normalised + delta if affine else normalised


# --- added for the checks issue: each names the case (udlcourse/exercises/ch11.py) that catches it ---


def _autocorrelation_in_place(g):
    g -= np.mean(
        g
    )  # centres the caller's array in place; caught by the in-place check (every case)
    return float(np.sum(g[:-1] * g[1:]) / np.sum(g**2))


def _autocorrelation_mean_of_products(g):
    c = g - np.mean(g)  # means instead of sums: (N − 1) and N differ; caught by "four samples"
    return float(np.mean(c[:-1] * c[1:]) / np.mean(c**2))


def _residual_block_in_place(h, omega, beta):
    h += (
        np.maximum(h, 0) @ omega.T + beta
    )  # writes into the caller's h; caught by the in-place check
    return h


def _batch_norm_in_place(h, gamma, delta, eps=1e-5):
    h -= h.mean(axis=0)  # normalises the caller's batch in place; caught by the in-place check
    h /= np.sqrt(h.var(axis=0) + eps)
    return gamma * h + delta


MISTAKES = {
    "11.1": [
        lambda g: _autocorrelation(g, centre=False),  # forgot to subtract the mean
        lambda g: _autocorrelation(g, lag=0),  # lag 0: always 1
        lambda g: (
            float(np.corrcoef(g[:-1], g[1:])[0, 1]) if np.std(g) > 0 else 0.0
        ),  # Pearson of the two halves
        lambda g: float(np.sum((g[:-1] - np.mean(g)) * (g[1:] - np.mean(g)))),  # not normalised
        _autocorrelation_in_place,
        _autocorrelation_mean_of_products,
        # denominator over the first N − 1 samples only; caught by "a smooth curve" and "four samples"
        lambda g: _autocorrelation(g, same_length=True),
    ],
    "11.2": [
        lambda h, omega, beta: np.maximum(h, 0) @ omega.T + beta,  # forgot the skip connection
        lambda h, omega, beta: h + np.maximum(h, 0) @ omega + beta,  # Ω transposed
        lambda h, omega, beta: np.maximum(
            h + h @ omega.T + beta, 0
        ),  # ReLU after the addition (plain order)
        lambda h, omega, beta: h + np.maximum(h @ omega.T + beta, 0),  # linear before ReLU
        _residual_block_in_place,
        # forgot β; caught by "zero weights: h + β"
        lambda h, omega, beta: h + np.maximum(h, 0) @ omega.T,
        # no ReLU at all (a linear branch); caught by "all inputs negative: the branch is off"
        lambda h, omega, beta: h + h @ omega.T + beta,
    ],
    "11.3": [
        lambda k: 2**k,  # only the total number of paths
        lambda k: np.array(
            [comb(k, j) for j in range(1, k + 1)]
        ),  # forgot the path that skips every block
        lambda k: np.ones(k + 1, dtype=int),  # one path per length
        lambda k: np.array([comb(k + 1, j) for j in range(k + 1)]),  # off by one block
        # floats from scipy.special.comb-style arithmetic where the text asks for integers; caught by the dtype check
        lambda k: np.array([float(comb(k, j)) for j in range(k + 1)]),
    ],
    "11.4": [
        lambda v, k, s: v * (2.0 * s) ** np.arange(k + 1),  # scale not squared
        lambda v, k, s: v * (2.0 * s**2) ** np.arange(1, k + 1),  # forgot the starting variance
        lambda v, k, s: v * (1.0 + np.arange(k + 1)) * s**2,  # linear growth
        lambda v, k, s: (
            v * (2.0 * s**2) ** np.arange(k + 1) / 2 ** np.arange(k + 1)
        ),  # ReLU halves twice
        # the scale applied to the branch only, (1 + s²) per block; caught by "rescaled by 1/√2: stays constant"
        lambda v, k, s: v * (1.0 + s**2) ** np.arange(k + 1),
        # K values instead of K + 1 (no entry before the first block); caught by every case through the shape
        lambda v, k, s: v * (2.0 * s**2) ** np.arange(k),
    ],
    "11.5": [
        lambda h, gamma, delta, eps=1e-5: _batch_norm(
            h, gamma, delta, eps, ddof=1
        ),  # unbiased variance
        lambda h, gamma, delta, eps=1e-5: _batch_norm(
            h, gamma, delta, eps, axis=1
        ),  # normalised each example
        lambda h, gamma, delta, eps=1e-5: _batch_norm(
            h, gamma, delta, eps, affine=False
        ),  # forgot γ and δ
        lambda h, gamma, delta, eps=1e-5: _batch_norm(h, delta, gamma, eps),  # γ and δ swapped
        # ε added to the standard deviation (the book's eq. 11.8) where the text follows torch; caught by "ε = 0.1"
        lambda h, gamma, delta, eps=1e-5: _batch_norm(h, gamma, delta, eps, eps_outside=True),
        _batch_norm_in_place,
        # the variance as mean(h²) − mean(h)²: cancels catastrophically; caught by "an offset of 10⁶"
        lambda h, gamma, delta, eps=1e-5: (
            gamma * (h - h.mean(0)) / np.sqrt((h**2).mean(0) - h.mean(0) ** 2 + eps) + delta
        ),
    ],
}


def _autocorrelation_correlate(g):
    c = np.asarray(g, float) - np.mean(g)
    full = np.correlate(c, c, mode="full")[len(c) - 1 :]
    return float(full[1] / full[0])


def _residual_block_torch(h, omega, beta):
    import torch

    t = torch.tensor(h)
    return (t + torch.relu(t) @ torch.tensor(omega).T + torch.tensor(beta)).numpy()


def _path_counts_pascal(n_blocks):
    row = [1]
    for _ in range(n_blocks):
        row = [a + b for a, b in zip([0] + row, row + [0])]
    return np.array(row)


def _batch_norm_torch(h, gamma, delta, eps=1e-5):
    import torch

    return torch.nn.functional.batch_norm(
        torch.tensor(h),
        None,
        None,
        torch.tensor(gamma),
        torch.tensor(delta),
        training=True,
        eps=eps,
    ).numpy()


# Correct ways of writing each exercise that the text allows (loops, library calls).
ALTERNATIVES = {
    "11.1": [_autocorrelation_correlate],
    "11.2": [
        _residual_block_torch,
        lambda h, omega, beta: h + np.array([omega @ np.maximum(row, 0) for row in h]) + beta,
    ],
    "11.3": [_path_counts_pascal],
    "11.4": [lambda v, k, s: np.array([v * (2 * s * s) ** i for i in range(k + 1)])],
    "11.5": [
        _batch_norm_torch,
        lambda h, gamma, delta, eps=1e-5: (
            gamma * (h - h.mean(0)) / np.sqrt(((h - h.mean(0)) ** 2).mean(0) + eps) + delta
        ),
    ],
}
