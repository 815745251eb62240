"""Chapter 20 (Why does deep learning work?): the epoch at which a network has fitted its data, the number of
parameters of an MLP, the barrier on a line through weight space, the fast gradient sign method and global
magnitude pruning.

Each reference function has the name and the body of the worked notebook's solution."""

import numpy as np
import torch
from torch import nn

from udlcourse.check import Case, Exercise
from udlcourse.solutions import ch20 as solutions


def victim_model():
    """The small fixed classifier (6 inputs, 3 classes) that the checks of Exercise 20.4 attack."""
    generator = torch.Generator().manual_seed(20)
    model = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 3))
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.copy_(torch.randn(parameter.shape, generator=generator))
    return model.eval()


_victim = victim_model()
_g = torch.Generator().manual_seed(2020)
# pixels in [0, 1], some exactly at the ends and some close to them, so that clipping matters
_x = torch.rand(6, 6, generator=_g)
_x[0, :3] = torch.tensor([0.0, 1.0, 0.97])
_x[1, 3:] = torch.tensor([0.02, 1.0, 0.0])
with torch.no_grad():
    _predicted = _victim(_x).argmax(dim=1)
_y = (
    _predicted + torch.tensor([0, 1, 0, 2, 0, 1])
) % 3  # some labels agree with the prediction, some do not

# Weights with distinct magnitudes; the second layer holds most of the large ones (global != per layer), and the
# large negative entries are kept by magnitude but dropped by signed value.
_w1 = torch.tensor(
    [[0.30, -0.05, 0.12], [-0.90, 0.01, 0.44], [0.07, -0.22, 0.16], [0.03, 0.58, -0.11]]
)
_w2 = torch.tensor([[1.50, -2.10, 0.65, -0.09], [0.80, 1.20, -1.75, 0.27]])
_w_square = (
    torch.linspace(-1.0, 1.0, 101)[torch.randperm(101, generator=_g)][:100].reshape(10, 10) + 0.001
)

EXERCISES = [
    Exercise(
        id="20.1",
        title="the first epoch at which the training data are fitted",
        reference=solutions.epochs_to_fit,
        cases=(
            Case(([0.31, 0.62, 0.96, 0.99], 0.95), note="reached at the third epoch"),
            Case(([0.5, 0.95, 0.97], 0.95), note="the accuracy equals the threshold at epoch 2"),
            Case(([0.2, 0.4, 0.5], 0.95), note="never reached: None"),
            Case(
                ([0.96, 0.5, 0.97, 0.98], 0.95), note="reached at epoch 1, lost, and reached again"
            ),
            Case((np.array([0.1, 0.3, 0.92, 0.91, 0.95]), 0.9), note="a numpy array of accuracies"),
        ),
        hint=(
            "Go through the accuracies in order and return the number of the first epoch whose accuracy is at least "
            "(>=) the threshold. Epochs count from 1: train_accuracy[0] belongs to epoch 1. If no epoch reaches "
            "the threshold, return None (np.argmax of an all-False array is 0, which would claim epoch 1)."
        ),
    ),
    Exercise(
        id="20.2",
        title="the number of parameters of a fully connected network",
        reference=solutions.mlp_parameter_count,
        cases=(
            Case(([3, 5, 2],), note="one hidden layer of 5 units: 3·5 + 5 + 5·2 + 2"),
            Case(([40, 256, 256, 10],), note="the random-label network of this notebook"),
            Case(([40, 10],), note="no hidden layer: logistic regression"),
            Case(((7, 4, 4, 4, 1),), note="sizes as a tuple; three hidden layers"),
        ),
        hint=(
            "A layer from n_in to n_out units has an n_out × n_in weight matrix and n_out biases (§4.4). Sum "
            "n_in·n_out + n_out over consecutive pairs of sizes; the input layer has no biases of its own."
        ),
    ),
    Exercise(
        id="20.3",
        title="the barrier on a line through weight space",
        reference=solutions.loss_barrier,
        cases=(
            Case(
                ([0.1, 1.5, 0.8, 0.3],),
                note="a barrier early on the line, the ends at different losses",
            ),
            Case(([3.0, 2.0, 2.5, 1.0],), note="a small bump on a falling line"),
            Case(([2.0, 1.0, 0.5, 0.2],), note="convex and falling: no barrier, the answer is 0"),
            Case((np.array([0.4, 0.9, 1.7, 1.1, 0.6, 0.2]),), note="a numpy array of six losses"),
            Case(([1.0, 1.0],), note="only the two ends"),
        ),
        hint=(
            "t_i = i/(n − 1) runs from 0 to 1 with both ends included (np.linspace(0, 1, n)). At each t_i subtract "
            "the straight line between the end losses, (1 − t_i)·L(0) + t_i·L(1), from the loss, and return the "
            "largest difference. Not max(L) − max(L(0), L(1)): the reference line slopes when the ends differ."
        ),
    ),
    Exercise(
        id="20.4",
        title="the fast gradient sign method",
        reference=solutions.fgsm,
        cases=(
            Case((_victim, _x, _y, 0.1), note="ε = 0.1; pixels at 0 and 1 must stay inside [0, 1]"),
            Case((_victim, _x, _y, 0.5), note="a large budget: many pixels are clipped"),
            Case((_victim, _x[2:3], _y[2:3], 0.05), note="a single input"),
            Case((_victim, _x, _y, 0.0), note="ε = 0: the inputs come back unchanged"),
        ),
        hint=(
            "§20.4.6: x' = clip(x + ε·sign(∂ℓ/∂x), 0, 1) with ℓ the cross-entropy of the true labels y. Make a copy "
            "of x that requires a gradient (x.detach().clone().requires_grad_(True)), compute the loss, get its "
            "gradient with torch.autograd.grad or backward(), step by ε times its SIGN (not the gradient itself), "
            "add (the attack increases the loss), clamp to [0, 1] and return the result detached."
        ),
    ),
    Exercise(
        id="20.5",
        title="global magnitude pruning",
        reference=solutions.magnitude_mask,
        cases=(
            Case(([_w1, _w2], 0.25), note="keep 5 of 20 weights: most of them in the second layer"),
            Case(
                ([_w1, _w2], 0.5), note="keep 10 of 20; large negative weights count by their size"
            ),
            Case(([_w2, _w1], 0.1), note="the layers in the other order, keep 2"),
            Case(([_w_square], 0.29), note="one 10×10 layer, keep round(0.29 · 100) = 29"),
        ),
        hint=(
            "§20.5.1: rank ALL the weights of all the tensors together by absolute value |w| (torch.cat of the "
            "flattened |w|), find the k-th largest with k = round(keep × total) (not int(), which truncates "
            "28.999… to 28), and return, for each tensor, the boolean mask |w| >= that threshold, of the tensor's "
            "shape. One threshold for the whole network, not one per layer; the sign does not matter."
        ),
    ),
]
