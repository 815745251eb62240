"""Plausible wrong answers to the chapter 20 exercises."""

import numpy as np
import torch
from torch import nn


def _fit_zero_based(
    train_accuracy, threshold
):  # returned the index, not the epoch number (every reached case)
    for index, accuracy in enumerate(train_accuracy):
        if accuracy >= threshold:
            return index
    return None


def _fit_strict(
    train_accuracy, threshold
):  # > instead of >= (the case whose accuracy equals the threshold)
    for epoch, accuracy in enumerate(train_accuracy, start=1):
        if accuracy > threshold:
            return epoch
    return None


def _fit_argmax(
    train_accuracy, threshold
):  # np.argmax without checking: "never reached" becomes epoch 1
    return int(np.argmax(np.asarray(train_accuracy) >= threshold)) + 1


def _fit_stays_above(
    train_accuracy, threshold
):  # the epoch after which it stays fitted (reached, lost, reached)
    accuracy = np.asarray(train_accuracy)
    below = np.flatnonzero(accuracy < threshold)
    if len(below) == len(accuracy):
        return None
    return 1 if len(below) == 0 else int(below[-1]) + 2


def _count_no_biases(sizes):  # forgot the biases (every case)
    return sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))


def _count_biases_everywhere(sizes):  # gave the input layer biases too (every case)
    return sum(a * b for a, b in zip(sizes[:-1], sizes[1:])) + sum(sizes)


def _count_input_biases(sizes):  # biases of the input width instead of the output width ([3, 5, 2])
    return sum(a * b + a for a, b in zip(sizes[:-1], sizes[1:]))


def _barrier_max_end(
    losses,
):  # max(L) − max(L(0), L(1)): ignores the sloping reference line ([0.1, 1.5, 0.8, 0.3])
    losses = np.asarray(losses, dtype=float)
    return float(losses.max() - max(losses[0], losses[-1]))


def _barrier_mean_end(losses):  # max(L) − mean of the ends ([0.1, 1.5, 0.8, 0.3])
    losses = np.asarray(losses, dtype=float)
    return float(losses.max() - 0.5 * (losses[0] + losses[-1]))


def _barrier_t_off_by_one(losses):  # t_i = i/n instead of i/(n − 1): the line never reaches L(1)
    losses = np.asarray(losses, dtype=float)
    t = np.arange(len(losses)) / len(losses)
    return float(np.max(losses - ((1 - t) * losses[0] + t * losses[-1])))


def _barrier_swapped(
    losses,
):  # the reference line runs backwards: t·L(0) + (1 − t)·L(1) (unequal ends)
    losses = np.asarray(losses, dtype=float)
    t = np.linspace(0, 1, len(losses))
    return float(np.max(losses - (t * losses[0] + (1 - t) * losses[-1])))


def _fgsm_raw_gradient(model, x, y, epsilon):  # ε times the gradient, not its sign (ε = 0.1)
    x = x.detach().clone().requires_grad_(True)
    (gradient,) = torch.autograd.grad(nn.functional.cross_entropy(model(x), y), x)
    return (x + epsilon * gradient).clamp(0, 1).detach()


def _fgsm_no_clamp(
    model, x, y, epsilon
):  # forgot to clip to [0, 1] (pixels at 0 and 1 in the first case)
    x = x.detach().clone().requires_grad_(True)
    (gradient,) = torch.autograd.grad(nn.functional.cross_entropy(model(x), y), x)
    return (x + epsilon * gradient.sign()).detach()


def _fgsm_descent(
    model, x, y, epsilon
):  # stepped against the gradient: decreases the loss (every ε > 0)
    x = x.detach().clone().requires_grad_(True)
    (gradient,) = torch.autograd.grad(nn.functional.cross_entropy(model(x), y), x)
    return (x - epsilon * gradient.sign()).clamp(0, 1).detach()


def _fgsm_predicted_labels(
    model, x, y, epsilon
):  # attacked the predicted class, not the true label (rows 1, 3, 5)
    x = x.detach().clone().requires_grad_(True)
    output = model(x)
    (gradient,) = torch.autograd.grad(nn.functional.cross_entropy(output, output.argmax(dim=1)), x)
    return (x + epsilon * gradient.sign()).clamp(0, 1).detach()


def _fgsm_normalised(
    model, x, y, epsilon
):  # ε times the unit-length gradient (an L2 step, not the sign)
    x = x.detach().clone().requires_grad_(True)
    (gradient,) = torch.autograd.grad(nn.functional.cross_entropy(model(x), y), x)
    return (x + epsilon * gradient / gradient.norm()).clamp(0, 1).detach()


