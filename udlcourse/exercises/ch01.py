"""Chapter 1 (Introduction): the background maths the course uses, and the three learning paradigms."""

import numpy as np

from udlcourse.check import Case, Exercise
from udlcourse.solutions import ch01 as solutions


def _identity(x):
    return x


def _square(x):
    return x**2


def _exp(x):
    return np.exp(x)


def _indicator_positive(x):
    return (x > 0).astype(float)


_rng = np.random.default_rng(1)
_grid1, _grid2 = np.meshgrid(np.linspace(-1, 1, 4), np.linspace(0, 2, 3))
_normal = _rng.standard_normal(50)
_points = _rng.normal(size=(9, 2)) * 2.0
_centres = np.array([[-1.0, -1.0], [1.5, 0.5], [0.0, 2.0]])

EXERCISES = [
    Exercise(
        id="1.1",
        title="a linear function of two inputs",
        reference=solutions.linear_2d,
        cases=(
            Case((1.0, 2.0, 0.5, -1.0, 3.0), note="single numbers"),
            Case((_grid1, _grid2, 0.2, 1.5, -0.7), note="a 3×4 grid of inputs"),
            Case(
                (np.array([0.0, 1.0]), np.array([0.0, 0.0]), -2.0, 0.0, 4.0),
                note="x2 = 0: only ω1·x1 counts",
            ),
            Case(
                (np.array([1.0, -1.0]), np.array([2.0, 3.0]), 1.0, 0.0, 0.0),
                note="zero slopes: a flat plane at height β, one value per input",
            ),
        ),
        hint=(
            "Appendix B: z = β + ω1·x1 + ω2·x2. Each slope multiplies its own input, and the result "
            "has the shape of the inputs (numpy broadcasts the numbers β, ω1, ω2 for you)."
        ),
    ),
    Exercise(
        id="1.2",
        title="a linear function of a vector (a linear layer)",
        reference=solutions.linear_layer,
        cases=(
            Case(
                (
                    np.array([1.0, 2.0, 3.0]),
                    np.array([0.5, -0.5]),
                    np.array([[1.0, 0.0, 2.0], [0.0, -1.0, 1.0]]),
                ),
                note="3 inputs, 2 outputs",
            ),
            Case(
                (np.array([1.0, 2.0]), np.array([0.0, 1.0]), np.array([[1.0, 2.0], [3.0, 4.0]])),
                note="a square, non-symmetric Ω",
            ),
            Case(
                (np.array([2.0]), np.array([1.0]), np.array([[3.0]])),
                note="1 input, 1 output: β + ω x",
            ),
            Case(
                (_rng.normal(size=4), _rng.normal(size=3), _rng.normal(size=(3, 4))),
                note="4 inputs, 3 outputs",
            ),
        ),
        hint=(
            "Appendix B: output d is β_d + Σ_j Ω[d, j]·x[j], i.e. β + Ω x. Ω has one ROW per output and one "
            "column per input; in numpy the matrix-vector product is `omega @ x`. The result has shape (D_out,)."
        ),
    ),
    Exercise(
        id="1.3",
        title="the log of a product, as a sum of logs",
        reference=solutions.log_of_product,
        cases=(
            Case((np.array([0.5, 0.25]),), note="two probabilities: log(0.125)"),
            Case((np.array([0.9]),), note="a single number"),
            Case((np.array([1.0, 1.0, 0.3]),), note="factors of 1 contribute nothing"),
            Case(
                (np.full(1000, 0.01),),
                note="1000 factors of 0.01: the product 1e-2000 underflows to 0.0",
            ),
        ),
        hint=(
            "Appendix B: log(a·b) = log a + log b. Take the log of every factor and add them up; never "
            "form the product itself, which is too small for a float (it becomes 0.0, and log(0) = -inf)."
        ),
    ),
    Exercise(
        id="1.4",
        title="a Monte Carlo estimate of an expectation",
        reference=solutions.monte_carlo_expectation,
        cases=(
            Case((_square, _normal), note="E[x²] for a standard normal: about 1"),
            Case((_exp, _normal), note="E[exp(x)]: about exp(1/2)"),
            Case((_indicator_positive, _normal), note="the probability that x > 0: about 1/2"),
            Case((_identity, np.array([3.0])), note="one sample"),
        ),
        hint=(
            "Appendix C: E[f[x]] ≈ (1/I) Σ_i f[x_i]. Apply f to every sample FIRST, then average. "
            "f(mean of samples) is a different number when f is not linear."
        ),
    ),
    Exercise(
        id="1.5",
        title="the k-means assignment step",
        reference=solutions.assign_to_nearest,
        cases=(
            Case((_points, _centres), note="9 points, 3 centres"),
            Case(
                (np.array([[0.0, 0.0]]), np.array([[1.0, 1.0], [1.8, 0.0]])),
                note="the straight-line distance decides: (1, 1) is nearer than (1.8, 0)",
            ),
            Case((_points, _centres[:1]), note="a single centre: every point belongs to cluster 0"),
            Case((_rng.normal(size=(6, 3)), _rng.normal(size=(2, 3))), note="points in 3D"),
        ),
        hint=(
            "For each point compute the squared Euclidean distance Σ_d (x_d − c_d)² to every centre "
            "(broadcast points[:, None, :] against centres[None, :, :] to get an (N, K) table), then take "
            "the index of the SMALLEST distance along the centres' axis. Return an integer array of shape (N,)."
        ),
    ),
    Exercise(
        id="1.6",
        title="updating a running average of rewards",
        reference=solutions.update_estimate,
        cases=(
            Case((0.0, 1, 2.0), note="the first reward: the estimate becomes that reward"),
            Case((1.0, 2, 3.0), note="the second reward: the average of 1 and 3"),
            Case(
                (np.array([0.5, 1.0, -1.0]), np.array([4, 10, 3]), np.array([1.5, 1.0, 2.0])),
                note="three arms at once",
            ),
            Case((2.0, 5, 2.0), note="a reward equal to the estimate changes nothing"),
        ),
        hint=(
            "The mean of n rewards is the mean of the first n−1 plus (new reward − old mean)/n: "
            "q ← q + (r − q)/n, with n counting the new reward."
        ),
    ),
]
