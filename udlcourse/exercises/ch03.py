"""Chapter 3 (Shallow neural networks): hidden units, linear regions, several inputs and outputs, activations."""

import numpy as np

from udlcourse.check import Case, Exercise
from udlcourse.solutions import ch03 as solutions

_rng = np.random.default_rng(3)
_x = np.linspace(-1.0, 3.0, 9)
_theta3 = np.array([[0.4, -0.8], [-1.2, 1.5], [-1.4, 1.0]])
_phi3 = np.array([0.2, 1.0, -1.5, 2.0])
_theta5 = _rng.standard_normal((5, 2))
_phi5 = _rng.standard_normal(6)
_x2 = _rng.uniform(-1, 1, (7, 2))
_grid_1d = np.linspace(0, 2, 50)
_patterns_1d = (_theta3[:, 0] + np.outer(_grid_1d, _theta3[:, 1])) > 0
_g1, _g2 = np.meshgrid(np.linspace(-1, 1, 30), np.linspace(-1, 1, 30))
_grid_2d = np.stack([_g1.ravel(), _g2.ravel()], axis=1)
_patterns_2d = (
    np.array([0.1, -0.2, 0.3]) + _grid_2d @ np.array([[1.0, 0.5], [-0.3, 1.0], [0.8, -1.0]]).T
) > 0
_z = np.array([-30.0, -3.0, -1.0, -0.25, 0.0, 0.5, 2.0, 30.0])

EXERCISES = [
    Exercise(
        id="3.1",
        title="a ReLU hidden unit",
        reference=solutions.hidden_unit,
        cases=(
            Case((_x, 0.4, -0.8), note="a falling line: clipped on the right"),
            Case((_x, -1.2, 1.5), note="a rising line: clipped on the left"),
            Case((_x, 0.5, 0.0), note="a flat line above zero: never clipped"),
            Case((_x, -0.5, 0.0), note="a flat line below zero: always clipped to 0"),
        ),
        hint=(
            "Eqs. 3.2-3.3: first form the line θ0 + θ1·x (the pre-activation), then clip it with the ReLU, "
            "max(0, ·), element by element (np.maximum, not Python's max)."
        ),
    ),
    Exercise(
        id="3.2",
        title="the shallow network of eq. 3.1",
        reference=solutions.shallow_network_1d,
        cases=(
            Case((_x, _theta3, _phi3), note="three hidden units, as in eq. 3.1"),
            Case((_x, _theta3[:1], _phi3[:2]), note="one hidden unit"),
            Case((_x, _theta5, _phi5), note="five hidden units with random parameters"),
            Case(
                (np.array([0.7]), _theta3, np.array([0.0, 0.0, 0.0, 1.0])),
                note="one input, only unit 3 counts",
            ),
        ),
        hint=(
            "Eq. 3.1: y = φ0 + Σ_d φd·ReLU(θd0 + θd1·x). Row d-1 of theta holds (θd0, θd1) and phi[0] is the "
            "offset φ0, so hidden unit d is weighted by phi[d]. Make an (I, D) array of hidden units (np.outer "
            "helps), then combine them with phi[1:] and add phi[0]."
        ),
    ),
    Exercise(
        id="3.3",
        title="counting regions by activation patterns",
        reference=solutions.count_regions,
        cases=(
            Case((_patterns_1d,), note="a 1D network with three joints in the range"),
            Case((_patterns_2d,), note="a 2D network on a grid (rows in raster order)"),
            Case(
                (np.array([[True, False], [False, False], [True, False]]),),
                note="a pattern comes back",
            ),
            Case((np.ones((5, 3), dtype=bool),), note="every unit always on: one region"),
        ),
        hint=(
            "Each row is the on/off pattern of the D hidden units at one input; inputs with the same pattern "
            "lie in the same linear region (§3.1.1). Count distinct rows: read each row as a binary number "
            "(patterns.astype(np.int64) @ 2**np.arange(D)) and count the distinct numbers, or use "
            "np.unique(patterns, axis=0) (slower). Without axis=0 np.unique only finds True and False."
        ),
    ),
    Exercise(
        id="3.4",
        title="a shallow network with several inputs and outputs",
        reference=solutions.shallow_network,
        cases=(
            Case(
                (_x2, _rng.standard_normal((4, 3)), _rng.standard_normal((2, 5))),
                note="2 inputs, 4 units, 2 outputs",
            ),
            Case(
                (_x[:, None], _theta3, _phi3[None, :]),
                note="1 input, 1 output: the network of eq. 3.1",
            ),
            Case(
                (
                    _rng.standard_normal((6, 3)),
                    _rng.standard_normal((2, 4)),
                    _rng.standard_normal((3, 3)),
                ),
                note="3 inputs, 2 units, 3 outputs",
            ),
        ),
        hint=(
            "§3.4: h_d = ReLU(θd0 + Σ_i θdi·x_i) and y_j = φj0 + Σ_d φjd·h_d. With x of shape (I, D_i): "
            "pre-activations theta[:, 0] + x @ theta[:, 1:].T (shape (I, D)), then outputs "
            "phi[:, 0] + h @ phi[:, 1:].T (shape (I, D_o)). The outputs are not clipped."
        ),
    ),
    Exercise(
        id="3.5",
        title="the maximum number of linear regions",
        reference=solutions.max_regions,
        cases=(
            Case((1, 3), note="one input: D + 1 regions"),
            Case((2, 3), note="Fig. 3.8: two inputs, three hidden units"),
            Case((10, 50), note="ten inputs, fifty units"),
            Case((10, 8), note="fewer units than inputs: every on/off pattern, 2^D"),
            Case((2, 0), note="no hidden units: one region"),
            Case(
                (50, 100),
                note="about 6·10^29: an exact int, beyond what floats hold exactly (2^53)",
            ),
        ),
        hint=(
            "Zaslavsky's formula (§3.3.2, Fig. 3.9): N = Σ_{j=0}^{D_i} C(D, j), the sum starting at j = 0. "
            "Use math.comb(D, j), which is 0 when j > D (a factorial formula breaks there)."
        ),
    ),
    Exercise(
        id="3.6",
        title="four activation functions",
        reference=solutions.activations,
        cases=(
            Case((_z,), note="defaults, from -30 to 30"),
            Case((_z,), {"leaky_slope": 0.01, "elu_alpha": 2.0}, note="other slope and alpha"),
            Case((np.array([0.0]),), note="z = 0 only"),
            Case(
                (np.linspace(-4, 4, 17),),
                {"leaky_slope": 0.3, "elu_alpha": 0.5},
                note="a fine range",
            ),
        ),
        hint=(
            "Fig. 3.13: sigmoid(z) = 1/(1 + exp(-z)); leaky ReLU is z for z > 0 and slope·z otherwise; "
            "ELU is z for z > 0 and alpha·(exp(z) − 1) otherwise; swish (SiLU) is z·sigmoid(z). "
            "Use np.where for the two-piece functions and return the four arrays as a tuple in this order."
        ),
        rtol=1e-6,
        atol=1e-9,
    ),
]
