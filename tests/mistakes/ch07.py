"""Plausible wrong answers to the chapter 7 exercises."""

import numpy as np

from udlcourse.solutions.ch07 import toy_forward


def _forward_skips_sin(x, beta, omega):
    f0 = beta[0] + omega[0] * x
    h1 = np.sin(f0)
    f1 = beta[1] + omega[1] * f0  # used the pre-activation instead of h1
    h2 = np.exp(f1)
    f2 = beta[2] + omega[2] * h2
    h3 = np.cos(f2)
    return f0, h1, f1, h2, f2, h3, beta[3] + omega[3] * h3


def _forward_sin_cos_swapped(x, beta, omega):
    f0 = beta[0] + omega[0] * x
    h1 = np.cos(f0)
    f1 = beta[1] + omega[1] * h1
    h2 = np.exp(f1)
    f2 = beta[2] + omega[2] * h2
    h3 = np.sin(f2)
    return f0, h1, f1, h2, f2, h3, beta[3] + omega[3] * h3


def _backward(x, y, beta, omega, sign=-1.0, factor=2.0, h_for_omega=True, times_omega=True):
    f0, h1, f1, h2, f2, h3, f3 = toy_forward(x, beta, omega)
    w = omega if times_omega else np.ones(4)
    dl_df3 = factor * (f3 - y)
    dl_df2 = sign * np.sin(f2) * w[3] * dl_df3
    dl_df1 = np.exp(f1) * w[2] * dl_df2
    dl_df0 = np.cos(f0) * w[1] * dl_df1
    inputs = (x, h1, h2, h3) if h_for_omega else (f0, f1, f2, f3)
    return (
        np.array([dl_df0, dl_df1, dl_df2, dl_df3]),
        np.array([i * d for i, d in zip(inputs, (dl_df0, dl_df1, dl_df2, dl_df3))]),
    )


def _deep_backward(weights, all_f, all_h, y, no_mask=False, mean=False, factor=2.0):
    n = len(weights)
    dws, dbs = [None] * n, [None] * n
    df = factor * (all_f[-1] - y)
    for k in range(n - 1, -1, -1):
        dws[k] = df @ all_h[k].T
        dbs[k] = df.mean(axis=1) if mean else df.sum(axis=1)
        if k > 0:
            back = weights[k].T @ df
            df = back if no_mask else (all_f[k - 1] > 0) * back
    return dws, dbs


def _deep_backward_mask_after(weights, all_f, all_h, y):
    n = len(weights)
    dws, dbs = [None] * n, [None] * n
    df = 2 * (all_f[-1] - y)
    for k in range(n - 1, -1, -1):
        dws[k] = df @ all_h[k].T
        dbs[k] = df.sum(axis=1)
        if k > 0:
            df = weights[k].T @ (
                df * (all_f[k] > 0)
            )  # masks with f_k (and even the output layer), not f_(k-1)
    return dws, dbs


def _deep_backward_bias_wrong_axis(weights, all_f, all_h, y):
    dws, _ = _deep_backward(weights, all_f, all_h, y)
    n = len(weights)
    dbs, df = [None] * n, 2 * (all_f[-1] - y)
    for k in range(n - 1, -1, -1):
        dbs[k] = df.sum(axis=0)
        if k > 0:
            df = (all_f[k - 1] > 0) * (weights[k].T @ df)
    return dws, dbs


