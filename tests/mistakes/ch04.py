"""Plausible wrong answers to the chapter 4 exercises."""

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
        h = np.maximum(0.0, beta + omega @ h)  # adds the bias along the wrong axis (or fails to broadcast)
    return biases[-1] + weights[-1] @ h


MISTAKES = {
    "4.1": [
        lambda x, theta, phi: np.maximum(0.0, theta[:, 0] + theta[:, 1] * x[:, None]) @ phi[1:],  # forgot phi_0
        lambda x, theta, phi: phi[0] + (theta[:, 0] + theta[:, 1] * x[:, None]) @ phi[1:],  # no ReLU
        lambda x, theta, phi: phi[0] + np.maximum(0.0, theta[:, 1] + theta[:, 0] * x[:, None]) @ phi[1:],  # swapped
        lambda x, theta, phi: np.maximum(0.0, phi[0] + (theta[:, 0] + theta[:, 1] * x[:, None]) @ phi[1:]),  # ReLU out
    ],
    "4.2": [
        lambda x, t1, p1, t2, p2: _shallow(_shallow(x, t2, p2), t1, p1),  # wrong order
        lambda x, t1, p1, t2, p2: _shallow(x, t1, p1) + _shallow(x, t2, p2),  # added instead of composed
        lambda x, t1, p1, t2, p2: _shallow(np.maximum(0.0, _shallow(x, t1, p1)), t2, p2),  # ReLU between
    ],
    "4.3": [_deep_relu_on_output, _deep_no_relu, _deep_row_bias],
    "4.4": [
        lambda widths: int(sum(a * b for a, b in zip(widths[:-1], widths[1:]))),  # forgot the biases
        lambda widths: int(sum((a + 1) * b for a, b in zip(widths[:-1], widths[1:])) + widths[0]),  # input "bias"
        lambda widths: int(sum(a * (b + 1) for a, b in zip(widths[:-1], widths[1:]))),  # biases per input unit
    ],
    "4.5": [
        lambda di, d, k: int((d + 1) ** k),  # the one-input count, used for every D_i
        lambda di, d, k: int((d // di) ** (di * k) * sum(comb(d, j) for j in range(di + 1))),  # K instead of K-1
        lambda di, d, k: int((d // di) ** (di * (k - 1)) * sum(comb(d, j) for j in range(1, di + 1))),  # j from 1
        lambda di, d, k: int((d // di) ** (k - 1) * sum(comb(d, j) for j in range(di + 1))),  # forgot power D_i
    ],
}
