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
        lambda x, y, phi0, phi1: np.sqrt(
            np.sum((phi0 + phi1 * x - y) ** 2)
        ),  # the root (a norm): "near the true line"
    ],
    "2.3": [
        lambda x, y, g0, g1: np.sum((g0 + g1 - y.sum()) ** 2) + 0 * g0,  # nonsense broadcast
        lambda x, y, g0, g1: np.sum(
            (g0[..., None] + g1[..., None] * x - y) ** 2, axis=0
        ),  # wrong axis
        lambda x, y, g0, g1: np.mean((g0[..., None] + g1[..., None] * x - y) ** 2, axis=-1),  # mean
    ],
    "2.4": [
        lambda x, y, phi0, phi1: np.array(
            [np.sum(phi0 + phi1 * x - y), np.sum((phi0 + phi1 * x - y) * x)]
        ),  # no 2
        lambda x, y, phi0, phi1: np.array(
            [2 * np.sum(phi0 + phi1 * x - y), 2 * np.sum(phi0 + phi1 * x - y)]
        ),
        lambda x, y, phi0, phi1: (
            2 * np.sum(phi0 + phi1 * x - y),
            2 * np.sum((phi0 + phi1 * x - y) * x),
        ),  # tuple
        # the gradient of the mean loss (divided by I), which the training loop uses: caught by the 7-point cases
        lambda x, y, phi0, phi1: np.array(
            [2 * np.mean(phi0 + phi1 * x - y), 2 * np.mean((phi0 + phi1 * x - y) * x)]
        ),
        # residual written y - f: the sign of both derivatives flips, caught by "far from the minimum"
        lambda x, y, phi0, phi1: np.array(
            [2 * np.sum(y - phi0 - phi1 * x), 2 * np.sum((y - phi0 - phi1 * x) * x)]
        ),
    ],
    "2.5": [
        lambda x, y: (np.mean(y), np.sum(x * y) / np.sum(x**2)),  # forgot to centre
        lambda x, y: (
            np.polyfit(x, y, 1)[0],
            np.polyfit(x, y, 1)[1],
        ),  # polyfit's order is (slope, intercept)
        # np.cov divides by I - 1 but np.var by I: the slope is off by I/(I - 1), caught by "noisy data"
        lambda x, y: (
            np.mean(y) - np.cov(x, y)[0, 1] / np.var(x) * np.mean(x),
            np.cov(x, y)[0, 1] / np.var(x),
        ),
    ],
}


# Correct ways of writing each exercise that the checks must accept (loops, float32 where the text allows it,
# library calls). Not yet run by tests/test_exercises.py (see the report to the integrator).
def _loss_loop(x, y, phi0, phi1):
    total = 0.0
    for xi, yi in zip(x, y):
        total += (phi0 + phi1 * xi - yi) ** 2
    return total


def _surface_loop(x, y, g0, g1):
    out = np.zeros(g0.shape)
    for i in range(g0.shape[0]):
        for j in range(g0.shape[1]):
            out[i, j] = np.sum((g0[i, j] + g1[i, j] * x - y) ** 2)
    return out


CORRECT = {
    "2.1": [lambda x, phi0, phi1: np.add(phi0, np.multiply(phi1, x))],
    "2.2": [
        _loss_loop,
        lambda x, y, phi0, phi1: float(np.dot(phi0 + phi1 * x - y, phi0 + phi1 * x - y)),
    ],
    "2.3": [_surface_loop],
    "2.4": [
        lambda x, y, phi0, phi1: (
            2 * np.array([np.sum(phi0 + phi1 * x - y), np.dot(phi0 + phi1 * x - y, x)])
        )
    ],
    "2.5": [
        lambda x, y: tuple(float(v) for v in np.polyfit(x, y, 1)[::-1]),
        lambda x, y: tuple(
            float(v) for v in np.linalg.lstsq(np.stack([np.ones_like(x), x], 1), y, rcond=None)[0]
        ),
    ],
}
