"""Chapter 5 (Loss functions): negative log-likelihoods of the normal, Bernoulli and categorical
distributions, computed so that extreme inputs give finite numbers."""

import numpy as np

from udlcourse.check import Case, Exercise
from udlcourse.solutions import ch05 as solutions

_rng = np.random.default_rng(5)
_y = _rng.normal(1.0, 0.5, 8)
_mu = _y + 0.3 * _rng.standard_normal(8)
_sigma2 = _rng.uniform(0.05, 2.0, 8)
_z = 3.0 * _rng.standard_normal(8)
_labels01 = (_rng.uniform(size=8) < 0.5).astype(float)
_logits = 2.0 * _rng.standard_normal((6, 4))
_classes = _rng.integers(0, 4, 6)
_mixed_scales = np.array([[1000.0, 999.0, 0.0], [-1000.0, -999.0, -1001.0], [0.5, -0.5, 2.0]])
# Logits spread by more than ~1420 (the log of float64's largest number is 709.8): shifting by the mean or by
# the first logit instead of the maximum still leaves an exp() that overflows, and the largest is not first.
_wide_spread = np.array(
    [[0.0, 1500.0, -10.0, 3.0], [-1600.0, -20.0, -1500.0, -25.0], [2.0, -1.0, 0.5, 0.0]]
)
_counts = np.array([0.0, 1.0, 3.0, 7.0, 2.0, 12.0])
_count_f = np.log(np.array([0.5, 1.5, 2.5, 6.0, 3.0, 10.0]))

