"""Chapter 6 (Fitting models): line search, gradients, momentum, Nesterov, Adam and learning-rate schedules."""

import numpy as np

from udlcourse.check import Case, Exercise
from udlcourse.solutions import ch06 as solutions


def _quadratic_gradient(phi):
    return np.array([1.0, 100.0]) * phi


def _shifted_gradient(phi):
    return 2.0 * (phi - np.array([1.0, -2.0]))


_rng = np.random.default_rng(6)
_x = _rng.uniform(-15, 15, 9)
_y = np.sin(0.06 * 16.6 * _x) * np.exp(
    -((0.06 * 16.6 * _x) ** 2) / 32
) + 0.1 * _rng.standard_normal(9)

EXERCISES = [
    Exercise(
        id="6.1",
        title="one golden-section step of a line search",
        reference=solutions.shrink_bracket,
        cases=(
            Case((lambda s: (s - 0.3) ** 2, 0.0, 1.0), note="minimum at 0.3, left of the middle"),
            Case((lambda s: (s - 0.8) ** 2, 0.0, 1.0), note="minimum at 0.8, right of the middle"),
            Case(
                (lambda s: (s + 1.0) ** 2, 2.0, 6.0),
                note="minimum left of the bracket: keep the left end",
            ),
            Case((lambda s: -s, 0.0, 4.0), note="loss falls all the way: keep the right end"),
            Case((np.cos, 2.0, 5.0), note="cos has its minimum at pi"),
            Case(
                (lambda s: (s - 0.7) ** 2 * (1.0 + 19.0 * (s > 0.7)), 0.0, 1.0),
                note="a lopsided valley, minimum at 0.7 with a steep right wall: the right end is higher than the left",
            ),
            Case(
                (lambda s: (s - 0.3) ** 2 * (1.0 + 19.0 * (s < 0.3)), 0.0, 1.0),
                note="a lopsided valley, minimum at 0.3 with a steep left wall: the left end is higher than the right",
            ),
        ),
        hint=(
            "§6.1 line search: put b = d − 0.618·(d − a) and c = a + 0.618·(d − a) inside [a, d]. If L(b) < L(c) "
            "the minimum cannot lie in (c, d], so return (a, c); otherwise return (b, d)."
        ),
    ),
    Exercise(
        id="6.2",
        title="the gradient of the Gabor model's loss",
        reference=solutions.gabor_loss_gradient,
        cases=(
            Case((_x, _y, 0.0, 16.6), note="near the true parameters: small gradient"),
            Case((_x, _y, -5.0, 8.0), note="far away on the surface"),
            Case((np.array([2.0]), np.array([0.5]), 1.0, 10.0), note="one data point"),
            Case(
                (np.array([0.0, 10.0]), np.array([0.0, 0.0]), 0.0, 5.0),
                note="x = 0 gives no slope gradient",
            ),
        ),
        hint=(
            "Eq. 6.8 with z = φ0 + 0.06·φ1·x: f = sin(z)·exp(−z²/32), so df/dz = exp(−z²/32)·(cos z − z·sin z / 16) "
            "(product rule). Then ∂L/∂φ0 = Σ 2(f − y)·df/dz and ∂L/∂φ1 = Σ 2(f − y)·df/dz·0.06·x (chain rule)."
        ),
    ),
    Exercise(
        id="6.3",
        title="one momentum step",
        reference=solutions.momentum_step,
        cases=(
            Case(
                (np.array([1.0, 2.0]), np.zeros(2), np.array([0.5, -1.0]), 0.1, 0.9),
                note="the first step: m = 0",
            ),
            Case(
                (np.array([1.0, 2.0]), np.array([2.0, -3.0]), np.array([0.5, -1.0]), 0.1, 0.9),
                note="momentum already built up",
            ),
            Case(
                (np.array([0.0, 0.0]), np.array([1.0, 1.0]), np.array([-1.0, -1.0]), 0.5, 0.5),
                note="gradient opposes the momentum",
            ),
            Case(
                (np.array([3.0]), np.array([1.0]), np.array([2.0]), 0.2, 0.0),
                note="β = 0 is plain gradient descent",
            ),
        ),
        hint=(
            "Eq. 6.11: m ← β·m + (1 − β)·gradient, then φ ← φ − α·m with the NEW m. Return the pair (phi_new, m_new)."
        ),
    ),
    Exercise(
        id="6.4",
        title="one Nesterov momentum step",
        reference=solutions.nesterov_step,
        cases=(
            Case(
                (np.array([-4.0, 1.5]), np.array([-1.0, 20.0]), _quadratic_gradient, 0.02, 0.9),
                note="a badly scaled quadratic",
            ),
            Case(
                (np.array([0.0, 0.0]), np.array([3.0, -1.0]), _shifted_gradient, 0.1, 0.8),
                note="a bowl with its minimum at (1, −2)",
            ),
            Case(
                (np.array([0.5, 0.5]), np.zeros(2), _shifted_gradient, 0.1, 0.9),
                note="m = 0: the first step is a plain momentum step",
            ),
        ),
        hint=(
            "Eq. 6.12: take the gradient at the look-ahead point φ − α·β·m (where momentum alone would carry you), "
            "then m ← β·m + (1 − β)·gradient and φ ← φ − α·m. Return (phi_new, m_new)."
        ),
    ),
    Exercise(
        id="6.5",
        title="one Adam step with bias correction",
        reference=solutions.adam_step,
        cases=(
            Case(
                (
                    np.array([-4.0, 1.5]),
                    np.zeros(2),
                    np.zeros(2),
                    np.array([-4.0, 150.0]),
                    1,
                    0.1,
                    0.9,
                    0.99,
                    1e-8,
                ),
                note="the first step, t = 1: each parameter moves by about α",
            ),
            Case(
                (
                    np.array([1.0, 2.0]),
                    np.array([0.3, -0.2]),
                    np.array([0.5, 0.1]),
                    np.array([1.0, -2.0]),
                    5,
                    0.01,
                    0.9,
                    0.999,
                    1e-8,
                ),
                note="step 5, bias correction still large",
            ),
            Case(
                (
                    np.array([1.0, 2.0]),
                    np.array([0.3, -0.2]),
                    np.array([0.5, 0.1]),
                    np.array([1.0, -2.0]),
                    500,
                    0.01,
                    0.9,
                    0.999,
                    1e-8,
                ),
                note="step 500, correction of m is negligible",
            ),
            Case(
                (
                    np.array([0.0]),
                    np.zeros(1),
                    np.zeros(1),
                    np.array([0.0]),
                    1,
                    0.1,
                    0.9,
                    0.99,
                    1e-8,
                ),
                note="zero gradient: ε prevents 0/0",
            ),
            Case(
                (
                    np.array([0.5, -0.5, 2.0]),
                    np.array([2e-6, -1e-6, 0.0]),
                    np.array([4e-12, 1e-12, 0.0]),
                    np.array([1e-5, -3e-6, 2e-7]),
                    3,
                    0.01,
                    0.9,
                    0.999,
                    1e-8,
                ),
                note="tiny gradients (1e-5 and below): ε must be added after the square root, not inside it",
            ),
        ),
        hint=(
            "Eq. 6.15: m ← β·m + (1 − β)·g, v ← γ·v + (1 − γ)·g²; eq. 6.16: correct both, m̃ = m/(1 − β^t) and "
            "ṽ = v/(1 − γ^t); eq. 6.17: step φ ← φ − α·m̃/(√ṽ + ε), with ε outside the square root. Return the UNcorrected m and v with φ: (phi_new, m_new, v_new)."
        ),
    ),
    Exercise(
        id="6.6",
        title="a step-decay learning-rate schedule",
        reference=solutions.step_decay,
        cases=(
            Case((0.1, 0, 0.5, 10), note="step 0: the initial rate"),
            Case((0.1, 9, 0.5, 10), note="step 9: still the initial rate"),
            Case((0.1, 10, 0.5, 10), note="step 10: the first drop"),
            Case((0.1, 35, 0.5, 10), note="step 35: three drops"),
            Case((2.0, 7, 0.1, 3), note="step 7 with drops every 3 steps"),
        ),
        hint=(
            "§6.2.1: multiply the initial rate by `drop` once for every full block of `every` steps: "
            "α_t = α_0 · drop^⌊t / every⌋ (integer division, t counted from 0)."
        ),
    ),
]
