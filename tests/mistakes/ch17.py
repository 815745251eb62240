"""Plausible wrong answers to the chapter 17 exercises."""

import numpy as np
from scipy.special import logsumexp


# 17.1: the likelihood by numerical integration
def _naive_exp(
    x, z_grid, f_grid, sigma
):  # sums densities, then takes the log: −inf in the σ = 0.01 case
    with np.errstate(divide="ignore"):
        sq = np.sum((x[:, None, :] - f_grid[None]) ** 2, axis=2)
        lik = np.exp(-sq / (2 * sigma**2)) / (2 * np.pi * sigma**2) ** (x.shape[1] / 2)
        prior = np.exp(-(z_grid**2) / 2) / np.sqrt(2 * np.pi)
        return np.log(np.sum(lik * prior, axis=1) * (z_grid[1] - z_grid[0]))


def _no_spacing(x, z_grid, f_grid, sigma):  # a sum, not an integral: the grid spacing Δz is missing
    sq = np.sum((x[:, None, :] - f_grid[None]) ** 2, axis=2)
    ll = -sq / (2 * sigma**2) - x.shape[1] / 2 * np.log(2 * np.pi * sigma**2)
    return logsumexp(ll - z_grid**2 / 2 - 0.5 * np.log(2 * np.pi), axis=1)


def _no_prior(x, z_grid, f_grid, sigma):  # integrates the likelihood alone, without Pr(z)
    sq = np.sum((x[:, None, :] - f_grid[None]) ** 2, axis=2)
    ll = -sq / (2 * sigma**2) - x.shape[1] / 2 * np.log(2 * np.pi * sigma**2)
    return logsumexp(ll, axis=1) + np.log(z_grid[1] - z_grid[0])


def _two_d_normaliser(
    x, z_grid, f_grid, sigma
):  # normaliser of a 2D normal hard-coded: caught by the D = 3 case
    sq = np.sum((x[:, None, :] - f_grid[None]) ** 2, axis=2)
    ll = -sq / (2 * sigma**2) - np.log(2 * np.pi * sigma**2)
    return logsumexp(ll - z_grid**2 / 2 - 0.5 * np.log(2 * np.pi), axis=1) + np.log(
        z_grid[1] - z_grid[0]
    )


def _one_d_normaliser(x, z_grid, f_grid, sigma):  # 1D normaliser (2πσ²)^(−1/2) for D-dimensional x
    sq = np.sum((x[:, None, :] - f_grid[None]) ** 2, axis=2)
    ll = -sq / (2 * sigma**2) - 0.5 * np.log(2 * np.pi * sigma**2)
    return logsumexp(ll - z_grid**2 / 2 - 0.5 * np.log(2 * np.pi), axis=1) + np.log(
        z_grid[1] - z_grid[0]
    )


def _sigma_not_squared(x, z_grid, f_grid, sigma):  # σ for σ² in the exponent (every case has σ ≠ 1)
    sq = np.sum((x[:, None, :] - f_grid[None]) ** 2, axis=2)
    ll = -sq / (2 * sigma) - x.shape[1] / 2 * np.log(2 * np.pi * sigma**2)
    return logsumexp(ll - z_grid**2 / 2 - 0.5 * np.log(2 * np.pi), axis=1) + np.log(
        z_grid[1] - z_grid[0]
    )


def _mean_over_grid(
    x, z_grid, f_grid, sigma
):  # averages over the grid (divides by G) instead of multiplying by Δz
    sq = np.sum((x[:, None, :] - f_grid[None]) ** 2, axis=2)
    ll = -sq / (2 * sigma**2) - x.shape[1] / 2 * np.log(2 * np.pi * sigma**2)
    return logsumexp(ll - z_grid**2 / 2 - 0.5 * np.log(2 * np.pi), axis=1) - np.log(len(z_grid))


# 17.2: the KL divergence to the standard normal
def _log_var_as_variance(
    mu, log_var
):  # treats log_var as the variance s²: nan for negative log-variances
    with np.errstate(invalid="ignore"):
        return 0.5 * np.sum(log_var + mu**2 - 1 - np.log(log_var), axis=-1)


def _std_for_variance(
    mu, log_var
):  # exp(log_var / 2), the standard deviation, in place of the variance
    return 0.5 * np.sum(np.exp(0.5 * log_var) + mu**2 - 1 - log_var, axis=-1)


def _kl_mean_over_dims(mu, log_var):  # mean for sum over the latent dimensions
    return 0.5 * np.mean(np.exp(log_var) + mu**2 - 1 - log_var, axis=-1)


def _kl_no_half(mu, log_var):  # the factor ½ of eq. 17.24 dropped
    return np.sum(np.exp(log_var) + mu**2 - 1 - log_var, axis=-1)


def _kl_no_minus_d(mu, log_var):  # the −D_z term dropped: KL ≠ 0 when q is the prior
    return 0.5 * np.sum(np.exp(log_var) + mu**2 - log_var, axis=-1)


def _kl_sign_log(mu, log_var):  # + log det Σ instead of − log det Σ
    return 0.5 * np.sum(np.exp(log_var) + mu**2 - 1 + log_var, axis=-1)


