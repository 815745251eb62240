"""Plausible wrong answers to the chapter 18 exercises."""

import numpy as np

from udlcourse.solutions.ch18 import alpha_schedule, posterior_mean_var


# 18.1: the noise schedule's α_t
def _per_step(
    beta,
):  # α_t vs ᾱ_t: the single factor 1 − β_t, not the running product (caught by every case
    return 1.0 - np.asarray(beta, dtype=float)  # with more than one step)


def _product_of_betas(beta):  # cumulative product of β instead of 1 − β
    return np.cumprod(np.asarray(beta, dtype=float))


def _one_minus_cumsum(beta):  # 1 − Σβ: a first-order approximation, wrong for the five large steps
    return 1.0 - np.cumsum(np.asarray(beta, dtype=float))


def _starts_at_one(beta):  # off by one: α_0 = 1 put in front, the last value dropped
    return np.concatenate([[1.0], np.cumprod(1.0 - np.asarray(beta, dtype=float))[:-1]])


def _sqrt_product(beta):  # √ᾱ vs ᾱ: the product of √(1 − β), the signal's scale rather than α_t
    return np.cumprod(np.sqrt(1.0 - np.asarray(beta, dtype=float)))


# 18.2: the diffusion kernel
def _diffuse_per_step(
    x, t, beta, eps
):  # α_t vs ᾱ_t: 1 − β_t in place of the cumulative α_t (t = 3 case)
    a = 1.0 - beta[t - 1]
    return np.sqrt(a) * x + np.sqrt(1 - a) * eps


def _diffuse_no_sqrt(x, t, beta, eps):  # √ᾱ vs ᾱ: α_t and 1 − α_t without square roots
    a = np.prod(1.0 - beta[:t])
    return a * x + (1 - a) * eps


def _diffuse_off_by_one(
    x, t, beta, eps
):  # product over t + 1 steps (0-based slicing); caught at t = 1
    a = np.prod(1.0 - beta[: t + 1])
    return np.sqrt(a) * x + np.sqrt(1 - a) * eps


def _diffuse_beta_noise(x, t, beta, eps):  # noise scaled by √β_t, as in a single step of eq. 18.1
    a = np.prod(1.0 - beta[:t])
    return np.sqrt(a) * x + np.sqrt(beta[t - 1]) * eps


def _diffuse_sum_of_sqrt(
    x, t, beta, eps
):  # multiplies the per-step scales but adds the per-step noise
    a = np.prod(
        1.0 - beta[:t]
    )  # standard deviations √β_s instead of their variances (caught at t = 3)
    return np.sqrt(a) * x + np.sum(np.sqrt(beta[:t])) * eps


# 18.3: q(z_{t-1} | z_t, x)
def _posterior_per_step_alpha(z_t, x, t, beta):  # α_t vs ᾱ_t: uses 1 − β for both α_t and α_{t−1}
    beta_t = beta[t - 1]
    a_t, a_prev = 1 - beta_t, (1 - beta[t - 2]) if t > 1 else 1.0
    mean = (1 - a_prev) / (1 - a_t) * np.sqrt(1 - beta_t) * z_t + np.sqrt(a_prev) * beta_t / (
        1 - a_t
    ) * x
    return mean, float(beta_t * (1 - a_prev) / (1 - a_t))


def _posterior_no_sqrt(z_t, x, t, beta):  # √ᾱ vs ᾱ: α_{t−1} and 1 − β_t without their square roots
    alpha = np.concatenate([[1.0], np.cumprod(1.0 - beta)])
    beta_t, a_t, a_prev = beta[t - 1], alpha[t], alpha[t - 1]
    mean = (1 - a_prev) / (1 - a_t) * (1 - beta_t) * z_t + a_prev * beta_t / (1 - a_t) * x
    return mean, float(beta_t * (1 - a_prev) / (1 - a_t))


def _posterior_variance_beta(
    z_t, x, t, beta
):  # wrong variance: β_t, the forward step's, not the posterior's
    mean, _ = posterior_mean_var(z_t, x, t, beta)
    return mean, float(beta[t - 1])


def _posterior_swapped(z_t, x, t, beta):  # the two weights swapped between z_t and x
    alpha = np.concatenate([[1.0], np.cumprod(1.0 - beta)])
    beta_t, a_t, a_prev = beta[t - 1], alpha[t], alpha[t - 1]
    mean = (1 - a_prev) / (1 - a_t) * np.sqrt(1 - beta_t) * x + np.sqrt(a_prev) * beta_t / (
        1 - a_t
    ) * z_t
    return mean, float(beta_t * (1 - a_prev) / (1 - a_t))


