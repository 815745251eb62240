"""Plausible wrong answers to the chapter 21 exercises, and correct alternatives every check must accept."""

import numpy as np
import torch
from sklearn.linear_model import LinearRegression
from sklearn.metrics import recall_score

from udlcourse.solutions.ch21 import selection_rates, true_positive_rates


# 21.1 selection rates
def _selection_over_everyone(
    y_pred, group
):  # denominator: the whole population, not the group (every case)
    y_pred, group = np.asarray(y_pred), np.asarray(group)
    return np.array([y_pred[group == g].sum() / len(y_pred) for g in (0, 1)], dtype=float)


def _selection_swapped(
    y_pred, group
):  # groups in the wrong order (the 7/5 case, whose rates differ)
    return selection_rates(y_pred, group)[::-1]


def _selection_counts(y_pred, group):  # counts of selected people instead of rates (the 7/5 case)
    y_pred, group = np.asarray(y_pred), np.asarray(group)
    return np.array([y_pred[group == g].sum() for g in (0, 1)], dtype=float)


def _selection_of_first_people(
    y_pred, group
):  # the group's first len(group == g) people, not its members
    y_pred, group = np.asarray(y_pred), np.asarray(group)  # (the interleaved case)
    n0 = int((group == 0).sum())
    return np.array([y_pred[:n0].mean(), y_pred[n0:].mean()], dtype=float)


# 21.2 true positive rates
def _precision(
    y_true, y_pred, group
):  # Pr(y=1 | ŷ=1): precision, not the TPR (the case where group 1 selects
    y_true, y_pred, group = (
        np.asarray(y_true),
        np.asarray(y_pred),
        np.asarray(group),
    )  # all its negatives)
    return np.array([y_true[(group == g) & (y_pred == 1)].mean() for g in (0, 1)], dtype=float)


def _tpr_over_group(
    y_true, y_pred, group
):  # true positives divided by the group's size (the 7/5 case)
    y_true, y_pred, group = np.asarray(y_true), np.asarray(y_pred), np.asarray(group)
    return np.array(
        [((y_pred == 1) & (y_true == 1))[group == g].mean() for g in (0, 1)], dtype=float
    )


def _false_positive_rates(y_true, y_pred, group):  # the rate among the negatives (every case)
    y_true, y_pred, group = np.asarray(y_true), np.asarray(y_pred), np.asarray(group)
    return np.array([y_pred[(group == g) & (y_true == 0)].mean() for g in (0, 1)], dtype=float)


def _group_accuracy(y_true, y_pred, group):  # accuracy within each group (the 7/5 case)
    y_true, y_pred, group = np.asarray(y_true), np.asarray(y_pred), np.asarray(group)
    return np.array([(y_pred == y_true)[group == g].mean() for g in (0, 1)], dtype=float)


def _tpr_swapped(y_true, y_pred, group):  # groups in the wrong order (the 7/5 case)
    return true_positive_rates(y_true, y_pred, group)[::-1]


def _tpr_with_recall_score(y_true, y_pred, group):  # correct: scikit-learn's recall, group by group
    y_true, y_pred, group = np.asarray(y_true), np.asarray(y_pred), np.asarray(group)
    return np.array([recall_score(y_true[group == g], y_pred[group == g]) for g in (0, 1)])


# 21.3 fairness gaps
def _gaps(y_true, y_pred, group, fpr_rates=None, combine=max, signed=False):
    y_true, y_pred, group = np.asarray(y_true), np.asarray(y_pred), np.asarray(group)
    selected = selection_rates(y_pred, group)
    tpr = true_positive_rates(y_true, y_pred, group)
    fpr = (fpr_rates or (lambda: true_positive_rates((y_true == 0).astype(int), y_pred, group)))()
    difference = (lambda a: a[0] - a[1]) if signed else (lambda a: abs(a[0] - a[1]))
    return (
        float(difference(selected)),
        float(difference(tpr)),
        float(combine(difference(tpr), difference(fpr))),
    )


def _signed_gaps(
    y_true, y_pred, group
):  # differences without abs: negative when group 1 is ahead (mixed case)
    return _gaps(y_true, y_pred, group, signed=True)


def _odds_tpr_only(
    y_true, y_pred, group
):  # equalised odds gap = the TPR gap alone (the 7/5 case: FPR gap larger)
    parity, opportunity, _ = _gaps(y_true, y_pred, group)
    return parity, opportunity, opportunity