EXERCISES = [
    Exercise(
        id="5.1",
        title="the normal negative log-likelihood",
        reference=solutions.normal_nll,
        cases=(
            Case((_y, _mu, 0.09), note="one variance shared by all points"),
            Case((_y, _mu, _sigma2), note="a different variance for every point"),
            Case(
                (np.array([1.0]), np.array([1.0]), 1.0),
                note="one point at the mean of a standard normal",
            ),
            Case(
                (np.array([0.0, 50.0]), np.array([0.0, 0.0]), 1e-4),
                note="a point 5000 standard deviations away: its density underflows to 0",
            ),
            Case(
                (np.array([2.0, 2.0]), np.array([2.0, 2.1]), 1e-6),
                note="a tiny variance: the NLL can be negative",
            ),
        ),
        hint=(
            "Eq. 5.9: sum over points of −log of the normal density (eq. 5.7). Take the log by hand first: "
            "−log Pr(y|μ,σ²) = ½·log(2πσ²) + (y − μ)²/(2σ²). Computing the density and then its log fails "
            "when the density underflows to 0. The third argument is the variance σ², not σ."
        ),
    ),
    Exercise(
        id="5.2",
        title="the maximum-likelihood variance",
        reference=solutions.fit_variance,
        cases=(
            Case((_y, _mu), note="noisy predictions"),
            Case(
                (_y, _y + 0.5), note="every prediction 0.5 too high: the residuals are not centred"
            ),
            Case(
                (np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0, 3.0])),
                note="a perfect fit: variance 0",
            ),
            Case((np.array([3.0]), np.array([1.0])), note="a single point"),
        ),
        hint=(
            "Set the derivative of eq. 5.13 with respect to σ² to zero: σ̂² = (1/I)·Σ(y_i − μ_i)². Divide by "
            "I (not I − 1), square the residuals y − μ (do not centre them again), return the variance, not σ."
        ),
    ),
    Exercise(
        id="5.3",
        title="binary cross-entropy from logits",
        reference=solutions.binary_cross_entropy,
        cases=(
            Case((_z, _labels01), note="ordinary logits"),
            Case(
                (np.zeros(5), np.array([0.0, 1.0, 1.0, 0.0, 1.0])),
                note="logit 0 means λ = 0.5: 5·log 2",
            ),
            Case(
                (np.array([1000.0, -1000.0, 1000.0, -1000.0]), np.array([1.0, 0.0, 0.0, 1.0])),
                note="logits ±1000: two sure and right (loss 0), two sure and wrong (loss 1000 each)",
            ),
            Case((np.array([-2.5]), np.array([1.0])), note="a single example"),
        ),
        hint=(
            "Eq. 5.20 with λ = sig[z] (eq. 5.18). Simplify per example to log(1 + exp(z)) − y·z, and compute "
            "log(1 + exp(z)) stably as max(z, 0) + log1p(exp(−|z|)) so that z = ±1000 gives no inf or NaN. Sum."
        ),
    ),
    Exercise(
        id="5.4",
        title="a numerically stable softmax",
        reference=solutions.softmax,
        cases=(
            Case((np.array([1.0, 2.0, 3.0]),), note="three logits"),
            Case((_logits,), note="a batch: one softmax per row"),
            Case((np.array([1000.0, 999.0, 0.0]),), note="huge logits: exp(1000) overflows"),
            Case(
                (np.array([-1000.0, -1000.0, -1000.0]),),
                note="very negative logits: exp underflows to 0",
            ),
            Case((_mixed_scales,), note="rows on very different scales"),
            Case(
                (_wide_spread,),
                note="logits spread by 1500, largest not first: shift by each row's maximum",
            ),
        ),
        hint=(
            "Eq. 5.22 along the last axis. Softmax does not change if you subtract the same number from every "
            "logit, so subtract each row's maximum (z.max(axis=-1, keepdims=True)) before exp."
        ),
    ),
    Exercise(
        id="5.5",
        title="log-sum-exp",
        reference=solutions.log_sum_exp,
        cases=(
            Case((np.array([1.0, 2.0, 3.0]),), note="three numbers: a single number comes back"),
            Case((_logits,), note="a batch of 6 rows: 6 numbers come back"),
            Case((np.array([1000.0, 1000.0]),), note="huge values: 1000 + log 2"),
            Case(
                (np.array([-1000.0, -1000.0, -1000.0]),), note="very negative values: −1000 + log 3"
            ),
            Case((_mixed_scales,), note="rows on very different scales"),
            Case(
                (_wide_spread,),
                note="values spread by 1500, largest not first: shift by each row's maximum",
            ),
        ),
        hint=(
            "The log of the denominator of eq. 5.22, row by row (last axis). With m the row's maximum, "
            "log Σ exp(z_k) = m + log Σ exp(z_k − m): the largest term becomes exp(0) = 1, so nothing overflows "
            "and the sum is never 0. The result has one number per row."
        ),
    ),
    Exercise(
        id="5.6",
        title="multiclass cross-entropy",
        reference=solutions.multiclass_cross_entropy,
        cases=(
            Case((_logits, _classes), note="6 examples, 4 classes"),
            Case(
                (np.zeros((3, 5)), np.array([0, 4, 2])),
                note="all logits 0: each example costs log 5",
            ),
            Case(
                (np.array([[1000.0, 0.0, -1000.0], [0.0, 1000.0, 0.0]]), np.array([0, 2])),
                note="logits ±1000: one sure and right (0), one sure and wrong (1000)",
            ),
            Case((np.array([[0.3, -1.2]]), np.array([1])), note="a single example"),
        ),
        hint=(
            "Eq. 5.24: for each example i, log Σ_k exp(f_k) − f_{y_i}, where f_{y_i} is the logit of the true "
            "label (logits[np.arange(I), labels]); sum over examples. Use your stable log-sum-exp."
        ),
    ),
    Exercise(
        id="5.7",
        title="the Poisson negative log-likelihood",
        reference=solutions.poisson_nll,
        cases=(
            Case((_count_f, _counts), note="six counts, rates between 0.5 and 10"),
            Case(
                (np.zeros(4), np.array([0.0, 1.0, 2.0, 3.0])),
                note="rate 1 everywhere: log y! matters from y = 2",
            ),
            Case(
                (np.array([np.log(200.0), np.log(150.0)]), np.array([200.0, 171.0])),
                note="large counts: 171! and 200^200 overflow a float, their logarithms do not",
            ),
            Case((np.array([-3.0]), np.array([0.0])), note="a single zero count"),
        ),
        hint=(
            "Eq. 5.36 with λ = exp(f): −log Pr(y) = λ − y·f + log(y!), summed over the examples. Work with the log "
            "directly (log λ = f); compute log(y!) with scipy.special.gammaln(y + 1) or math.lgamma(y + 1), never "
            "as log(factorial(y)), which overflows from y = 171."
        ),
    ),
]
