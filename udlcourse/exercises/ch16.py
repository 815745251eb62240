"""Chapter 16 (Normalizing flows): the 1D change of variables in log space, the log-determinant of a triangular
matrix, sampling from a masked autoregressive flow, the forward pass and the inverse of an affine coupling layer,
and inverting a residual layer by fixed-point iteration.

Each reference function has the name and the body of the worked notebook's solution.
"""

import numpy as np

from udlcourse.check import Case, Exercise
from udlcourse.solutions import ch16 as solutions

_rng = np.random.default_rng(16)

# 16.1: slopes of both signs, and a point far in the tail (exp(−40²/2) underflows to 0)
_z5 = np.array([-1.3, -0.2, 0.0, 0.7, 2.1])
_slope5 = np.array([0.5, 3.0, 1.0, 7.5, 0.2])
_z_tail = np.array([40.0, -38.0, 1.0])
_slope_tail = np.array([2.0, 0.01, -4.0])

# 16.2: triangular matrices, small and large (the determinant of the large ones under- or overflows)
_upper3 = np.array([[2.0, 1.0, -3.0], [0.0, -0.5, 4.0], [0.0, 0.0, 3.0]])
_lower4 = np.tril(_rng.normal(size=(4, 4))) + np.diag([1.0, -2.0, 0.3, 5.0])
_small400 = np.triu(0.01 * _rng.normal(size=(400, 400)), 1) + np.diag(
    _rng.uniform(0.02, 0.1, 400) * np.where(_rng.random(400) < 0.5, -1, 1)
)
_large300 = np.tril(_rng.normal(size=(300, 300)), -1) + np.diag(_rng.uniform(10, 30, 300))


def _masked_conditioner(D, seed):
    """A stand-in for a MADE: column d of mu and alpha depends only on columns 0..d-1 of x."""
    g = np.random.default_rng(seed)
    m1 = np.triu(g.normal(size=(D, D)), 1)  # m1[j, d] ≠ 0 only for j < d
    m2 = np.triu(g.normal(size=(D, D)), 1)
    c1, c2 = g.normal(size=D), 0.3 * g.normal(size=D)

    def conditioner(x):
        return 1.5 * np.tanh(x @ m1) + c1, 0.8 * np.sin(x @ m2) + c2

    return conditioner


def _coupling_conditioner(d_in, d_out, seed, scale=1.0, offset=0.0):
    """(shift, log_scale), each N × d_out, from h1 (N × d_in); scale/offset make the log-scales large."""
    g = np.random.default_rng(seed)
    a, b = g.normal(size=(d_in, d_out)), g.normal(size=(d_in, d_out))
    t0, s0 = g.normal(size=d_out), 0.5 * g.normal(size=d_out)

    def conditioner(h1):
        return np.tanh(h1 @ a) + t0, scale * (0.7 * np.sin(h1 @ b) + s0) + offset

    return conditioner


_cond5 = _coupling_conditioner(2, 3, 1)  # D = 5: h1 has 2 columns, h2 has 3
_cond4 = _coupling_conditioner(2, 2, 2)
_cond2 = _coupling_conditioner(1, 1, 3)
_cond_huge = _coupling_conditioner(
    2, 3, 4, scale=1.0, offset=250.0
)  # log-scales near 250: exp(Σs) overflows
_h5 = _rng.normal(size=(6, 5))
_h4 = _rng.normal(size=(3, 4))
_h2 = _rng.normal(size=(4, 2))


def _contraction(D, seed, beta):
    g = np.random.default_rng(seed)
    w = g.normal(size=(D, D))
    w = w / np.linalg.norm(w, 2) * beta  # spectral norm β: a contraction
    b = g.normal(size=D)

    def f(z):
        return np.tanh(z @ w.T + b)

    return f


def _sine(z):
    return 0.9 * np.sin(z)


_f3 = _contraction(3, 5, 0.7)
_f6 = _contraction(6, 6, 0.9)
_y3 = 2.0 * _rng.normal(size=(5, 3))
_y6 = 2.0 * _rng.normal(size=(4, 6))
_y1 = np.array([[3.0], [-1.0], [0.5]])

