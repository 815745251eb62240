"""Chapter 11 (Residual networks): shattered gradients, residual blocks, variance growth and batch norm."""

import numpy as np

from udlcourse.check import Case, Exercise
from udlcourse.solutions import ch11 as solutions

_RNG = np.random.default_rng(11)


def _signal(kind, n=64, seed=0):
    rng = np.random.default_rng(seed)
    if kind == "smooth":
        return np.sin(np.linspace(0, 3, n)) + 0.3 * np.linspace(0, 3, n)
    if kind == "noise":
        return rng.normal(0, 1, n)
    return np.where(np.arange(n) % 2 == 0, 1.0, -1.0) + 5.0  # alternating around an offset of 5


EXERCISES = [
    Exercise(
        id="11.1",
        title="the lag-1 autocorrelation of a signal",
        reference=solutions.lag1_autocorrelation,
        cases=(
            Case((_signal("smooth"),), note="a smooth curve: close to 1"),
            Case((_signal("noise", seed=3),), note="white noise: close to 0"),
            Case(
                (_signal("alternating"),),
                note="alternating around 5: the mean must be removed first (−1)",
            ),
            Case((np.array([1.0, 2.0, 4.0, 3.0]),), note="four samples"),
        ),
        hint=(
            "§11.1.1 (Fig. 11.3): subtract the mean of g, multiply each sample by its right-hand neighbour and sum "
            "(N − 1 products), then divide by the sum of ALL N squared centred samples. Return one float."
        ),
    ),
    Exercise(
        id="11.2",
        title="one residual block",
        reference=solutions.residual_block,
        cases=(
            Case(
                (_RNG.normal(size=(5, 3)), _RNG.normal(size=(3, 3)), _RNG.normal(size=3)),
                note="5 examples, 3 units",
            ),
            Case(
                (-np.ones((2, 4)), _RNG.normal(size=(4, 4)), np.zeros(4)),
                note="all inputs negative: the branch is off, the block returns h",
            ),
            Case(
                (_RNG.normal(size=(1, 2)), np.zeros((2, 2)), np.array([0.5, -0.5])),
                note="zero weights: h + β",
            ),
            Case(
                (
                    _RNG.normal(size=(6, 2)),
                    np.array([[1.0, 2.0], [0.0, -1.0]]),
                    np.array([0.1, 0.2]),
                ),
                note="a non-symmetric Ω (Ω is applied, not Ωᵀ)",
            ),
        ),
        hint=(
            "§11.2: a residual block ADDS its branch to its input: h + f[h] with f[h] = β + Ω·ReLU[h]. Rows of h are "
            "examples, so apply Ω to each row as np.maximum(h, 0) @ omega.T, then add β and the input h itself."
        ),
    ),
    Exercise(
        id="11.3",
        title="path lengths in an unravelled residual network",
        reference=solutions.path_length_counts,
        cases=(
            Case((3,), note="three blocks: 8 paths"),
            Case((0,), note="no blocks: just the skip path"),
            Case((1,), note="one block: skip it or go through it"),
            Case((10,), note="ten blocks: 1024 paths"),
        ),
        hint=(
            "§11.2 (Fig. 11.4, eq. 11.5): each of the K blocks is either passed through or skipped, so there are 2^K paths; "
            "the number that pass through exactly k blocks is the binomial coefficient C(K, k). Return the array "
            "for k = 0, 1, ..., K (K + 1 numbers, e.g. math.comb)."
        ),
    ),
    Exercise(
        id="11.4",
        title="the variance after K residual blocks",
        reference=solutions.residual_variances,
        cases=(
            Case((1.0, 5, 1.0), note="no rescaling: doubles every block"),
            Case((1.0, 5, 2**-0.5), note="rescaled by 1/√2: stays constant"),
            Case((0.5, 3, 0.5), note="rescaled too hard: halves every block"),
            Case((2.0, 0, 1.0), note="no blocks at all"),
        ),
        hint=(
            "§11.3 (Fig. 11.6): with He initialisation the branch Ω·ReLU[h] has the same variance as h and is "
            "uncorrelated with it, so h + f[h] has twice the variance; multiplying by `scale` multiplies the variance "
            "by scale². Return the K + 1 values variance0 · (2·scale²)^k for k = 0, ..., K."
        ),
    ),
    Exercise(
        id="11.5",
        title="batch normalisation by hand",
        reference=solutions.batch_norm,
        cases=(
            Case(
                (_RNG.normal(3.0, 2.0, size=(8, 3)), np.ones(3), np.zeros(3)),
                note="γ = 1, δ = 0: zero mean, unit variance",
            ),
            Case(
                (_RNG.normal(size=(5, 2)), np.array([2.0, 0.5]), np.array([1.0, -1.0])),
                note="scale and shift",
            ),
            Case(
                (np.array([[1.0, 4.0], [1.0, 6.0]]), np.ones(2), np.zeros(2)),
                note="a constant unit and a batch of two: ε keeps it finite",
            ),
            Case((_RNG.normal(size=(4, 3)), np.ones(3), np.zeros(3), 0.1), note="a large ε = 0.1"),
            Case(
                (1e6 + _RNG.normal(size=(8, 3)), np.ones(3), np.zeros(3)),
                note="an offset of 10⁶: compute the variance from centred values, not as mean(h²) − mean(h)²",
            ),
        ),
        hint=(
            "§11.4: for every unit (column) compute the mean m and the variance s² over the batch (axis 0, dividing "
            "by the batch size, as torch does in training mode), then return γ·(h − m)/sqrt(s² + ε) + δ."
        ),
    ),
]
