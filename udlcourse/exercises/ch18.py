"""Chapter 18 (Diffusion models): the noise schedule's α_t, the diffusion kernel, the conditional diffusion
distribution q(z_{t-1}|z_t, x), the simplified loss, one ancestral sampling step and one DDIM step.

The book's α_t is the *cumulative* product ∏_{s≤t}(1 − β_s) (what Ho et al. 2020 call ᾱ_t). Time steps are
1-based as in the book: ``beta[t - 1]`` is β_t and α_0 = 1.
"""

import numpy as np

from udlcourse.check import Case, Exercise
from udlcourse.solutions import ch18 as solutions

_rng = np.random.default_rng(18)
_beta_linear = np.linspace(1e-4, 0.02, 1000)  # Ho et al. (2020)
_beta_short = np.array(
    [0.1, 0.2, 0.3, 0.4, 0.5]
)  # large, unequal steps: α_t differs from 1 − β_t at once
_beta_uneven = np.array([0.05, 0.4, 0.02, 0.3, 0.6, 0.1, 0.25])
_x3 = _rng.normal(size=3)
_eps3 = _rng.normal(size=3)
_x5 = _rng.normal(size=(4, 5))  # a batch of 4 examples with 5 dimensions each
_eps5 = _rng.normal(size=(4, 5))
_alpha_uneven = solutions.alpha_schedule(_beta_uneven)


def _linear_model(z, t):  # a stand-in for a trained noise predictor: it depends on z and on t
    return 0.5 * z + 0.1 * np.asarray(t)[:, None]


def _zero_model(z, t):
    return np.zeros_like(z)