def _posterior_off_by_one(
    z_t, x, t, beta
):  # α indexed from 0 without α_0 = 1: α_t where α_{t−1} belongs
    alpha = alpha_schedule(beta)
    a_t, a_prev = alpha[min(t, len(beta) - 1)], alpha[t - 1]
    beta_t = beta[t - 1]
    mean = (1 - a_prev) / (1 - a_t) * np.sqrt(1 - beta_t) * z_t + np.sqrt(a_prev) * beta_t / (
        1 - a_t
    ) * x
    return mean, float(beta_t * (1 - a_prev) / (1 - a_t))


def _posterior_std(
    z_t, x, t, beta
):  # returned the standard deviation where the variance was asked for
    mean, variance = posterior_mean_var(z_t, x, t, beta)
    return mean, float(np.sqrt(variance))


# 18.5: one ancestral step
def _step_plus_sign(
    z_t, g, t, beta, noise
):  # sign error: adds the predicted noise instead of removing it
    beta_t, a_t = beta[t - 1], np.prod(1.0 - beta[:t])
    mean = z_t / np.sqrt(1 - beta_t) + beta_t / (np.sqrt(1 - a_t) * np.sqrt(1 - beta_t)) * g
    return mean if t == 1 else mean + np.sqrt(beta_t) * noise


def _step_per_step_alpha(
    z_t, g, t, beta, noise
):  # α_t vs ᾱ_t: 1 − β_t in place of the cumulative α_t
    beta_t = beta[t - 1]
    a_t = 1 - beta_t
    mean = z_t / np.sqrt(1 - beta_t) - beta_t / (np.sqrt(1 - a_t) * np.sqrt(1 - beta_t)) * g
    return mean if t == 1 else mean + np.sqrt(beta_t) * noise


def _step_no_sqrt(z_t, g, t, beta, noise):  # √(1 − α_t) written as 1 − α_t
    beta_t, a_t = beta[t - 1], np.prod(1.0 - beta[:t])
    mean = z_t / np.sqrt(1 - beta_t) - beta_t / ((1 - a_t) * np.sqrt(1 - beta_t)) * g
    return mean if t == 1 else mean + np.sqrt(beta_t) * noise


def _step_variance_as_std(z_t, g, t, beta, noise):  # wrong variance: σ_t = β_t instead of √β_t
    beta_t, a_t = beta[t - 1], np.prod(1.0 - beta[:t])
    mean = z_t / np.sqrt(1 - beta_t) - beta_t / (np.sqrt(1 - a_t) * np.sqrt(1 - beta_t)) * g
    return mean if t == 1 else mean + beta_t * noise


def _step_noise_at_end(
    z_t, g, t, beta, noise
):  # adds noise at t = 1 too (caught by the t = 1 case)
    beta_t, a_t = beta[t - 1], np.prod(1.0 - beta[:t])
    mean = z_t / np.sqrt(1 - beta_t) - beta_t / (np.sqrt(1 - a_t) * np.sqrt(1 - beta_t)) * g
    return mean + np.sqrt(beta_t) * noise


def _step_scaled_noise(z_t, g, t, beta, noise):  # divides the noise by √(1 − β_t) as well
    beta_t, a_t = beta[t - 1], np.prod(1.0 - beta[:t])
    inner = z_t - beta_t / np.sqrt(1 - a_t) * g
    return (
        inner / np.sqrt(1 - beta_t)
        if t == 1
        else (inner + np.sqrt(beta_t) * noise) / np.sqrt(1 - beta_t)
    )


# 18.4: the simplified loss
def _loss_mean_all(
    g, x, t, alpha, eps
):  # mean over every entry: divides by the dimension 5 as well
    a = alpha[t - 1][:, None]
    z = np.sqrt(a) * x + np.sqrt(1 - a) * eps
    return float(np.mean((g(z, t) - eps) ** 2))


def _loss_sum_all(g, x, t, alpha, eps):  # sum over the batch instead of the mean
    a = alpha[t - 1][:, None]
    z = np.sqrt(a) * x + np.sqrt(1 - a) * eps
    return float(np.sum((g(z, t) - eps) ** 2))


def _loss_target_x(
    g, x, t, alpha, eps
):  # compares the prediction with the data instead of the noise
    a = alpha[t - 1][:, None]
    z = np.sqrt(a) * x + np.sqrt(1 - a) * eps
    return float(np.mean(np.sum((g(z, t) - x) ** 2, axis=1)))


