"""Chapter 7 (Gradients and initialization): backpropagation by hand and the scale of initial weights."""

import numpy as np

from udlcourse.check import Case, Exercise
from udlcourse.solutions import ch07 as solutions

_BETA = np.array([0.3, -0.8, 0.5, 0.1])
_OMEGA = np.array([1.2, 0.7, -0.9, 1.5])


def _network(widths, batch, seed):
    """A small random ReLU network and one forward pass through it, for the backward-pass cases."""
    rng = np.random.default_rng(seed)
    weights = [rng.normal(0, 1.0, (d_out, d_in)) for d_in, d_out in zip(widths[:-1], widths[1:])]
    biases = [rng.normal(0, 0.5, d_out) for d_out in widths[1:]]
    all_h, all_f = [rng.normal(0, 1.0, (widths[0], batch))], []
    for k, (w, b) in enumerate(zip(weights, biases)):
        all_f.append(b[:, None] + w @ all_h[-1])
        if k < len(weights) - 1:
            all_h.append(np.maximum(all_f[-1], 0))
    y = rng.normal(0, 1.0, (widths[-1], batch))
    return weights, all_f, all_h, y


EXERCISES = [
    Exercise(
        id="7.1",
        title="the forward pass of the toy model",
        reference=solutions.toy_forward,
        cases=(
            Case((1.1, _BETA, _OMEGA), note="one input"),
            Case((np.linspace(-2, 2, 5), _BETA, _OMEGA), note="five inputs at once"),
            Case((0.0, np.zeros(4), np.ones(4)), note="all offsets zero"),
            Case(
                (-0.7, np.array([1.0, 0.2, -0.4, 2.0]), np.array([-0.5, 1.3, 0.8, -1.0])),
                note="negative slopes",
            ),
        ),
        hint=(
            "§7.3: f0 = β0 + ω0·x, h1 = sin[f0], f1 = β1 + ω1·h1, h2 = exp[f1], f2 = β2 + ω2·h2, h3 = cos[f2], "
            "f3 = β3 + ω3·h3. Return all seven as a tuple (f0, h1, f1, h2, f2, h3, f3), in this order."
        ),
    ),
    Exercise(
        id="7.2",
        title="the backward pass of the toy model",
        reference=solutions.toy_backward,
        cases=(
            Case((1.1, 0.6, _BETA, _OMEGA), note="one training pair"),
            Case((0.0, 0.0, np.zeros(4), np.ones(4)), note="input zero: dℓ/dω0 must be 0"),
            Case(
                (-0.7, 2.0, np.array([1.0, 0.2, -0.4, 2.0]), np.array([-0.5, 1.3, 0.8, -1.0])),
                note="negative slopes",
            ),
            Case((2.0, 3.0, _BETA, _OMEGA), note="a large error"),
        ),
        hint=(
            "§7.3: start from dℓ/df3 = 2(f3 − y); going back through f_k = β_k + ω_k·h_k multiplies by ω_k, and "
            "through h = sin, exp, cos multiplies by cos[f0], exp[f1], −sin[f2]. Then dℓ/dβ_k = dℓ/df_k and "
            "dℓ/dω_k = h_k·dℓ/df_k with h_0 = x. Return (np.array of 4 β-derivatives, np.array of 4 ω-derivatives)."
        ),
    ),
    Exercise(
        id="7.3",
        title="the derivative of the ReLU",
        reference=solutions.relu_derivative,
        cases=(
            Case((np.array([-2.0, -0.5, 0.5, 3.0]),), note="two negative, two positive"),
            Case(
                (np.array([[0.0, 1e-9], [-1e-9, 0.0]]),), note="exactly zero gives 0 (a 2×2 array)"
            ),
            Case((np.zeros(3),), note="all zero"),
            Case((np.linspace(-1, 1, 9),), note="a ramp through zero"),
        ),
        hint=(
            "§7.4: ReLU[f] = max(0, f) has slope 1 where f > 0 and 0 where f < 0; at exactly 0 the course (like "
            "the book's indicator I[f > 0]) uses 0. Return an array of 0.0/1.0 of the same shape as f."
        ),
    ),
    Exercise(
        id="7.4",
        title="the backward pass of a deep network in matrix form",
        reference=solutions.backward_pass,
        cases=(
            Case(_network([3, 4, 5, 2], 6, seed=1), note="widths 3-4-5-2, six examples"),
            Case(
                _network([2, 3, 3, 3, 1], 4, seed=2), note="three equal hidden widths, one output"
            ),
            Case(_network([4, 2], 5, seed=3), note="no hidden layer: a linear model"),
            Case(_network([2, 6, 3], 1, seed=4), note="a single example"),
        ),
        hint=(
            "§7.4 (eqs. 7.20–7.24): start with dL/df_K = 2(f_K − y). For k = K, ..., 0: dL/dΩ_k = dL/df_k · h_kᵀ "
            "and dL/dβ_k = dL/df_k summed over the examples (axis 1); then dL/df_{k−1} = I[f_{k−1} > 0] ⊙ "
            "(Ω_kᵀ · dL/df_k). Return two lists (weights' gradients, biases' gradients), first layer first."
        ),
    ),
    Exercise(
        id="7.5",
        title="He initialisation",
        reference=solutions.he_weights,
        cases=(
            Case((100, 100, np.random.default_rng(0)), note="square 100×100"),
            Case((3, 5, np.random.default_rng(1)), note="3 inputs, 5 outputs: shape (5, 3)"),
            Case((50, 2, np.random.default_rng(2)), note="50 inputs, 2 outputs"),
            Case((1, 1, np.random.default_rng(3)), note="one input, one output"),
        ),
        hint=(
            "§7.5.1: He initialisation draws every weight from a normal with mean 0 and VARIANCE 2/D_in, i.e. "
            "standard deviation sqrt(2/D_in), where D_in is the number of inputs to the layer. Use "
            "rng.normal(0.0, std, size=(d_out, d_in)) once, so your numbers match the reference."
        ),
    ),
    Exercise(
        id="7.6",
        title="the predicted variance across layers",
        reference=solutions.predicted_variance,
        cases=(
            Case((1.0, 0.02, 100, 5), note="He initialisation: constant"),
            Case((2.0, 0.01, 100, 4), note="half the He variance: halves every layer"),
            Case((0.5, 0.1, 30, 3), note="width 30, large weights"),
            Case((1.0, 0.02, 100, 1), note="one layer only"),
        ),
        hint=(
            "§7.5.1: with zero biases each ReLU layer multiplies the pre-activation variance by ½·D_h·σ²_Ω "
            "(ReLU keeps half of the second moment). Return the array σ²_f0 · (½·D_h·σ²_Ω)^k for "
            "k = 0, 1, ..., n_layers − 1."
        ),
    ),
]