EXERCISES = [
    Exercise(
        id="18.1",
        title="the noise schedule's α_t",
        reference=solutions.alpha_schedule,
        cases=(
            Case((_beta_short,), note="five large steps, β = 0.1 … 0.5"),
            Case((_beta_uneven,), note="uneven steps"),
            Case(
                (_beta_linear,),
                note="the linear schedule of Ho et al.: 1000 steps from 1e-4 to 0.02",
            ),
            Case((np.array([0.3]),), note="a single step: α_1 = 1 − β_1"),
        ),
        hint=(
            "§18.2.1: α_t = ∏_{s=1}^{t} (1 − β_s), the product of ALL the factors (1 − β_s) up to and including "
            "step t (np.cumprod), not the single factor 1 − β_t and not a product of the β's. The first entry is "
            "α_1 = 1 − β_1 and the values fall towards 0."
        ),
    ),
    Exercise(
        id="18.2",
        title="the diffusion kernel: sampling z_t straight from x",
        reference=solutions.diffuse,
        cases=(
            Case((_x3, 3, _beta_short, _eps3), note="t = 3 of five large steps"),
            Case((_x3, 1, _beta_short, _eps3), note="t = 1: a single forward step (eq. 18.1)"),
            Case((_x5, 7, _beta_uneven, _eps5), note="a batch, the last of seven uneven steps"),
            Case((_x3, 500, _beta_linear, _eps3), note="halfway through the linear schedule"),
        ),
        hint=(
            "Eq. 18.7: z_t = √α_t · x + √(1 − α_t) · ε, where α_t = ∏_{s=1}^{t}(1 − β_s) is the cumulative product "
            "over the first t steps (beta[:t], since t counts from 1), not 1 − β_t. Both coefficients are square "
            "roots, and their squares add up to one."
        ),
    ),
    Exercise(
        id="18.3",
        title="the mean and variance of q(z_{t−1} | z_t, x)",
        reference=solutions.posterior_mean_var,
        cases=(
            Case((_x3 + 0.5, _x3, 3, _beta_short), note="t = 3 of five large steps"),
            Case((_x5, _eps5, 6, _beta_uneven), note="a batch at t = 6 of seven uneven steps"),
            Case((_x3 + 0.5, _x3, 2, _beta_short), note="t = 2: α_{t−1} = α_1 = 1 − β_1"),
            Case(
                (_x3 + 0.5, _x3, 1, _beta_short),
                note="t = 1: α_0 = 1, so the mean is x and the variance 0",
            ),
        ),
        hint=(
            "Eq. 18.15: mean = (1 − α_{t−1})/(1 − α_t) · √(1 − β_t) · z_t + √α_{t−1} · β_t/(1 − α_t) · x and "
            "variance = β_t (1 − α_{t−1})/(1 − α_t), where α_t = ∏_{s≤t}(1 − β_s) (cumulative) and α_0 = 1. Return "
            "the pair (mean, variance), the variance as one number."
        ),
    ),
    Exercise(
        id="18.4",
        title="the simplified loss (Algorithm 18.1)",
        reference=solutions.simplified_loss,
        cases=(
            Case(
                (_linear_model, _x5, np.array([1, 3, 5, 7]), _alpha_uneven, _eps5),
                note="a batch of 4 examples in 5 dimensions, each at its own t",
            ),
            Case(
                (_linear_model, _x5, np.array([7, 7, 2, 1]), _alpha_uneven, _eps5),
                note="other time steps",
            ),
            Case(
                (_zero_model, _x5, np.array([2, 4, 6, 1]), _alpha_uneven, _eps5),
                note="a model that predicts no noise: the loss is the mean of ‖ε_i‖²",
            ),
        ),
        hint=(
            "Eq. 18.40 and Algorithm 18.1: build each noisy input z_i = √α_{t_i} x_i + √(1 − α_{t_i}) ε_i "
            "(alpha[t − 1] is α_t), ask the model g(z, t) for the noise and compare it with the noise ε_i that was "
            "added (not with x_i): sum the squared errors over each example's dimensions, then average over the "
            "batch. Return one number."
        ),
    ),
    Exercise(
        id="18.5",
        title="one step of ancestral sampling (Algorithm 18.2)",
        reference=solutions.ancestral_step,
        cases=(
            Case((_x3, _eps3, 4, _beta_short, _x3[::-1].copy()), note="t = 4 of five large steps"),
            Case(
                (_x5, _eps5, 5, _beta_uneven, _x5[::-1].copy()),
                note="a batch at t = 5 of seven uneven steps",
            ),
            Case(
                (_x3, _eps3, 1, _beta_short, _x3[::-1].copy()),
                note="t = 1: the last step adds no noise",
            ),
            Case(
                (_x3, _eps3, 900, _beta_linear, _x3[::-1].copy()),
                note="t = 900 of the linear schedule",
            ),
        ),
        hint=(
            "Algorithm 18.2: first the mean of eq. 18.35, ẑ = z_t/√(1 − β_t) − β_t/(√(1 − α_t)·√(1 − β_t)) · g, "
            "with the cumulative α_t = ∏_{s≤t}(1 − β_s); note the minus sign and the square roots. Then "
            "z_{t−1} = ẑ + σ_t · noise with σ_t = √β_t (a standard deviation, not the variance β_t), except at "
            "t = 1, where the result is ẑ alone."
        ),
    ),
    Exercise(
        id="18.6",
        title="one deterministic DDIM step",
        reference=solutions.ddim_step,
        cases=(
            Case((_x3, _eps3, 0.3, 0.7), note="from α_t = 0.3 to α_s = 0.7"),
            Case((_x5, _eps5, 0.05, 0.5), note="a batch, a big jump"),
            Case((_x3, _eps3, 0.9, 0.999), note="close to the data"),
            Case(
                (_x3, _eps3, 0.4, 1.0), note="α_s = 1: the step lands on the estimate of x itself"
            ),
        ),
        hint=(
            "§18.6.2: estimate the clean data first, x̂ = (z_t − √(1 − α_t) · g)/√α_t (eq. 18.31 with the predicted "
            "noise g in place of ε), then put it back at the earlier time s with the SAME noise g and no fresh "
            "noise: z_s = √α_s · x̂ + √(1 − α_s) · g. Square roots of α everywhere."
        ),
    ),
    Exercise(
        id="18.7",
        title="classifier-free guidance: the guided noise estimate",
        reference=solutions.guided_noise,
        cases=(
            Case((_x3, _eps3, 2.0), note="w = 2"),
            Case((_x5, _eps5, 0.0), note="w = 0: the conditional prediction alone"),
            Case((_x3, _eps3, 0.5), note="w = 0.5"),
            Case((_x5, _eps5, 4.0), note="w = 4, a batch"),
        ),
        hint=(
            "§18.6.3: extrapolate from the unconditional prediction through the conditional one: "
            "(1 + w) · g_cond − w · g_uncond. At w = 0 the result is g_cond itself (the plain conditional model), "
            "not g_uncond, and the weights (1 + w) and −w add up to one."
        ),
    ),
]
