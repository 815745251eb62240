"""Chapter 8 (Measuring performance): accuracy, bias and variance, high-dimensional geometry, data splits
and the minimum-norm least-squares fit behind double descent."""

import numpy as np

from udlcourse.check import Case, Exercise
from udlcourse.solutions import ch08 as solutions

_rng = np.random.default_rng(8)
_scores = _rng.standard_normal((12, 4))
_labels = _rng.integers(0, 4, 12)
_predictions = _rng.standard_normal((5, 7)) * 0.3 + np.linspace(0, 1, 7)
_truth = np.linspace(0, 1, 7) ** 2
_points_a = _rng.standard_normal((4, 3))
_points_b = _rng.standard_normal((6, 3))
_x_split = np.arange(10.0) * 10
_y_split = np.arange(10) % 3
_order = _rng.permutation(10)
_tall = _rng.standard_normal((8, 3))
_wide = _rng.standard_normal((3, 8))
_targets8 = _rng.standard_normal(8)
_targets3 = _rng.standard_normal(3)
_repeated = np.concatenate([_tall, _tall[:, :1]], axis=1)  # a repeated column: rank-deficient

EXERCISES = [
    Exercise(
        id="8.1",
        title="the accuracy of a classifier",
        reference=solutions.accuracy,
        cases=(
            Case((_scores, _labels), note="12 examples, 4 classes"),
            Case((np.eye(3), np.array([0, 1, 2])), note="every example right: accuracy 1"),
            Case((np.eye(3), np.array([1, 2, 0])), note="every example wrong: accuracy 0"),
            Case(
                (
                    np.array([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7], [0.6, 0.4]]),
                    np.array([1, 1, 1, 1]),
                ),
                note="half right",
            ),
            Case(
                (_scores[:5, :3] + np.array([0.0, 5.0, 0.0]), np.array([1, 1, 1, 0, 2])),
                note="5 examples, 3 classes, 3 of them right: neither a count nor a rounded fraction",
            ),
        ),
        hint=(
            "The predicted class of each example is the argmax of its row of scores (axis=1). Accuracy is the "
            "fraction (not the count) of examples where it equals the label; the test error of Fig. 8.2 is 1 − accuracy."
        ),
    ),
    Exercise(
        id="8.2",
        title="bias and variance from many fitted models",
        reference=solutions.bias_and_variance,
        cases=(
            Case((_predictions, _truth), note="5 data sets, 7 inputs"),
            Case((np.tile(_truth, (4, 1)), _truth), note="every model is exactly right: both zero"),
            Case(
                (np.tile(_truth + 0.5, (3, 1)), _truth),
                note="all models agree but are off by 0.5: no variance",
            ),
            Case(
                (np.array([[1.0, 2.0], [3.0, 2.0]]), np.array([2.0, 2.0])),
                note="unbiased on average, but spread at the first input",
            ),
            Case(
                (_predictions[:3, :4] + 0.2, _truth[:4]),
                note="3 data sets, 4 inputs: divide by R = 3 (not R − 1), average over the inputs (not sum)",
            ),
        ),
        hint=(
            "Eqs. 8.6–8.7: average the R predictions at each input (axis=0) to get the mean model. The squared "
            "bias is (mean model − truth)², the variance the mean of (prediction − mean model)² over the R data "
            "sets (divide by R). Average both over the P inputs and return (bias², variance)."
        ),
    ),
    Exercise(
        id="8.3",
        title="the minimum-norm least-squares fit",
        reference=solutions.min_norm_least_squares,
        cases=(
            Case(
                (_tall, _targets8), note="more data points than features: the usual least squares"
            ),
            Case(
                (_wide, _targets3),
                note="more features than data points: many exact fits, take the shortest",
            ),
            Case(
                (_repeated, _targets8), note="a repeated feature: the normal equations are singular"
            ),
            Case((np.eye(3), _targets3), note="as many features as points: interpolation"),
        ),
        hint=(
            "§8.4: among all parameters with the smallest squared error, return the one with the smallest norm. "
            "The Moore–Penrose pseudo-inverse does exactly this: np.linalg.pinv(features) @ targets. "
            "Inverting featuresᵀ·features fails when it is singular (more features than points, or repeated ones)."
        ),
        atol=1e-6,
    ),
    Exercise(
        id="8.4",
        title="pairwise Euclidean distances",
        reference=solutions.pairwise_distances,
        cases=(
            Case((_points_a, _points_b), note="4 points against 6 points in 3D"),
            Case((_points_a, _points_a), note="a set against itself: zeros on the diagonal"),
            Case(
                (np.array([[0.0, 0.0]]), np.array([[3.0, 4.0], [1.0, 0.0]])),
                note="a 3-4-5 triangle",
            ),
            Case((np.array([[1.0], [4.0]]), np.array([[2.0]])), note="1D points"),
        ),
        hint=(
            "Entry [i, j] is sqrt(Σ_d (a[i, d] − b[j, d])²). Broadcast a[:, None, :] − b[None, :, :] to shape "
            "(n, m, D), square, sum over the last axis, take the square root."
        ),
        atol=1e-6,
    ),
    Exercise(
        id="8.5",
        title="the volume of the unit hypersphere",
        reference=solutions.unit_ball_volume,
        cases=(
            Case((1,), note="D = 1: the interval [−1, 1] has length 2"),
            Case((2,), note="D = 2: the unit disc has area π"),
            Case((3,), note="D = 3: 4π/3"),
            Case((10,), note="D = 10"),
            Case((400,), note="D = 400: Γ(201) overflows a float, the volume itself does not"),
        ),
        hint=(
            "§8.4.1: V_D = π^(D/2) / Γ(D/2 + 1). For large D compute it through logarithms, "
            "exp(D/2·log π − lgamma(D/2 + 1)) with math.lgamma, because Γ(D/2 + 1) alone overflows."
        ),
        rtol=1e-6,
        atol=0.0,
    ),
    Exercise(
        id="8.6",
        title="a training/validation split",
        reference=solutions.train_validation_split,
        cases=(
            Case((_x_split, _y_split, _order, 3), note="10 examples, 3 for validation"),
            Case((_x_split, _y_split, np.arange(10), 5), note="order unchanged, half and half"),
            Case(
                (_x_split[:4], _y_split[:4], np.array([3, 2, 1, 0]), 1),
                note="one validation example",
            ),
            Case(
                (np.arange(12.0).reshape(6, 2), np.arange(6), np.array([5, 0, 4, 1, 3, 2]), 2),
                note="inputs with two features",
            ),
            Case((_x_split, _y_split, _order, 0), note="no validation examples: everything trains"),
        ),
        hint=(
            "§8.5: the validation examples must not be used for training. Take the indices order[:n_validation] "
            "for validation and order[n_validation:] for training, and index x and y with them. Return "
            "(x_train, y_train, x_validation, y_validation)."
        ),
    ),
]
