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


MISTAKES = {
    "11.1": [
        lambda g: _autocorrelation(g, centre=False),  # forgot to subtract the mean
        lambda g: _autocorrelation(g, lag=0),  # lag 0: always 1
        lambda g: float(np.corrcoef(g[:-1], g[1:])[0, 1]) if np.std(g) > 0 else 0.0,  # Pearson of the two halves
        lambda g: float(np.sum((g[:-1] - np.mean(g)) * (g[1:] - np.mean(g)))),  # not normalised
    ],
    "11.2": [
        lambda h, omega, beta: np.maximum(h, 0) @ omega.T + beta,  # forgot the skip connection
        lambda h, omega, beta: h + np.maximum(h, 0) @ omega + beta,  # Ω transposed
        lambda h, omega, beta: np.maximum(h + h @ omega.T + beta, 0),  # ReLU after the addition (plain order)
        lambda h, omega, beta: h + np.maximum(h @ omega.T + beta, 0),  # linear before ReLU
    ],
    "11.3": [
        lambda k: 2**k,  # only the total number of paths
        lambda k: np.array([comb(k, j) for j in range(1, k + 1)]),  # forgot the path that skips every block
        lambda k: np.ones(k + 1, dtype=int),  # one path per length
        lambda k: np.array([comb(k + 1, j) for j in range(k + 1)]),  # off by one block
    ],
    "11.4": [
        lambda v, k, s: v * (2.0 * s) ** np.arange(k + 1),  # scale not squared
        lambda v, k, s: v * (2.0 * s**2) ** np.arange(1, k + 1),  # forgot the starting variance
        lambda v, k, s: v * (1.0 + np.arange(k + 1)) * s**2,  # linear growth
        lambda v, k, s: v * (2.0 * s**2) ** np.arange(k + 1) / 2 ** np.arange(k + 1),  # ReLU halves twice
    ],
    "11.5": [
        lambda h, gamma, delta, eps=1e-5: _batch_norm(h, gamma, delta, eps, ddof=1),  # unbiased variance
        lambda h, gamma, delta, eps=1e-5: _batch_norm(h, gamma, delta, eps, axis=1),  # normalised each example
        lambda h, gamma, delta, eps=1e-5: _batch_norm(h, gamma, delta, eps, affine=False),  # forgot γ and δ
        lambda h, gamma, delta, eps=1e-5: _batch_norm(h, delta, gamma, eps),  # γ and δ swapped
    ],
}
