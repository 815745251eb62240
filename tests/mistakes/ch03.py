"""Plausible wrong answers to the chapter 3 exercises."""

import math

import numpy as np
import scipy.special


def _network_without_offset(x, theta, phi):
    hidden = np.maximum(0.0, theta[:, 0] + np.outer(x, theta[:, 1]))
    return hidden @ phi[1:]  # forgot phi0


def _network_off_by_one(x, theta, phi):
    hidden = np.maximum(0.0, theta[:, 0] + np.outer(x, theta[:, 1]))
    return phi[-1] + hidden @ phi[:-1]  # weights shifted by one: phi[0] weights the first unit


def _network_unclipped(x, theta, phi):
    return (
        phi[0] + (theta[:, 0] + np.outer(x, theta[:, 1])) @ phi[1:]
    )  # forgot the ReLU: a straight line


def _count_changes(patterns):
    # counts the places where the pattern changes from one row to the next: right for a sorted 1D sweep only
    return 1 + int(np.any(patterns[1:] != patterns[:-1], axis=1).sum())


def _network_clipped_output(x, theta, phi):
    hidden = np.maximum(0.0, theta[:, 0] + x @ theta[:, 1:].T)
    return np.maximum(0.0, phi[:, 0] + hidden @ phi[:, 1:].T)  # clipped the outputs too


def _network_no_hidden_bias(x, theta, phi):
    hidden = np.maximum(0.0, x @ theta[:, 1:].T)  # dropped the hidden biases
    return phi[:, 0] + hidden @ phi[:, 1:].T


def _network_all_weights(x, theta, phi):
    hidden = np.maximum(0.0, theta[:, 0] + x @ theta[:, 1:].T)
    return hidden @ phi[:, 1:].T  # forgot the output biases


def _sigmoid_sign(z, leaky_slope=0.1, elu_alpha=1.0):
    sigmoid = 1.0 / (1.0 + np.exp(z))  # sign error in the exponent
    return (
        sigmoid,
        np.where(z > 0, z, leaky_slope * z),
        np.where(z > 0, z, elu_alpha * np.expm1(np.minimum(z, 0.0))),
        z * sigmoid,
    )


def _elu_without_minus_one(z, leaky_slope=0.1, elu_alpha=1.0):
    sigmoid = 1.0 / (1.0 + np.exp(-z))
    return (
        sigmoid,
        np.where(z > 0, z, leaky_slope * z),
        np.where(z > 0, z, elu_alpha * np.exp(np.minimum(z, 0.0))),
        z * sigmoid,
    )  # ELU jumps at 0


def _swish_is_sigmoid(z, leaky_slope=0.1, elu_alpha=1.0):
    sigmoid = 1.0 / (1.0 + np.exp(-z))
    return (
        sigmoid,
        np.where(z > 0, z, leaky_slope * z),
        np.where(z > 0, z, elu_alpha * np.expm1(np.minimum(z, 0.0))),
        sigmoid,
    )  # forgot the factor z


def _leaky_wrong_side(z, leaky_slope=0.1, elu_alpha=1.0):
    sigmoid = 1.0 / (1.0 + np.exp(-z))
    return (
        sigmoid,
        np.where(z > 0, leaky_slope * z, z),  # slope on the positive side
        np.where(z > 0, z, elu_alpha * np.expm1(np.minimum(z, 0.0))),
        z * sigmoid,
    )


def _leaky_default_slope(z, leaky_slope=0.1, elu_alpha=1.0):
    sigmoid = 1.0 / (1.0 + np.exp(-z))
    return (
        sigmoid,
        np.where(z > 0, z, 0.1 * z),  # ignores the leaky_slope argument: caught by "other slope"
        np.where(z > 0, z, elu_alpha * np.expm1(np.minimum(z, 0.0))),
        z * sigmoid,
    )


def _elu_default_alpha(z, leaky_slope=0.1, elu_alpha=1.0):
    sigmoid = 1.0 / (1.0 + np.exp(-z))
    return (
        sigmoid,
        np.where(z > 0, z, leaky_slope * z),  # ignores elu_alpha: caught by "other slope and alpha"
        np.where(z > 0, z, np.expm1(np.minimum(z, 0.0))),
        z * sigmoid,
    )