def _loss_no_sqrt(g, x, t, alpha, eps):  # √ᾱ vs ᾱ when forming z
    a = alpha[t - 1][:, None]
    z = a * x + (1 - a) * eps
    return float(np.mean(np.sum((g(z, t) - eps) ** 2, axis=1)))


def _loss_off_by_one(
    g, x, t, alpha, eps
):  # alpha[t] where alpha[t − 1] is α_t (wraps round at t = 7)
    a = alpha[np.asarray(t) % len(alpha)][:, None]
    z = np.sqrt(a) * x + np.sqrt(1 - a) * eps
    return float(np.mean(np.sum((g(z, t) - eps) ** 2, axis=1)))


def _loss_no_square(g, x, t, alpha, eps):  # absolute error instead of the squared error
    a = alpha[t - 1][:, None]
    z = np.sqrt(a) * x + np.sqrt(1 - a) * eps
    return float(np.mean(np.sum(np.abs(g(z, t) - eps), axis=1)))


# 18.6: one DDIM step
def _ddim_no_sqrt(z_t, g, alpha_t, alpha_s):  # √ᾱ vs ᾱ
    x_hat = (z_t - (1 - alpha_t) * g) / alpha_t
    return alpha_s * x_hat + (1 - alpha_s) * g


def _ddim_swapped(z_t, g, alpha_t, alpha_s):  # α_t and α_s swapped
    x_hat = (z_t - np.sqrt(1 - alpha_s) * g) / np.sqrt(alpha_s)
    return np.sqrt(alpha_t) * x_hat + np.sqrt(1 - alpha_t) * g


def _ddim_sign(z_t, g, alpha_t, alpha_s):  # sign error in the estimate of x
    x_hat = (z_t + np.sqrt(1 - alpha_t) * g) / np.sqrt(alpha_t)
    return np.sqrt(alpha_s) * x_hat + np.sqrt(1 - alpha_s) * g


def _ddim_drops_noise(
    z_t, g, alpha_t, alpha_s
):  # returns √α_s x̂ only: forgets to put the noise back
    x_hat = (z_t - np.sqrt(1 - alpha_t) * g) / np.sqrt(alpha_t)
    return np.sqrt(alpha_s) * x_hat


def _ddim_ratio(
    z_t, g, alpha_t, alpha_s
):  # scales z_t by √(α_s/α_t) and stops there (no noise correction)
    return np.sqrt(alpha_s / alpha_t) * z_t


# 18.7: classifier-free guidance
def _guided_interpolate(
    g_cond, g_uncond, w
):  # w as the weight of g_cond in an average: gives g_uncond at w = 0
    return (1 - w) * g_uncond + w * g_cond


def _guided_swapped(
    g_cond, g_uncond, w
):  # the roles of the two predictions swapped (caught at w = 2)
    return (1 + w) * g_uncond - w * g_cond


def _guided_plus(
    g_cond, g_uncond, w
):  # adds the unconditional prediction instead of subtracting it
    return (1 + w) * g_cond + w * g_uncond


def _guided_no_one(
    g_cond, g_uncond, w
):  # w · (g_cond − g_uncond): forgets the conditional term itself
    return w * (g_cond - g_uncond)


MISTAKES = {
    "18.1": [_per_step, _product_of_betas, _one_minus_cumsum, _starts_at_one, _sqrt_product],
    "18.2": [
        _diffuse_per_step,
        _diffuse_no_sqrt,
        _diffuse_off_by_one,
        _diffuse_beta_noise,
        _diffuse_sum_of_sqrt,
    ],
    "18.3": [
        _posterior_per_step_alpha,
        _posterior_no_sqrt,
        _posterior_variance_beta,
        _posterior_swapped,
        _posterior_off_by_one,
        _posterior_std,
    ],
    "18.5": [
        _step_plus_sign,
        _step_per_step_alpha,
        _step_no_sqrt,
        _step_variance_as_std,
        _step_noise_at_end,
        _step_scaled_noise,
    ],
    "18.4": [
        _loss_mean_all,
        _loss_sum_all,
        _loss_target_x,
        _loss_no_sqrt,
        _loss_off_by_one,
        _loss_no_square,
    ],
    "18.6": [_ddim_no_sqrt, _ddim_swapped, _ddim_sign, _ddim_drops_noise, _ddim_ratio],
    "18.7": [_guided_interpolate, _guided_swapped, _guided_plus, _guided_no_one],
}
