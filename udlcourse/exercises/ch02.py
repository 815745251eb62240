"""Chapter 2 (Supervised learning): the 1D linear model and its least-squares loss."""

import numpy as np

from udlcourse.check import Case, Exercise
from udlcourse.solutions import ch02 as solutions

_rng = np.random.default_rng(2)
_x = _rng.uniform(0, 2, 7)
_y = 0.3 + 0.8 * _x + 0.1 * _rng.standard_normal(7)
_grid0, _grid1 = np.meshgrid(np.linspace(-1, 1, 4), np.linspace(0, 2, 3))

EXERCISES = [
    Exercise(
        id="2.1",
        title="the 1D linear model",
        reference=solutions.linear_model,
        cases=(
            Case((np.array([0.0, 1.0, 2.0]), 0.5, 2.0), note="three inputs"),
            Case((np.array([1.5]), -1.0, 0.0), note="a flat line"),
            Case((np.linspace(-3, 3, 7), 0.0, -0.7), note="negative slope through the origin"),
            Case((2.0, 1.0, 3.0), note="a single number as input"),
        ),
        hint="Eq. 2.4: y = φ0 + φ1·x, applied to every input at once (numpy broadcasts for you).",
    ),
    Exercise(
        id="2.2",
        title="the least-squares loss",
        reference=solutions.least_squares_loss,
        cases=(
            Case((_x, _y, 0.3, 0.8), note="near the true line"),
            Case((_x, _y, 0.0, 0.0), note="the zero line"),
            Case((np.array([1.0]), np.array([3.0]), 1.0, 1.0), note="one data point"),
            Case(
                (np.array([0.0, 1.0]), np.array([0.0, 1.0]), 0.0, 1.0),
                note="a perfect fit: the loss is 0",
            ),
        ),
        hint="Eq. 2.5: sum over all data points of (f[x_i, φ] − y_i)². Sum, don't average.",
    ),
    Exercise(
        id="2.3",
        title="the loss on a whole grid of parameters",
        reference=solutions.loss_surface,
        cases=(
            Case((_x, _y, _grid0, _grid1), note="a 3×4 grid"),
            Case(
                (np.array([1.0, 2.0]), np.array([2.0, 3.0]), np.array([[1.0]]), np.array([[1.0]])),
                note="a 1×1 grid at a perfect fit",
            ),
            Case(
                (_x, _y, _grid0.T[:, :2], _grid1.T[:, :2]),
                note="a 4×2 grid: rows and columns differ",
            ),
        ),
        hint=(
            "The result has the grid's shape: entry [i, j] is eq. 2.5 at (phi0_grid[i, j], phi1_grid[i, j]). "
            "Add a trailing axis to the grids (grid[..., None]) so they broadcast against x, then sum over "
            "that last axis."
        ),
    ),
    Exercise(
        id="2.4",
        title="the gradient of the least-squares loss",
        reference=solutions.least_squares_gradient,
        cases=(
            Case((_x, _y, 0.3, 0.8), note="near the minimum: small gradient"),
            Case((_x, _y, -1.0, 2.0), note="far from the minimum"),
            Case(
                (np.array([0.0, 1.0]), np.array([0.0, 1.0]), 0.0, 1.0),
                note="at a perfect fit: zero",
            ),
            Case((np.array([2.0]), np.array([0.0]), 1.0, 0.0), note="one data point"),
        ),
        hint=(
            "Differentiate eq. 2.5 with the chain rule: ∂L/∂φ0 = Σ 2(φ0 + φ1·x_i − y_i) and "
            "∂L/∂φ1 = Σ 2(φ0 + φ1·x_i − y_i)·x_i. Return them together as np.array([dphi0, dphi1])."
        ),
    ),
    Exercise(
        id="2.5",
        title="the closed-form least-squares fit",
        reference=solutions.closed_form_fit,
        cases=(
            Case((_x, _y), note="noisy data"),
            Case(
                (np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 5.0])),
                note="points exactly on y = 1 + 2x",
            ),
            Case((np.array([-1.0, 1.0]), np.array([4.0, 4.0])), note="a flat line"),
        ),
        hint=(
            "Set both derivatives of eq. 2.5 to zero and solve: φ1 = Σ(x_i − x̄)(y_i − ȳ) / Σ(x_i − x̄)², "
            "φ0 = ȳ − φ1·x̄. Return the pair (phi0, phi1)."
        ),
    ),
]