MISTAKES = {
    "7.1": [
        _forward_skips_sin,
        _forward_sin_cos_swapped,
        lambda x, beta, omega: toy_forward(x, beta, omega)[
            -1
        ],  # only the output, not the intermediates
        lambda x, beta, omega: toy_forward(x, omega, beta),  # offsets and slopes swapped
    ],
    "7.2": [
        lambda x, y, beta, omega: _backward(
            x, y, beta, omega, sign=1.0
        ),  # d cos/df = +sin (sign lost)
        lambda x, y, beta, omega: _backward(
            x, y, beta, omega, factor=1.0
        ),  # forgot the 2 of the square
        lambda x, y, beta, omega: _backward(
            x, y, beta, omega, h_for_omega=False
        ),  # dℓ/dω_k = f_k·dℓ/df_k
        lambda x, y, beta, omega: _backward(
            x, y, beta, omega, times_omega=False
        ),  # forgot the ω_k factors
    ],
    "7.3": [
        lambda f: (f >= 0).astype(float),  # 1 at exactly zero
        lambda f: np.maximum(f, 0),  # returned the ReLU itself
        lambda f: np.sign(f),  # -1 for negative inputs
        lambda f: (f > 1e-8).astype(
            float
        ),  # a tolerance instead of > 0: wrong at ±1e-9 (the 2×2 case)
    ],
    "7.4": [
        lambda w, f, h, y: _deep_backward(w, f, h, y, no_mask=True),  # forgot the ReLU derivative
        lambda w, f, h, y: _deep_backward(
            w, f, h, y, mean=True
        ),  # averaged the bias gradients over examples
        lambda w, f, h, y: _deep_backward(w, f, h, y, factor=1.0),  # forgot the 2 of the square
        lambda w, f, h, y: tuple(
            reversed(_deep_backward(w, f, h, y))
        ),  # (biases, weights): wrong order
        lambda w, f, h, y: (
            [dw.T for dw in _deep_backward(w, f, h, y)[0]],
            _deep_backward(w, f, h, y)[1],
        ),  # h·dfᵀ
        _deep_backward_mask_after,  # the ReLU mask of the layer itself, not of the layer below (all networks)
        _deep_backward_bias_wrong_axis,  # bias gradient summed over units instead of examples (shape differs)
    ],
    "7.5": [
        lambda d_in, d_out, rng: rng.normal(
            0.0, np.sqrt(1.0 / d_in), size=(d_out, d_in)
        ),  # LeCun/Xavier scale
        lambda d_in, d_out, rng: rng.normal(
            0.0, 2.0 / d_in, size=(d_out, d_in)
        ),  # variance used as std
        lambda d_in, d_out, rng: rng.normal(
            0.0, np.sqrt(2.0 / d_out), size=(d_out, d_in)
        ),  # fan-out
        lambda d_in, d_out, rng: rng.normal(
            0.0, np.sqrt(2.0 / d_in), size=(d_in, d_out)
        ),  # transposed shape
        lambda d_in, d_out, rng: np.random.normal(
            0.0, np.sqrt(2.0 / d_in), size=(d_out, d_in)
        ),  # ignores rng
        # uniform with He's variance: the right spread but not the numbers rng.normal draws (every case)
        lambda d_in, d_out, rng: rng.uniform(
            -np.sqrt(6.0 / d_in), np.sqrt(6.0 / d_in), size=(d_out, d_in)
        ),
    ],
    "7.6": [
        lambda s2f, s2w, d, n: s2f * (d * s2w) ** np.arange(n),  # forgot ReLU's factor ½
        lambda s2f, s2w, d, n: s2f * (0.5 * d * s2w) ** np.arange(1, n + 1),  # off by one layer
        lambda s2f, s2w, d, n: (
            s2f * (0.5 * d * s2w) * np.arange(n) + s2f * (np.arange(n) == 0)
        ),  # linear growth
        lambda s2f, s2w, d, n: (
            s2f * (0.5 * d * s2w) ** np.arange(n) / 2
        ),  # halved the first layer too (every case)
    ],
}


def _backward_loop(weights, all_f, all_h, y):
    """Correct, one example (column) at a time, with float32 inputs allowed."""
    n = len(weights)
    dws = [np.zeros_like(w, dtype=float) for w in weights]
    dbs = [np.zeros(w.shape[0]) for w in weights]
    for i in range(y.shape[1]):
        df = 2 * (all_f[-1][:, i] - y[:, i])
        for k in range(n - 1, -1, -1):
            dws[k] += np.outer(df, all_h[k][:, i])
            dbs[k] += df
            if k > 0:
                df = np.where(all_f[k - 1][:, i] > 0, weights[k].T @ df, 0.0)
    return dws, dbs


def _relu_derivative_in_place(f):
    f[f > 0] = 1.0  # overwrites the stored pre-activations that the backward pass still needs
    f[f <= 0] = 0.0
    return f


MISTAKES["7.3"].append(_relu_derivative_in_place)


# Correct answers written differently: every one must pass its check.
ALTERNATIVES = {
    "7.3": [lambda f: np.where(f > 0, 1.0, 0.0), lambda f: np.heaviside(f, 0.0)],
    "7.4": [_backward_loop],
    "7.5": [lambda d_in, d_out, rng: np.sqrt(2.0 / d_in) * rng.normal(size=(d_out, d_in))],
    "7.6": [lambda s2f, s2w, d, n: np.array([s2f * (d * s2w / 2) ** k for k in range(n)])],
}