EXERCISES = [
    Exercise(
        id="16.1",
        title="the 1D change of variables in log space",
        reference=solutions.log_density_1d,
        cases=(
            Case((_z5, _slope5), note="five points with positive slopes"),
            Case((_z5, -_slope5), note="a decreasing flow: negative slopes"),
            Case(
                (_z_tail, _slope_tail),
                note="z = 40 and −38: far in the tail, where exp(−z²/2) is 0 in floating point",
            ),
            Case((np.array([0.0]), np.array([1.0])), note="the identity at z = 0: log of 1/√(2π)"),
        ),
        hint=(
            "Eq. 16.1 in logs: log Pr(x) = log Pr(z) − log|∂f/∂z|. For the standard normal, "
            "log Pr(z) = −z²/2 − log(2π)/2: write it directly instead of taking the log of the density (which is 0 "
            "for z = 40). The slope's ABSOLUTE value is SUBTRACTED: a steep slope spreads the mass thin."
        ),
    ),
    Exercise(
        id="16.2",
        title="log |det| of a triangular matrix",
        reference=solutions.triangular_log_abs_det,
        cases=(
            Case((_upper3,), note="3×3 upper-triangular with a negative diagonal entry"),
            Case((_lower4,), note="4×4 lower-triangular"),
            Case((_small400,), note="400×400 with small diagonal entries: det underflows to 0"),
            Case((_large300,), note="300×300 with diagonal entries 10–30: det overflows to inf"),
            Case((np.array([[-0.25]]),), note="1×1"),
        ),
        hint=(
            "§16.3.1: the determinant of a triangular matrix is the product of its diagonal, so "
            "log|det T| = Σ_d log|T_dd|: take the absolute value of each diagonal entry (some are negative) and sum "
            "the logs. Never form the product (or np.linalg.det) first: for D = 400 it under- or overflows. "
            "Return one number."
        ),
        rtol=1e-9,
    ),
    Exercise(
        id="16.3",
        title="sampling from a masked autoregressive flow",
        reference=solutions.maf_sample,
        cases=(
            Case((_rng.normal(size=(5, 4)), _masked_conditioner(4, 7)), note="5 samples in D = 4"),
            Case((_rng.normal(size=(3, 6)), _masked_conditioner(6, 8)), note="3 samples in D = 6"),
            Case((_rng.normal(size=(4, 1)), _masked_conditioner(1, 9)), note="D = 1: one pass"),
        ),
        hint=(
            "Eqs. 16.15–16.17: in a MAF, z_d = (x_d − μ_d) · exp(−α_d) where (μ, α) = conditioner(x) and column d "
            "depends only on x's columns before d. So invert it coordinate by coordinate: start from x = zeros, and "
            "for d = 0 … D−1 call conditioner on the x built so far and set x_d = μ_d + exp(α_d) · z_d. That is D "
            "passes; one pass with conditioner(z) is an IAF, a different model. Build x in a new array (z must not "
            "change)."
        ),
        rtol=1e-9,
        atol=1e-10,
    ),
    Exercise(
        id="16.4",
        title="an affine coupling layer, forward",
        reference=solutions.coupling_forward,
        cases=(
            Case((_h5, _cond5), note="6 rows, D = 5: h1 is the first 2 columns, h2 the last 3"),
            Case((_h4, _cond4), note="3 rows, D = 4"),
            Case((_h2, _cond2), note="4 rows, D = 2, as on the moons"),
            Case(
                (_h5, _cond_huge),
                note="log-scales near 250: their product of exp's overflows, their sum does not",
            ),
        ),
        hint=(
            "Eq. 16.13 with the affine g of RealNVP: keep h1 = h[:, :D//2], get (shift, log_scale) = "
            "conditioner(h1), set h2' = h2 · exp(log_scale) + shift and put [h1, h2'] back together. The Jacobian is "
            "triangular with exp(log_scale) on its diagonal, so log|det| = the SUM of the log-scales over each row "
            "(axis=1): one number per row, not exp of anything, not a mean, not over the whole batch."
        ),
    ),
    Exercise(
        id="16.5",
        title="an affine coupling layer, inverse",
        reference=solutions.coupling_inverse,
        cases=(
            Case((_h5, _cond5), note="6 rows, D = 5"),
            Case((_h4, _cond4), note="3 rows, D = 4"),
            Case((_h2, _cond2), note="4 rows, D = 2"),
            Case((_h5, _cond_huge), note="log-scales near 250"),
        ),
        hint=(
            "Eq. 16.14: h1 = h1' (so conditioner(h1') gives the same shift and log_scale as in the forward pass), "
            "and h2 = (h2' − shift) · exp(−log_scale): undo the last step (the shift) first, then the scale. The "
            "inverse's log|det| is MINUS the sum of the log-scales of each row."
        ),
    ),
    Exercise(
        id="16.6",
        title="inverting a residual layer by fixed-point iteration",
        reference=solutions.invert_residual,
        cases=(
            Case((_y3, _f3), note="5 points in 3D, a contraction with β = 0.7"),
            Case((_y6, _f6), note="4 points in 6D, β = 0.9: slow convergence"),
            Case((_y1, _sine), note="1D, f(z) = 0.9 sin z"),
            Case((_y3, _f3), {"tol": 1e-6}, note="a looser tolerance"),
        ),
        hint=(
            "§16.3.7 (eqs. 16.20–16.21): z = y − f(z) at the solution, so iterate z ← y − f(z) from z = y until no "
            "entry changes by more than tol. The map z ↦ y − f(z) is a contraction, so this converges; z ← y + f(z) "
            "does not solve y = z + f(z), and one or a few steps are not enough. Do not change y."
        ),
        rtol=1e-5,
        atol=1e-5,
    ),
]