MISTAKES = {
    "3.1": [
        lambda x, theta0, theta1: np.maximum(0.0, theta1 + theta0 * x),  # bias and slope swapped
        lambda x, theta0, theta1: (
            theta0 + np.maximum(0.0, theta1 * x)
        ),  # clipped before adding the bias
        lambda x, theta0, theta1: np.abs(theta0 + theta1 * x),  # reflected instead of clipped
        lambda x, theta0, theta1: max(0.0, theta0 + theta1 * x),  # Python's max on an array raises
    ],
    "3.2": [_network_without_offset, _network_off_by_one, _network_unclipped],
    "3.3": [
        lambda patterns: int(np.unique(patterns).size),  # no axis: only True and False are found
        _count_changes,
        lambda patterns: 2 ** patterns.shape[1],  # every pattern assumed to occur
        # counts how many units are on, not which: caught by the 2D grid, where different patterns share a count
        lambda patterns: int(np.unique(patterns.sum(axis=1)).size),
    ],
    "3.4": [_network_clipped_output, _network_no_hidden_bias, _network_all_weights],
    "3.5": [
        lambda d_in, d: sum(math.comb(d, j) for j in range(1, d_in + 1)),  # sum started at j = 1
        lambda d_in, d: sum(math.comb(d, j) for j in range(d_in)),  # stopped one term early
        lambda d_in, d: d + 1,  # the 1D answer used for every input size
        lambda d_in, d: 2**d,  # every on/off pattern
        # scipy's comb returns a float unless exact=True: inexact above 2^53, caught by (50, 100)
        lambda d_in, d: int(sum(scipy.special.comb(d, j) for j in range(d_in + 1))),
        # binomial coefficients through float division: caught by (50, 100)
        lambda d_in, d: int(
            sum(
                math.factorial(d) / (math.factorial(j) * math.factorial(d - j))
                for j in range(d_in + 1)
            )
        ),
    ],
    "3.6": [
        _sigmoid_sign,
        _elu_without_minus_one,
        _swish_is_sigmoid,
        _leaky_wrong_side,
        _leaky_default_slope,
        _elu_default_alpha,
    ],
}


# Correct ways of writing each exercise that the checks must accept (loops, float32 where the text allows it,
# library calls). Not yet run by tests/test_exercises.py (see the report to the integrator).
def _network_loop(x, theta, phi):
    out = np.full(len(x), float(phi[0]))
    for d in range(len(theta)):
        out = out + phi[d + 1] * np.maximum(0.0, theta[d, 0] + theta[d, 1] * x)
    return out


def _activations_torch(z, leaky_slope=0.1, elu_alpha=1.0):
    import torch

    t = torch.from_numpy(np.asarray(z, dtype=float))
    return (
        torch.sigmoid(t).numpy(),
        torch.nn.functional.leaky_relu(t, leaky_slope).numpy(),
        torch.nn.functional.elu(t, elu_alpha).numpy(),
        torch.nn.functional.silu(t).numpy(),
    )


CORRECT = {
    "3.1": [
        lambda x, theta0, theta1: np.clip(theta0 + theta1 * x, 0.0, None),
        lambda x, theta0, theta1: (theta0 + theta1 * x) * ((theta0 + theta1 * x) > 0),
    ],
    "3.2": [_network_loop],
    "3.3": [
        lambda patterns: len({tuple(row) for row in patterns}),
        lambda patterns: int(np.unique(patterns, axis=0).shape[0]),
    ],
    "3.4": [
        lambda x, theta, phi: (
            (phi[:, 1:] @ np.maximum(0.0, theta[:, :1] + theta[:, 1:] @ x.T) + phi[:, :1]).T
        )
    ],
    "3.5": [
        lambda d_in, d: int(sum(scipy.special.comb(d, j, exact=True) for j in range(d_in + 1)))
    ],
    "3.6": [_activations_torch],
}