def _kl_sum_everything(mu, log_var):  # sums over the batch too: one number instead of one per row
    return 0.5 * np.sum(np.exp(log_var) + mu**2 - 1 - log_var)


# 17.3: the reparameterisation trick
def _reparam_variance(
    mu, log_var, eps
):  # scales the noise by the variance exp(log_var), not its square root
    return mu + np.exp(log_var) * eps


def _reparam_log_var(mu, log_var, eps):  # scales the noise by log_var itself
    return mu + log_var * eps


def _reparam_no_mean(mu, log_var, eps):  # forgets to shift by μ (every case has μ ≠ 0)
    return np.exp(0.5 * log_var) * eps


def _reparam_inverse(
    mu, log_var, eps
):  # divides by the standard deviation (standardising instead of sampling)
    return mu + eps / np.exp(0.5 * log_var)


# 17.4: the score-function gradient
def _score_sigma_not_squared(
    a_values, z, mu, sigma
):  # (z − μ)/σ for ∂ log q/∂μ; σ ≠ 1 in the first two cases
    return (
        np.mean(a_values * (z - mu) / sigma, axis=-1),
        np.mean(a_values * ((z - mu) ** 2 / sigma**3 - 1 / sigma), axis=-1),
    )


def _score_no_minus(a_values, z, mu, sigma):  # the −1/σ of ∂ log q/∂σ (from the normaliser) dropped
    return (
        np.mean(a_values * (z - mu) / sigma**2, axis=-1),
        np.mean(a_values * (z - mu) ** 2 / sigma**3, axis=-1),
    )


def _score_wrt_variance(
    a_values, z, mu, sigma
):  # derivative with respect to the variance σ², not σ
    return (
        np.mean(a_values * (z - mu) / sigma**2, axis=-1),
        np.mean(a_values * ((z - mu) ** 2 / (2 * sigma**4) - 1 / (2 * sigma**2)), axis=-1),
    )


def _score_sign(a_values, z, mu, sigma):  # (μ − z) for (z − μ)
    return (
        np.mean(a_values * (mu - z) / sigma**2, axis=-1),
        np.mean(a_values * ((z - mu) ** 2 / sigma**3 - 1 / sigma), axis=-1),
    )


def _score_sum(a_values, z, mu, sigma):  # sum for mean over the draws
    return (
        np.sum(a_values * (z - mu) / sigma**2, axis=-1),
        np.sum(a_values * ((z - mu) ** 2 / sigma**3 - 1 / sigma), axis=-1),
    )


def _score_axis0(a_values, z, mu, sigma):  # averages over the first axis: caught by the 3 × 5 case
    return (
        np.mean(a_values * (z - mu) / sigma**2, axis=0),
        np.mean(a_values * ((z - mu) ** 2 / sigma**3 - 1 / sigma), axis=0),
    )


# 17.5: the importance-sampled log-likelihood
def _mean_log_weights(
    lp, lprior, lq
):  # average of the log-weights: the ELBO, not log of the average weight
    return np.mean(lp + lprior - lq, axis=-1)


def _no_one_over_n(lp, lprior, lq):  # log of the sum of the weights, without 1/N
    return logsumexp(lp + lprior - lq, axis=-1)


def _naive_weights(lp, lprior, lq):  # exponentiates first: −inf for the 64-pixel case
    with np.errstate(divide="ignore"):
        return np.log(np.mean(np.exp(lp + lprior - lq), axis=-1))


def _plus_log_q(lp, lprior, lq):  # multiplies by q instead of dividing
    w = lp + lprior + lq
    return logsumexp(w, axis=-1) - np.log(w.shape[-1])


def _no_prior_weight(lp, lprior, lq):  # weights Pr(x|z)/q(z), forgetting the prior
    w = lp - lq
    return logsumexp(w, axis=-1) - np.log(w.shape[-1])


def _max_weight(lp, lprior, lq):  # keeps only the largest weight (a "hard" logsumexp)
    w = lp + lprior - lq
    return np.max(w, axis=-1) - np.log(w.shape[-1])


MISTAKES = {
    "17.1": [
        _naive_exp,
        _no_spacing,
        _no_prior,
        _two_d_normaliser,
        _one_d_normaliser,
        _sigma_not_squared,
        _mean_over_grid,
    ],
    "17.2": [
        _log_var_as_variance,
        _std_for_variance,
        _kl_mean_over_dims,
        _kl_no_half,
        _kl_no_minus_d,
        _kl_sign_log,
        _kl_sum_everything,
    ],
    "17.3": [_reparam_variance, _reparam_log_var, _reparam_no_mean, _reparam_inverse],
    "17.4": [
        _score_sigma_not_squared,
        _score_no_minus,
        _score_wrt_variance,
        _score_sign,
        _score_sum,
        _score_axis0,
    ],
    "17.5": [
        _mean_log_weights,
        _no_one_over_n,
        _naive_weights,
        _plus_log_q,
        _no_prior_weight,
        _max_weight,
    ],
}
