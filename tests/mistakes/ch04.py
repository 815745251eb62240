"""Plausible wrong answers to the chapter 4 exercises."""

import math
from math import comb

import numpy as np


def _shallow(x, theta, phi):
    return phi[0] + np.maximum(0.0, theta[:, 0] + theta[:, 1] * np.asarray(x)[..., None]) @ phi[1:]


def _deep_relu_on_output(x, weights, biases):
    h = x
    for omega, beta in zip(weights, biases):
        h = np.maximum(0.0, beta[:, None] + omega @ h)
    return h


def _deep_no_relu(x, weights, biases):
    h = x
    for omega, beta in zip(weights, biases):
        h = beta[:, None] + omega @ h
    return h


def _deep_row_bias(x, weights, biases):
    h = x
    for omega, beta in zip(weights[:-1], biases[:-1]):
        h = np.maximum(
            0.0, beta + omega @ h
        )  # adds the bias along the wrong axis (or fails to broadcast)
    return biases[-1] + weights[-1] @ h


def _deep_transposed(x, weights, biases):
    h = x
    for omega, beta in zip(weights[:-1], biases[:-1]):
        h = np.maximum(
            0.0, beta[:, None] + omega.T @ h
        )  # Ω transposed: fails or, when square, is wrong ([4,4,4,4])
    return biases[-1][:, None] + weights[-1].T @ h


