"""Chapter 21 (Deep learning and ethics): group selection rates and true positive rates, the three fairness gaps
(demographic parity, equal opportunity, equalised odds), LIME's weighted local linear surrogate and integrated
gradients."""

import numpy as np
import torch
from torch import nn

from udlcourse.check import Case, Exercise
from udlcourse.solutions import ch21 as solutions


def explained_model():
    """The small fixed classifier (5 inputs, 3 classes, smooth tanh units) whose outputs Exercise 21.5 explains."""
    generator = torch.Generator().manual_seed(21)
    model = nn.Sequential(nn.Linear(5, 8), nn.Tanh(), nn.Linear(8, 3))
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.copy_(torch.randn(parameter.shape, generator=generator))
    return model.eval()


# Fairness: groups of different sizes (7 in group 0, 5 in group 1), so that a rate over the whole population differs
# from a rate within a group; the rates differ between the groups, so swapping them shows; precision differs from
# the true positive rate in both groups.
_group = np.array([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
_y_true = np.array([1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0])
_y_pred = np.array([1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0, 0])
_rng = np.random.default_rng(21)
_group_big = (_rng.uniform(size=200) < 0.3).astype(int)
_y_true_big = (_rng.uniform(size=200) < np.where(_group_big == 1, 0.35, 0.6)).astype(int)
_y_pred_big = (_rng.uniform(size=200) < 0.25 + 0.5 * _y_true_big - 0.1 * _group_big).astype(int)
# interleaved groups, group 1 listed first; every rate of group 1 is higher than group 0's
_group_mixed = np.array([1, 0, 1, 0, 1, 0, 0, 0, 1])
_y_true_mixed = np.array([1, 1, 0, 0, 1, 1, 0, 0, 0])
_y_pred_mixed = np.array([1, 0, 1, 0, 1, 1, 0, 0, 1])

# LIME: samples around a center that is far from the origin (so offsets matter for the intercept), outputs of a
# curved function, some samples far away (so the weights matter), and 3 features in one case.
_center2 = np.array([1.5, -0.8])
_samples2 = _center2 + 0.6 * _rng.normal(size=(60, 2))
_outputs2 = np.tanh(2.0 * _samples2[:, 0] - _samples2[:, 1] ** 2)
_center3 = np.array([0.3, 2.0, -1.0])
_samples3 = _center3 + _rng.normal(size=(80, 3)) * np.array([0.5, 1.0, 0.3])
_outputs3 = np.sin(_samples3[:, 0]) + _samples3[:, 1] * _samples3[:, 2]
_samples_linear = _center2 + _rng.normal(size=(30, 2))
_outputs_linear = 0.7 - 2.0 * _samples_linear[:, 0] + 0.5 * _samples_linear[:, 1]

# Integrated gradients: a smooth model, so that the gradient changes along the path and few steps show the rule.
_model = explained_model()
_g = torch.Generator().manual_seed(2121)
_x = torch.randn(4, 5, generator=_g)
_baseline_zero = torch.zeros(4, 5)
_baseline = torch.randn(4, 5, generator=_g) * 0.5
_target = torch.tensor([0, 2, 1, 2])

EXERCISES = [
    Exercise(
        id="21.1",
        title="the selection rate of each group",
        reference=solutions.selection_rates,
        cases=(
            Case((_y_pred, _group), note="7 people in group 0, 5 in group 1"),
            Case((_y_pred_big, _group_big), note="200 people, 30 % in group 1"),
            Case(
                (_y_pred_mixed.astype(bool), _group_mixed),
                note="booleans, groups interleaved, group 1 first",
            ),
            Case(
                (np.ones(6, dtype=int), np.array([0, 1, 0, 1, 1, 1])),
                note="everyone selected: both rates are 1",
            ),
        ),
        hint=(
            "The selection rate of group g is Pr(ŷ = 1 | group g): the number of people of group g with y_pred = 1 "
            "divided by the number of people in group g (not by everyone). Return [rate of group 0, rate of group 1] "
            "as a numpy array of floats, e.g. y_pred[group == g].mean()."
        ),
    ),
    Exercise(
        id="21.2",
        title="the true positive rate of each group",
        reference=solutions.true_positive_rates,
        cases=(
            Case((_y_true, _y_pred, _group), note="7 people in group 0, 5 in group 1"),
            Case((_y_true_big, _y_pred_big, _group_big), note="200 people, 30 % in group 1"),
            Case(
                (_y_true_mixed, _y_pred_mixed.astype(bool), _group_mixed),
                note="booleans, groups interleaved, group 1 first",
            ),
            Case(
                (
                    np.array([1, 1, 0, 1, 0, 0]),
                    np.array([1, 0, 0, 1, 1, 1]),
                    np.array([0, 0, 0, 1, 1, 1]),
                ),
                note="group 1 selects all its negatives: its precision is low, its true positive rate is 1",
            ),
        ),
        hint=(
            "The true positive rate (recall) of group g is Pr(ŷ = 1 | y = 1, group g): among the people of group g "
            "whose y_true is 1, the fraction with y_pred = 1. Its denominator is the positives of the group, not the "
            "whole group, and not the people selected (that would be the precision Pr(y = 1 | ŷ = 1)). "
            "Return [TPR of group 0, TPR of group 1]."
        ),
    ),
    Exercise(
        id="21.3",
        title="the demographic parity, equal opportunity and equalised odds gaps",
        reference=solutions.fairness_gaps,
        cases=(
            Case((_y_true, _y_pred, _group), note="7 people in group 0, 5 in group 1"),
            Case((_y_true_big, _y_pred_big, _group_big), note="200 people, 30 % in group 1"),
            Case(
                (_y_true_mixed, _y_pred_mixed, _group_mixed),
                note="group 1 has the higher rates, and its false positive rate gap is the larger one",
            ),
            Case(
                (
                    np.array([1, 0, 0, 1, 1, 0]),
                    np.array([1, 1, 0, 1, 0, 1]),
                    np.array([0, 0, 0, 1, 1, 1]),
                ),
                note="equal selection rates (parity holds) but different true positive rates",
            ),
        ),
        hint=(
            "Demographic parity gap: |Pr(ŷ=1 | group 0) − Pr(ŷ=1 | group 1)|. Equal opportunity gap: the absolute "
            "difference of the true positive rates Pr(ŷ=1 | y=1, group). Equalised odds gap: the larger of that "
            "and the absolute difference of the false positive rates Pr(ŷ=1 | y=0, group), whose denominator is "
            "the negatives of each group. Return the three gaps as a tuple of floats (all ≥ 0)."
        ),
    ),
    Exercise(
        id="21.4",
        title="LIME's weighted local linear surrogate",
        reference=solutions.local_surrogate,
        cases=(
            Case(
                (_center2, _samples2, _outputs2, 0.5),
                note="2 features, a curved function, center far from 0",
            ),
            Case((_center3, _samples3, _outputs3, 0.8), note="3 features"),
            Case(
                (_center2, _samples2, _outputs2, 0.2),
                note="a narrow kernel: distant samples hardly count",
            ),
            Case(
                (_center2, _samples_linear, _outputs_linear, 1.0),
                note="outputs exactly linear: any weighting recovers slopes −2 and 0.5",
            ),
        ),
        rtol=1e-6,
        atol=1e-8,
        hint=(
            "§21.1.4 (Fig. 21.3): weight each sample by w = exp(−‖sample − center‖² / width²) (squared distance, no "
            "factor 1/2), build the design matrix with a column of ones and the offsets sample − center, multiply "
            "its rows and the outputs by √w and solve least squares (np.linalg.lstsq). Return [intercept, slopes...]; "
            "the intercept is the surrogate's value at the center, not at the origin."
        ),
    ),
    Exercise(
        id="21.5",
        title="integrated gradients with the midpoint rule",
        reference=solutions.integrated_gradients,
        cases=(
            Case((_model, _x, _baseline_zero, _target, 4), note="4 steps from a zero baseline"),
            Case((_model, _x, _baseline, _target, 3), note="a nonzero baseline, 3 steps"),
            Case(
                (_model, _x, _baseline, _target, 64),
                note="64 steps: the attributions nearly sum to f[x] − f[x']",
            ),
            Case(
                (_model, _x[:1], _baseline[:1], _target[:1], 1),
                note="one step: the gradient at the middle of the path",
            ),
        ),
        rtol=1e-4,
        atol=1e-6,
        hint=(
            "IG_d = (x_d − x'_d) · (1/K) Σ_k ∂f[x' + α_k (x − x')]/∂x_d with α_k = (k + ½)/K, k = 0, …, K − 1 (the "
            "midpoint rule, not α = k/K or the gradient at x alone). Differentiate the chosen output target[n] of "
            "each row with respect to the points on the path, average over the K points, and multiply by x − x'. "
            "Return a torch tensor of shape (N, D)."
        ),
    ),
]