def _odds_mean(
    y_true, y_pred, group
):  # the mean of the TPR and FPR gaps, not the larger one (the 7/5 case)
    return _gaps(y_true, y_pred, group, combine=lambda a, b: (a + b) / 2)


def _odds_sum(y_true, y_pred, group):  # the sum of the TPR and FPR gaps (the 7/5 case)
    return _gaps(y_true, y_pred, group, combine=lambda a, b: a + b)


def _fpr_over_group(
    y_true, y_pred, group
):  # false positives divided by the group's size (the 7/5 case)
    y_true, y_pred, group = np.asarray(y_true), np.asarray(y_pred), np.asarray(group)

    def rates():
        return np.array([((y_pred == 1) & (y_true == 0))[group == g].mean() for g in (0, 1)])

    return _gaps(y_true, y_pred, group, fpr_rates=rates)


def _odds_with_precision(
    y_true, y_pred, group
):  # compared precisions for equal opportunity (the 7/5 case)
    y_true, y_pred, group = np.asarray(y_true), np.asarray(y_pred), np.asarray(group)
    precision = np.array([y_true[(group == g) & (y_pred == 1)].mean() for g in (0, 1)])
    parity, _, odds = _gaps(y_true, y_pred, group)
    return parity, float(abs(precision[0] - precision[1])), odds


def _gaps_loops(y_true, y_pred, group):  # correct: plain loops over the people
    counts = {
        (g, t): [0, 0] for g in (0, 1) for t in (0, 1)
    }  # (selected, total) per group and outcome
    for yt, yp, g in zip(y_true, y_pred, group):
        counts[int(g), int(yt)][0] += int(yp)
        counts[int(g), int(yt)][1] += 1
    sel = [
        (counts[g, 0][0] + counts[g, 1][0]) / (counts[g, 0][1] + counts[g, 1][1]) for g in (0, 1)
    ]
    tpr = [counts[g, 1][0] / counts[g, 1][1] for g in (0, 1)]
    fpr = [counts[g, 0][0] / counts[g, 0][1] for g in (0, 1)]
    return (
        abs(sel[0] - sel[1]),
        abs(tpr[0] - tpr[1]),
        max(abs(tpr[0] - tpr[1]), abs(fpr[0] - fpr[1])),
    )


# 21.4 local surrogate
def _surrogate(
    center, samples, outputs, width, weight=lambda d2, w: np.exp(-d2 / w**2), centred=True
):
    offsets = np.asarray(samples, dtype=float) - (
        np.asarray(center, dtype=float) if centred else 0.0
    )
    weights = weight(np.sum((np.asarray(samples) - np.asarray(center)) ** 2, axis=1), width)
    design = np.column_stack([np.ones(len(offsets)), offsets])
    root = np.sqrt(weights)
    return np.linalg.lstsq(
        design * root[:, None], np.asarray(outputs, dtype=float) * root, rcond=None
    )[0]


def _unweighted(
    center, samples, outputs, width
):  # ordinary least squares, every sample counts the same
    return _surrogate(
        center, samples, outputs, width, weight=lambda d2, w: np.ones_like(d2)
    )  # (curved cases)


def _distance_not_squared(center, samples, outputs, width):  # exp(-‖z − c‖ / width) (curved cases)
    return _surrogate(
        center, samples, outputs, width, weight=lambda d2, w: np.exp(-np.sqrt(d2) / w)
    )


def _half_in_exponent(
    center, samples, outputs, width
):  # exp(-d² / (2 width²)): not the text's kernel
    return _surrogate(
        center, samples, outputs, width, weight=lambda d2, w: np.exp(-d2 / (2 * w**2))
    )


def _weights_not_rooted(
    center, samples, outputs, width
):  # rows multiplied by w, not √w: weights w² (curved)
    return _surrogate(center, samples, outputs, width, weight=lambda d2, w: np.exp(-d2 / w**2) ** 2)


def _not_centred(
    center, samples, outputs, width
):  # features z, not z − c: the intercept is the value at 0
    return _surrogate(
        center, samples, outputs, width, centred=False
    )  # (every case: the center is far from 0)


def _no_intercept(
    center, samples, outputs, width
):  # no column of ones: slopes alone, and one number too few
    offsets = np.asarray(samples, dtype=float) - np.asarray(center, dtype=float)
    root = np.sqrt(np.exp(-np.sum(offsets**2, axis=1) / width**2))
    return np.linalg.lstsq(offsets * root[:, None], np.asarray(outputs) * root, rcond=None)[0]


