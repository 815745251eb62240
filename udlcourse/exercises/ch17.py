"""Chapter 17 (Variational autoencoders): the likelihood of a nonlinear latent-variable model by numerical
integration, the closed-form KL divergence to the standard normal, the reparameterisation trick, the
score-function (REINFORCE) gradient and the importance-sampled log-likelihood.

The references are the worked notebook's solutions (`udlcourse.solutions.ch17`, generated from it).
"""

import numpy as np

from udlcourse.check import Case, Exercise
from udlcourse.solutions import ch17 as solutions

_rng = np.random.default_rng(17)
_z_grid = np.linspace(-6.0, 6.0, 801)
_curve_2d = np.stack([1.5 * np.cos(1.3 * _z_grid), np.sin(_z_grid) + 0.2 * _z_grid], axis=1)
_curve_3d = np.stack([np.cos(_z_grid), 0.8 * np.sin(1.7 * _z_grid), 0.3 * _z_grid], axis=1)
_x_2d = np.array([[1.4, 0.2], [-1.0, 0.9], [0.3, -1.2]])
_x_3d = np.array([[1.0, 0.1, 0.0], [0.2, 0.7, 0.4]])
_mu_batch = _rng.normal(size=(4, 3))
_log_var_batch = _rng.normal(scale=1.5, size=(4, 3))
_eps_batch = _rng.normal(size=(4, 3))
_z_draws = 0.3 + 0.5 * _rng.normal(size=7)
_z_draws_2d = -1.0 + 2.0 * _rng.normal(size=(3, 5))


def _a(z):  # a stand-in for log Pr(x | z): smooth, negative, not symmetric about μ
    return -((z - 1.2) ** 2) - 0.5 * z


EXERCISES = [
    Exercise(
        id="17.1",
        title="the likelihood of a nonlinear latent-variable model by numerical integration",
        reference=solutions.log_marginal_likelihood,
        cases=(
            Case((_x_2d, _z_grid, _curve_2d, 0.3), note="three 2D points, σ = 0.3"),
            Case((_x_3d, _z_grid, _curve_3d, 0.5), note="3D data (D = 3), σ = 0.5"),
            Case(
                (_x_2d[:1] + 0.4, _z_grid, _curve_2d, 0.01),
                note="σ = 0.01 and a point off the curve: every term of the plain sum underflows to 0",
            ),
            Case(
                (np.array([[0.0, 0.0]]), _z_grid, 2 * _curve_2d, 1.5),
                note="one point, a wide σ = 1.5",
            ),
        ),
        hint=(
            "Eq. 17.7 as a sum over the grid: log Pr(x) = log Σ_g Norm_x[f[z_g], σ²I] · Norm_z[z_g; 0, 1] · Δz, with "
            "Δz the grid spacing. The normal over D-dimensional x has normaliser (2πσ²)^(−D/2), D = x.shape[1]; the "
            "prior is the 1D standard normal. Add the logarithms of the two densities and use scipy's logsumexp over "
            "the grid (then add log Δz): exponentiating first underflows to 0 when σ is small."
        ),
    ),
    Exercise(
        id="17.2",
        title="the KL divergence from a diagonal normal to the standard normal",
        reference=solutions.gaussian_kl,
        cases=(
            Case((_mu_batch, _log_var_batch), note="a batch of 4 rows, D = 3"),
            Case(
                (np.array([0.5, -1.0, 2.0, 0.0, 0.3]), np.array([0.0, -2.0, 1.0, 0.5, -0.7])),
                note="one row, D = 5",
            ),
            Case((np.zeros((2, 4)), np.zeros((2, 4))), note="q equal to the prior: KL = 0"),
            Case(
                (np.array([[1.0, -1.0]]), np.array([[-8.0, 6.0]])),
                note="very small and very large variances",
            ),
        ),
        hint=(
            "Eq. 17.24 for diagonal Σ = diag(s²) with log_var = log s²: KL = ½ Σ_d (s_d² + μ_d² − 1 − log s_d²). "
            "The variance is exp(log_var), not exp(log_var / 2) and not log_var itself; sum (not average) over the "
            "last axis only, keep the factor ½ and the −1 per dimension (the −D of eq. 17.24)."
        ),
    ),
    Exercise(
        id="17.3",
        title="the reparameterisation trick",
        reference=solutions.reparameterize,
        cases=(
            Case((_mu_batch, _log_var_batch, _eps_batch), note="a batch of 4 rows, D = 3"),
            Case(
                (0.3, 2 * np.log(0.5), np.array([-1.0, 0.0, 2.0])),
                note="one normal, s = 0.5, three draws",
            ),
            Case(
                (np.array([1.0, -2.0]), np.array([3.0, -3.0]), np.array([1.5, -0.5])),
                note="log-variances ±3",
            ),
        ),
        hint=(
            "Eq. 17.25: z* = μ + Σ^{1/2} ε*. With log_var = log s², the standard deviation is s = exp(log_var / 2) "
            "(the square root of the variance exp(log_var)); scale the noise by it and shift by μ."
        ),
    ),
    Exercise(
        id="17.4",
        title="the score-function (REINFORCE) gradient",
        reference=solutions.score_function_gradient,
        cases=(
            Case((_a(_z_draws), _z_draws, 0.3, 0.5), note="seven draws from Norm[0.3, 0.5²]"),
            Case(
                (_a(_z_draws_2d), _z_draws_2d, -1.0, 2.0),
                note="three estimates of five draws each, σ = 2",
            ),
            Case(
                (np.array([2.0, -1.0, 0.5]), np.array([0.0, 1.0, -1.0]), 0.0, 1.0),
                note="μ = 0, σ = 1",
            ),
        ),
        hint=(
            "Eq. 17.34: the gradient of E_q[a] is the average of a(z) · ∂ log q(z)/∂(parameter). For "
            "q = Norm[μ, σ²], log q = −(z − μ)²/(2σ²) − log σ + const, so ∂/∂μ = (z − μ)/σ² and "
            "∂/∂σ = (z − μ)²/σ³ − 1/σ (derivatives with respect to σ, not σ²). Average over the last axis and "
            "return the pair (d/dμ, d/dσ)."
        ),
    ),
    Exercise(
        id="17.5",
        title="the importance-sampled log-likelihood",
        reference=solutions.importance_log_likelihood,
        cases=(
            Case(
                (
                    np.array([-1.0, -2.5, -0.3, -4.0]),
                    np.array([-0.9, -1.2, -1.0, -3.0]),
                    np.array([-1.1, -0.8, -1.5, -0.4]),
                ),
                note="four samples",
            ),
            Case(
                (
                    _rng.normal(-3, 1, (3, 6)),
                    _rng.normal(-1.5, 0.5, (3, 6)),
                    _rng.normal(-1, 0.5, (3, 6)),
                ),
                note="three data points, six samples each",
            ),
            Case(
                (
                    np.array([-1200.0, -1195.0, -1210.0]),
                    np.array([-2.0, -1.0, -3.0]),
                    np.array([-1.0, -1.5, -0.5]),
                ),
                note="a 64-pixel image: log-likelihoods near −1200, whose exponentials underflow to 0",
            ),
        ),
        hint=(
            "Eq. 17.28 in logarithms: log w_n = log Pr(x|z_n) + log Pr(z_n) − log q(z_n); the estimate is "
            "log[(1/N) Σ_n w_n] = logsumexp(log w, axis=−1) − log N. Not the average of the log w (that is the ELBO, "
            "a lower bound), not the sum of the weights without 1/N, and never np.exp of the log-weights directly."
        ),
    ),
]
