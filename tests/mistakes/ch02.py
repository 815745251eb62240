"""Plausible wrong answers to the chapter 2 exercises."""

import numpy as np

MISTAKES = {
    "2.1": [
        lambda x, phi0, phi1: phi1 + phi0 * x,  # intercept and slope swapped
        lambda x, phi0, phi1: phi1 * x,  # forgot the intercept
    ],
    "2.2": [
        lambda x, y, phi0, phi1: np.mean((phi0 + phi1 * x - y) ** 2),  # mean instead of sum
        lambda x, y, phi0, phi1: np.sum(np.abs(phi0 + phi1 * x - y)),  # absolute instead of squared
        lambda x, y, phi0, phi1: np.sum(phi0 + phi1 * x - y) ** 2,  # squared the sum
    ],
    "2.3": [
        lambda x, y, g0, g1: np.sum((g0 + g1 - y.sum()) ** 2) + 0 * g0,  # nonsense broadcast
        lambda x, y, g0, g1: np.sum((g0[..., None] + g1[..., None] * x - y) ** 2, axis=0),  # wrong axis
        lambda x, y, g0, g1: np.mean((g0[..., None] + g1[..., None] * x - y) ** 2, axis=-1),  # mean
    ],
    "2.4": [
        lambda x, y, phi0, phi1: np.array([np.sum(phi0 + phi1 * x - y), np.sum((phi0 + phi1 * x - y) * x)]),  # no 2
        lambda x, y, phi0, phi1: np.array([2 * np.sum(phi0 + phi1 * x - y), 2 * np.sum(phi0 + phi1 * x - y)]),
        lambda x, y, phi0, phi1: (2 * np.sum(phi0 + phi1 * x - y), 2 * np.sum((phi0 + phi1 * x - y) * x)),  # tuple
    ],
    "2.5": [
        lambda x, y: (np.mean(y), np.sum(x * y) / np.sum(x**2)),  # forgot to centre
        lambda x, y: (np.polyfit(x, y, 1)[0], np.polyfit(x, y, 1)[1]),  # polyfit's order is (slope, intercept)
    ],
}