MISTAKES = {
    "4.1": [
        lambda x, theta, phi: (
            np.maximum(0.0, theta[:, 0] + theta[:, 1] * x[:, None]) @ phi[1:]
        ),  # forgot phi_0
        lambda x, theta, phi: (
            phi[0] + (theta[:, 0] + theta[:, 1] * x[:, None]) @ phi[1:]
        ),  # no ReLU
        lambda x, theta, phi: (
            phi[0] + np.maximum(0.0, theta[:, 1] + theta[:, 0] * x[:, None]) @ phi[1:]
        ),  # swapped
        lambda x, theta, phi: np.maximum(
            0.0, phi[0] + (theta[:, 0] + theta[:, 1] * x[:, None]) @ phi[1:]
        ),  # ReLU out
    ],
    "4.2": [
        lambda x, t1, p1, t2, p2: _shallow(_shallow(x, t2, p2), t1, p1),  # wrong order
        lambda x, t1, p1, t2, p2: (
            _shallow(x, t1, p1) + _shallow(x, t2, p2)
        ),  # added instead of composed
        lambda x, t1, p1, t2, p2: _shallow(
            np.maximum(0.0, _shallow(x, t1, p1)), t2, p2
        ),  # ReLU between
    ],
    "4.3": [_deep_relu_on_output, _deep_no_relu, _deep_row_bias, _deep_transposed],
    "4.4": [
        lambda widths: int(
            sum(a * b for a, b in zip(widths[:-1], widths[1:]))
        ),  # forgot the biases
        lambda widths: int(
            sum((a + 1) * b for a, b in zip(widths[:-1], widths[1:])) + widths[0]
        ),  # input "bias"
        lambda widths: int(
            sum(a * (b + 1) for a, b in zip(widths[:-1], widths[1:]))
        ),  # biases per input unit
        lambda widths: int(
            sum((a + 1) * b for a, b in zip(widths[:-2], widths[1:-1]))
        ),  # forgot the output layer
    ],
    "4.5": [
        # the formula this course used before, (D/D_i)^(D_i(K-1)) · Σ C(D, j): caught by (1, 3, 2), 12 for 16
        lambda di, d, k: (d // di) ** (di * (k - 1)) * sum(comb(d, j) for j in range(di + 1)),
        lambda di, d, k: int(
            (d + 1) ** k
        ),  # the one-input count (D + 1)^K for every D_i: caught by (2, 4, 3)
        # K instead of K - 1 in the power: caught by (1, 3, 1)
        lambda di, d, k: (d // di + 1) ** (di * k) * sum(comb(d, j) for j in range(di + 1)),
        # sum from j = 1: caught by (1, 3, 1), 3 for 4
        lambda di, d, k: (
            (d // di + 1) ** (di * (k - 1)) * sum(comb(d, j) for j in range(1, di + 1))
        ),
        # sum stops at D_i - 1 (range(di)): caught by (1, 3, 1), 1 for 4
        lambda di, d, k: (d // di + 1) ** (di * (k - 1)) * sum(comb(d, j) for j in range(di)),
        # forgot the power D_i: caught by (2, 4, 3)
        lambda di, d, k: (d // di + 1) ** (k - 1) * sum(comb(d, j) for j in range(di + 1)),
        # power D (not D_i): caught by (2, 4, 3)
        lambda di, d, k: (d // di + 1) ** (d * (k - 1)) * sum(comb(d, j) for j in range(di + 1)),
        # C(D_i, j) instead of C(D, j): caught by (1, 3, 1), 2 for 4
        lambda di, d, k: (d // di + 1) ** (di * (k - 1)) * sum(comb(di, j) for j in range(di + 1)),
        # D/D_i computed in floats: inexact above 2^53, caught by (1, 10, 16) and (10, 50, 5)
        lambda di, d, k: (d / di + 1) ** (di * (k - 1)) * sum(comb(d, j) for j in range(di + 1)),
        # float() of the right value: caught by (1, 10, 16), 11^16 is not a float
        lambda di, d, k: float(
            (d // di + 1) ** (di * (k - 1)) * sum(comb(d, j) for j in range(di + 1))
        ),
        # numpy int64 arithmetic overflows silently: caught by (10, 50, 5)
        lambda di, d, k: int(
            np.int64(d // di + 1) ** np.int64(di * (k - 1))
            * np.int64(sum(comb(d, j) for j in range(di + 1)))
        ),
        # math.pow returns a float: caught by (1, 10, 16)
        lambda di, d, k: (
            int(math.pow(d // di + 1, di * (k - 1))) * sum(comb(d, j) for j in range(di + 1))
        ),
    ],
}


# Correct ways of writing each exercise that the checks must accept (loops, float32 where the text allows it,
# library calls). Not yet run by tests/test_exercises.py; check them with
# `python -c "from tests.mistakes.ch04 import CORRECT; ..."` until a shared test runs every CORRECT list.
def _regions_loop(di, d, k):
    total = 0
    for j in range(di + 1):
        total += math.factorial(d) // (math.factorial(j) * math.factorial(d - j))
    for _ in range(di * (k - 1)):
        total *= d // di + 1
    return total


def _shallow_loop(x, theta, phi):
    out = np.full(len(x), float(phi[0]))
    for d in range(len(theta)):
        out += phi[d + 1] * np.maximum(0.0, theta[d, 0] + theta[d, 1] * x)
    return out


def _deep_loop(x, weights, biases):
    h = x
    for k, (omega, beta) in enumerate(zip(weights, biases)):
        h = omega @ h + beta.reshape(-1, 1)
        if k < len(weights) - 1:
            h = np.where(h > 0, h, 0.0)
    return h


CORRECT = {
    "4.1": [
        _shallow_loop,
        lambda x, theta, phi: (
            phi[0] + np.maximum(0, np.outer(x, theta[:, 1]) + theta[:, 0]) @ phi[1:]
        ),
    ],
    "4.2": [lambda x, t1, p1, t2, p2: _shallow_loop(_shallow_loop(x, t1, p1), t2, p2)],
    "4.3": [_deep_loop],
    "4.4": [
        lambda widths: sum(
            widths[i] * widths[i + 1] + widths[i + 1] for i in range(len(widths) - 1)
        )
    ],
    "4.5": [
        _regions_loop,
        lambda di, d, k: (
            math.prod([d // di + 1] * (di * (k - 1))) * sum(math.comb(d, j) for j in range(di + 1))
        ),
    ],
}
