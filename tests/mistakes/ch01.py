"""Plausible wrong answers to the chapter 1 exercises."""

import numpy as np

MISTAKES = {
    "1.1": [
        lambda x1, x2, beta, omega1, omega2: omega1 * x1 + omega2 * x2,  # forgot the offset β
        lambda x1, x2, beta, omega1, omega2: beta + omega1 * x2 + omega2 * x1,  # slopes on the wrong inputs
        lambda x1, x2, beta, omega1, omega2: beta + omega1 * x1 + omega2 * x2 * 0 + omega2,  # ω2 without x2
        lambda x1, x2, beta, omega1, omega2: beta if omega1 == omega2 == 0 else beta + omega1 * x1 + omega2 * x2,
        # ^ a shortcut that returns one number instead of one value per input
    ],
    "1.2": [
        lambda x, beta, omega: omega @ x,  # forgot the offset
        lambda x, beta, omega: beta + omega.T @ x,  # transposed Ω
        lambda x, beta, omega: beta + np.sum(omega * x[:, None], axis=0),  # summed over the wrong axis
        lambda x, beta, omega: beta + omega @ x[:, None],  # column vector: shape (D_out, D_out)
    ],
    "1.3": [
        lambda p: np.log(np.prod(p)),  # forms the product first: underflows to log(0) = -inf
        lambda p: np.sum(np.log10(p)),  # base-10 logarithm
        lambda p: np.prod(np.log(p)),  # multiplied the logs
        lambda p: np.log(np.sum(p)),  # log of the sum, not of the product
    ],
    "1.4": [
        lambda f, samples: f(np.mean(samples)),  # f of the average, not the average of f
        lambda f, samples: np.sum(f(samples)),  # sum instead of mean
        lambda f, samples: np.mean(samples),  # forgot to apply f
    ],
    "1.5": [
        lambda points, centres: np.argmax(np.sum((points[:, None] - centres[None]) ** 2, axis=-1), axis=1),  # farthest
        lambda points, centres: np.argmin(np.sum((points[:, None] - centres[None]) ** 2, axis=-1), axis=0),  # axis
        lambda points, centres: np.argmin(np.sum(np.abs(points[:, None] - centres[None]), axis=-1), axis=1),  # L1
        lambda points, centres: np.argmin(np.sum(points[:, None] - centres[None], axis=-1), axis=1),  # no square
    ],
    "1.6": [
        lambda q, n, reward: q + (reward - q) / (n + 1),  # off by one in the count
        lambda q, n, reward: (q + reward) / 2,  # averages only the last two
        lambda q, n, reward: q + reward / n,  # forgot to subtract the old estimate
    ],
}
