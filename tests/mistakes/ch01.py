"""Plausible wrong answers to the chapter 1 exercises."""

import numpy as np

MISTAKES = {
    "1.1": [
        lambda x1, x2, beta, omega1, omega2: omega1 * x1 + omega2 * x2,  # forgot the offset β
        lambda x1, x2, beta, omega1, omega2: (
            beta + omega1 * x2 + omega2 * x1
        ),  # slopes on the wrong inputs
        lambda x1, x2, beta, omega1, omega2: (
            beta + omega1 * x1 + omega2 * x2 * 0 + omega2
        ),  # ω2 without x2
        lambda x1, x2, beta, omega1, omega2: (
            beta if omega1 == omega2 == 0 else beta + omega1 * x1 + omega2 * x2
        ),
        # ^ a shortcut that returns one number instead of one value per input
    ],
    "1.2": [
        lambda x, beta, omega: omega @ x,  # forgot the offset
        lambda x, beta, omega: beta + omega.T @ x,  # transposed Ω
        lambda x, beta, omega: (
            beta + np.sum(omega * x[:, None], axis=0)
        ),  # summed over the wrong axis
        lambda x, beta, omega: beta + omega @ x[:, None],  # column vector: shape (D_out, D_out)
    ],
    "1.3": [
        lambda p: np.log(np.prod(p)),  # forms the product first: underflows to log(0) = -inf
        lambda p: np.sum(np.log10(p)),  # base-10 logarithm
        lambda p: np.prod(np.log(p)),  # multiplied the logs
        lambda p: np.log(np.sum(p)),  # log of the sum, not of the product
        lambda p: np.mean(np.log(p)),  # mean instead of sum: caught by the two-probability case
        lambda p: (
            -np.sum(np.log(p))
        ),  # the negative log (a loss), not the log: caught by every case
    ],
    "1.4": [
        lambda f, samples: f(np.mean(samples)),  # f of the average, not the average of f
        lambda f, samples: np.sum(f(samples)),  # sum instead of mean
        lambda f, samples: np.mean(samples),  # forgot to apply f
        lambda f, samples: (
            np.sum(f(samples)) / (len(samples) - 1)
        ),  # divides by I - 1: caught by every case
        lambda f, samples: np.mean(
            f(samples[1:])
        ),  # skips the first sample: caught by the one-sample case
    ],
    "1.5": [
        lambda points, centres: np.argmax(
            np.sum((points[:, None] - centres[None]) ** 2, axis=-1), axis=1
        ),  # farthest
        lambda points, centres: np.argmin(
            np.sum((points[:, None] - centres[None]) ** 2, axis=-1), axis=0
        ),  # axis
        lambda points, centres: np.argmin(
            np.sum(np.abs(points[:, None] - centres[None]), axis=-1), axis=1
        ),  # L1
        lambda points, centres: np.argmin(
            np.sum(points[:, None] - centres[None], axis=-1), axis=1
        ),  # no square
    ],
    "1.6": [
        lambda q, n, reward: q + (reward - q) / (n + 1),  # off by one in the count
        lambda q, n, reward: (q + reward) / 2,  # averages only the last two
        lambda q, n, reward: q + reward / n,  # forgot to subtract the old estimate
        lambda q, n, reward: (
            (q * n + reward) / (n + 1)
        ),  # treats n as the count before this reward: first case
        lambda q, n, reward: (
            q + 0.1 * (reward - q)
        ),  # a constant step size, not 1/n: caught by the first case
    ],
}


# Correct ways of writing each exercise that the checks must accept (loops, float32 where the text allows it,
# library calls). Not yet run by tests/test_exercises.py (see the report to the integrator).
def _linear_layer_loop(x, beta, omega):
    out = np.array(beta, dtype=float)
    for d in range(omega.shape[0]):
        for j in range(omega.shape[1]):
            out[d] += omega[d, j] * x[j]
    return out


def _assign_loop(points, centres):
    result = np.zeros(len(points), dtype=int)
    for i, point in enumerate(points):
        result[i] = int(np.argmin([np.linalg.norm(point - centre) for centre in centres]))
    return result


CORRECT = {
    "1.1": [
        lambda x1, x2, beta, omega1, omega2: np.add(
            beta, np.add(np.multiply(omega1, x1), np.multiply(omega2, x2))
        )
    ],
    "1.2": [
        _linear_layer_loop,
        lambda x, beta, omega: x @ omega.T + beta,
        lambda x, beta, omega: beta + np.dot(omega, x),
    ],
    "1.3": [lambda p: float(sum(np.log(v) for v in p)), lambda p: np.log(p).sum()],
    "1.4": [
        lambda f, samples: np.sum(f(samples)) / len(samples),
        lambda f, samples: float(np.average(f(samples))),
    ],
    "1.5": [_assign_loop],
    "1.6": [lambda q, n, reward: (q * (n - 1) + reward) / n],
}
