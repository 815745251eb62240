"""Chapter 4 (Deep neural networks): composing networks, the matrix form, parameter and region counts."""

import numpy as np

from udlcourse.check import Case, Exercise
from udlcourse.solutions import ch04 as solutions

_rng = np.random.default_rng(4)
_x = np.linspace(-1.0, 1.0, 9)
_theta_a = np.array([[0.2, -1.0], [-0.3, 1.5], [0.5, 0.7]])
_phi_a = np.array([0.1, -1.0, 2.0, 0.5])
_theta_b = np.array([[-0.4, 1.0], [0.1, -1.2], [0.6, 0.9]])
_phi_b = np.array([-0.5, 1.5, -0.8, 1.1])


def _deep_case(widths, inputs, seed):
    rng = np.random.default_rng(seed)
    weights = [rng.standard_normal((w_out, w_in)) for w_in, w_out in zip(widths[:-1], widths[1:])]
    biases = [rng.standard_normal(w_out) for w_out in widths[1:]]
    return rng.standard_normal((widths[0], inputs)), weights, biases


EXERCISES = [
    Exercise(
        id="4.1",
        title="a shallow network with one input",
        reference=solutions.shallow_network,
        cases=(
            Case((_x, _theta_a, _phi_a), note="three hidden units on nine inputs"),
            Case((_x, _theta_b, _phi_b), note="other parameters"),
            Case((np.array([-5.0, 5.0]), _theta_a, _phi_a), note="inputs far outside [-1, 1]"),
            Case(
                (np.array([0.3]), np.array([[-1.0, 0.0]]), np.array([0.7, 2.0])),
                note="one hidden unit that is always off: the output is phi_0",
            ),
        ),
        hint=(
            "Eqs. 4.1–4.2 (the shallow network of eqs. 3.5–3.6): h_d = ReLU(θ_d0 + θ_d1·x) for every unit d, then "
            "y = φ_0 + Σ_d φ_d·h_d. theta[:, 0] are the biases, theta[:, 1] the slopes; phi[0] is the "
            "output bias and phi[1:] the output weights. Compute all units at once: x[:, None] has shape (I, 1)."
        ),
    ),
    Exercise(
        id="4.2",
        title="composing two shallow networks",
        reference=solutions.compose_networks,
        cases=(
            Case((_x, _theta_a, _phi_a, _theta_b, _phi_b), note="network a, then network b"),
            Case((_x, _theta_b, _phi_b, _theta_a, _phi_a), note="network b, then network a"),
            Case(
                (np.linspace(-2, 2, 5), _theta_a, _phi_a, _theta_a, _phi_a),
                note="a network composed with itself",
            ),
        ),
        hint=(
            "Eqs. 4.1–4.4 and Fig. 4.1: y = network 1 applied to x; y' = network 2 applied to y. "
            "The output y of network 1 (not its hidden units) is the input of network 2."
        ),
    ),
    Exercise(
        id="4.3",
        title="the forward pass of a deep network in matrix form",
        reference=solutions.deep_forward,
        cases=(
            Case(
                _deep_case([1, 3, 3, 1], 6, 0),
                note="two hidden layers of 3 units (Fig. 4.4), 6 inputs",
            ),
            Case(
                _deep_case([3, 4, 5, 2, 2], 5, 1),
                note="three hidden layers of different widths, 2 outputs",
            ),
            Case(_deep_case([2, 5, 3], 4, 2), note="a shallow network: one hidden layer"),
            Case(_deep_case([4, 4, 4, 4], 1, 3), note="a single input column"),
        ),
        hint=(
            "Eq. 4.15: start with h = x and, for every layer but the last, h = ReLU(β + Ω h); the last "
            "layer is linear: y = β_K + Ω_K h (no ReLU on the output). Inputs are columns, so a bias of "
            "shape (D,) must be turned into a column, beta[:, None], before adding it to Ω h of shape (D, I)."
        ),
    ),
    Exercise(
        id="4.4",
        title="the number of parameters of a deep network",
        reference=solutions.count_parameters,
        cases=(
            Case(([1, 3, 3, 1],), note="Fig. 4.4: two hidden layers of three units"),
            Case(([1, 10, 10, 10, 10, 10, 1],), note="five hidden layers of ten units"),
            Case(([40, 100, 100, 10],), note="an MLP for MNIST-1D"),
            Case(([3, 2],), note="no hidden layer: a linear model"),
        ),
        hint=(
            "Layer k maps D_k values to D_{k+1}: its weight matrix Ω_k has D_{k+1}×D_k entries and its "
            "bias β_k has D_{k+1} (§4.4). Add (D_k + 1)·D_{k+1} over consecutive pairs of widths."
        ),
    ),
    Exercise(
        id="4.5",
        title="the number of linear regions of a deep network (eq. 4.17)",
        reference=solutions.max_linear_regions,
        cases=(
            Case((1, 3, 1), note="shallow, one input, three units: 4 regions (Fig. 3.3)"),
            Case((1, 3, 2), note="two layers of three units, one input: 16"),
            Case((1, 10, 5), note="five layers of ten units, one input: 161,051 (Fig. 4.7a)"),
            Case((2, 4, 3), note="two inputs, three layers of four units"),
            Case(
                (3, 6, 2),
                note="three inputs, D/D_i = 2: the power D_i and the sum to D_i both matter",
            ),
            Case((10, 20, 1), note="shallow, ten inputs, twenty units"),
            Case((10, 20, 3), note="deep, ten inputs (Fig. 4.7b)"),
            Case((1, 10, 16), note="11^16, above 2^53: a float cannot hold it exactly"),
            Case(
                (10, 50, 5),
                note="five layers of 50 units, ten inputs: above 10^40, far beyond a 64-bit int",
            ),
        ),
        hint=(
            "Eq. 4.17, in the notes of Chapter 4: N = (D/D_i + 1)^(D_i·(K−1)) · Σ_{j=0}^{D_i} C(D, j). "
            "The sum (start at j = 0, stop at j = D_i) is the shallow count of Zaslavsky's formula (§3.3); each "
            "extra layer multiplies it by (D/D_i + 1)^D_i. Use Python integers all the way (math.comb, //, **): "
            "floats are inexact above 2^53 and numpy's int64 overflows above about 9.2·10^18."
        ),
    ),
]