def _normal_equations(center, samples, outputs, width):  # correct: (XᵀWX)⁻¹ XᵀWy
    offsets = np.asarray(samples, dtype=float) - np.asarray(center, dtype=float)
    w = np.exp(-np.sum(offsets**2, axis=1) / width**2)
    design = np.column_stack([np.ones(len(offsets)), offsets])
    return np.linalg.solve(design.T @ (w[:, None] * design), design.T @ (w * outputs))


def _sklearn_weighted(center, samples, outputs, width):  # correct: scikit-learn with sample_weight
    offsets = np.asarray(samples, dtype=float) - np.asarray(center, dtype=float)
    w = np.exp(-np.sum(offsets**2, axis=1) / width**2)
    fit = LinearRegression().fit(offsets, outputs, sample_weight=w)
    return np.concatenate([[fit.intercept_], fit.coef_])


# 21.5 integrated gradients
def _path_gradients(model, x, baseline, target, alphas):
    grads = []
    for alpha in alphas:
        point = (baseline + alpha * (x - baseline)).detach().requires_grad_(True)
        chosen = model(point).gather(1, target[:, None]).sum()
        grads.append(torch.autograd.grad(chosen, point)[0])
    return torch.stack(grads)


def _ig_no_difference(
    model, x, baseline, target, steps
):  # forgot the factor (x − baseline): the mean gradient
    alphas = (torch.arange(steps, dtype=x.dtype) + 0.5) / steps  # (every case)
    return _path_gradients(model, x, baseline, target, alphas).mean(dim=0)


def _ig_times_x(
    model, x, baseline, target, steps
):  # multiplied by x, not x − baseline (the nonzero baselines)
    alphas = (torch.arange(steps, dtype=x.dtype) + 0.5) / steps
    return x * _path_gradients(model, x, baseline, target, alphas).mean(dim=0)


def _ig_endpoint(
    model, x, baseline, target, steps
):  # gradient × input: the gradient at x only (every case)
    return (x - baseline) * _path_gradients(model, x, baseline, target, [1.0])[0]


def _ig_left_riemann(
    model, x, baseline, target, steps
):  # alpha = k/K: starts at the baseline (4- and 3-step cases)
    alphas = torch.arange(steps, dtype=x.dtype) / steps
    return (x - baseline) * _path_gradients(model, x, baseline, target, alphas).mean(dim=0)


def _ig_sum_not_mean(
    model, x, baseline, target, steps
):  # summed the K gradients without dividing by K
    alphas = (
        torch.arange(steps, dtype=x.dtype) + 0.5
    ) / steps  # (every case with more than one step)
    return (x - baseline) * _path_gradients(model, x, baseline, target, alphas).sum(dim=0)


def _ig_all_outputs(
    model, x, baseline, target, steps
):  # gradient of the sum of all outputs, not the target's
    alphas = (torch.arange(steps, dtype=x.dtype) + 0.5) / steps  # (every case)
    grads = []
    for alpha in alphas:
        point = (baseline + alpha * (x - baseline)).detach().requires_grad_(True)
        grads.append(torch.autograd.grad(model(point).sum(), point)[0])
    return (x - baseline) * torch.stack(grads).mean(dim=0)


def _ig_loops(model, x, baseline, target, steps):  # correct: one step of the path at a time
    alphas = [(k + 0.5) / steps for k in range(steps)]
    return (x - baseline) * _path_gradients(model, x, baseline, target, alphas).mean(dim=0)


MISTAKES = {
    "21.1": [
        _selection_over_everyone,
        _selection_swapped,
        _selection_counts,
        _selection_of_first_people,
    ],
    "21.2": [_precision, _tpr_over_group, _false_positive_rates, _group_accuracy, _tpr_swapped],
    "21.3": [
        _signed_gaps,
        _odds_tpr_only,
        _odds_mean,
        _odds_sum,
        _fpr_over_group,
        _odds_with_precision,
    ],
    "21.4": [
        _unweighted,
        _distance_not_squared,
        _half_in_exponent,
        _weights_not_rooted,
        _not_centred,
        _no_intercept,
    ],
    "21.5": [
        _ig_no_difference,
        _ig_times_x,
        _ig_endpoint,
        _ig_left_riemann,
        _ig_sum_not_mean,
        _ig_all_outputs,
    ],
}

CORRECT = {
    "21.2": [_tpr_with_recall_score],
    "21.3": [_gaps_loops],
    "21.4": [_normal_equations, _sklearn_weighted],
    "21.5": [_ig_loops],
}