def _mask_signed(
    weights, keep
):  # ranked by signed value, dropping large negative weights (keep 10 of 20)
    values = torch.cat([w.flatten() for w in weights])
    k = int(round(keep * values.numel()))
    threshold = torch.sort(values, descending=True).values[k - 1]
    return [w >= threshold for w in weights]


def _mask_per_layer(
    weights, keep
):  # one threshold per layer instead of one for the network (keep 5 of 20)
    masks = []
    for w in weights:
        k = int(round(keep * w.numel()))
        threshold = torch.sort(w.abs().flatten(), descending=True).values[k - 1]
        masks.append(w.abs() >= threshold)
    return masks


def _mask_smallest(weights, keep):  # kept the smallest weights (every case)
    magnitudes = torch.cat([w.abs().flatten() for w in weights])
    k = int(round(keep * magnitudes.numel()))
    threshold = torch.sort(magnitudes).values[k - 1]
    return [w.abs() <= threshold for w in weights]


def _mask_truncated(
    weights, keep
):  # int() instead of round(): 0.29 · 100 = 28.999… keeps 28 (the 10×10 case)
    magnitudes = torch.cat([w.abs().flatten() for w in weights])
    k = int(keep * magnitudes.numel())
    threshold = torch.sort(magnitudes, descending=True).values[k - 1]
    return [w.abs() >= threshold for w in weights]


def _mask_strict(weights, keep):  # > threshold keeps one weight too few (every case)
    magnitudes = torch.cat([w.abs().flatten() for w in weights])
    k = int(round(keep * magnitudes.numel()))
    threshold = torch.sort(magnitudes, descending=True).values[k - 1]
    return [w.abs() > threshold for w in weights]


def _mask_float(weights, keep):  # 0/1 floats instead of booleans (every case)
    magnitudes = torch.cat([w.abs().flatten() for w in weights])
    k = int(round(keep * magnitudes.numel()))
    threshold = torch.sort(magnitudes, descending=True).values[k - 1]
    return [(w.abs() >= threshold).float() for w in weights]


MISTAKES = {
    "20.1": [_fit_zero_based, _fit_strict, _fit_argmax, _fit_stays_above],
    "20.2": [_count_no_biases, _count_biases_everywhere, _count_input_biases],
    "20.3": [_barrier_max_end, _barrier_mean_end, _barrier_t_off_by_one, _barrier_swapped],
    "20.4": [
        _fgsm_raw_gradient,
        _fgsm_no_clamp,
        _fgsm_descent,
        _fgsm_predicted_labels,
        _fgsm_normalised,
    ],
    "20.5": [
        _mask_signed,
        _mask_per_layer,
        _mask_smallest,
        _mask_truncated,
        _mask_strict,
        _mask_float,
    ],
}


# Correct alternatives that the checks must accept.
def _fit_flatnonzero(train_accuracy, threshold):  # vectorised
    reached = np.flatnonzero(np.asarray(train_accuracy) >= threshold)
    return int(reached[0]) + 1 if len(reached) else None


def _count_with_torch(sizes):  # build the network and ask torch
    layers = [nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:])]
    return sum(p.numel() for layer in layers for p in layer.parameters())


def _barrier_loop(losses):  # a plain loop
    n, best = len(losses), -np.inf
    for i, loss in enumerate(losses):
        t = i / (n - 1)
        best = max(best, loss - ((1 - t) * losses[0] + t * losses[-1]))
    return best


def _fgsm_backward_sum(model, x, y, epsilon):  # backward() on a summed loss: the same signs
    x_adv = x.clone().detach()
    x_adv.requires_grad = True
    nn.functional.cross_entropy(model(x_adv), y, reduction="sum").backward()
    return torch.clamp(x_adv + epsilon * torch.sign(x_adv.grad), min=0.0, max=1.0).detach()


def _mask_topk(weights, keep):  # torch.topk and scatter into one flat mask, then split back
    flat = torch.cat([w.abs().flatten() for w in weights])
    k = round(keep * len(flat))
    chosen = torch.zeros(len(flat), dtype=torch.bool)
    chosen[torch.topk(flat, k).indices] = True
    return [
        part.reshape(w.shape)
        for part, w in zip(torch.split(chosen, [w.numel() for w in weights]), weights)
    ]


CORRECT = {
    "20.1": [_fit_flatnonzero],
    "20.2": [_count_with_torch],
    "20.3": [_barrier_loop],
    "20.4": [_fgsm_backward_sum],
    "20.5": [_mask_topk],
}
