"""Chapter 15 (Generative adversarial networks): the discriminator's loss, the Jensen–Shannon divergence on a
grid, the Wasserstein distance as a linear program and by sorting, and the WGAN gradient penalty."""

import numpy as np
import torch
from torch import nn

from udlcourse.check import Case, Exercise, compare_values
from udlcourse.solutions import ch15 as solutions


def _trainable_penalty(expected, got):
    """The penalty's value must match, and the critic must be trainable through it."""
    if not isinstance(got, torch.Tensor):
        return f"expected a torch tensor (a scalar the critic can be trained through), got {type(got).__name__}"
    problem = compare_values(expected.detach(), got.detach(), 1e-5, 1e-6)
    if problem:
        return problem
    if expected.requires_grad and not got.requires_grad:
        return (
            "the value is right, but the critic cannot be trained through it: the result has no gradient. "
            "Compute the input gradient with torch.autograd.grad(..., create_graph=True) so that the penalty "
            "itself can be differentiated with respect to the critic's parameters."
        )
    return None


_rng = np.random.default_rng(15)
_grid = np.linspace(-5.0, 9.0, 701)
_dx = float(_grid[1] - _grid[0])


def _normal(mean, std):
    return np.exp(-0.5 * ((_grid - mean) / std) ** 2) / (std * np.sqrt(2 * np.pi))


_uniform_a = np.where((_grid >= 0.0) & (_grid < 1.0), 1.0, 0.0)
_uniform_b = np.where((_grid >= 0.5) & (_grid < 1.5), 1.0, 0.0)
_uniform_far = np.where((_grid >= 4.0) & (_grid < 5.0), 1.0, 0.0)


def _critic(seed):
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 1))


_real3 = torch.tensor(_rng.normal(size=(6, 3)), dtype=torch.float32)
_fake3 = torch.tensor(_rng.normal(2.0, 0.5, size=(6, 3)), dtype=torch.float32)
_alpha6 = torch.tensor(_rng.uniform(size=(6, 1)), dtype=torch.float32)

EXERCISES = [
    Exercise(
        id="15.1",
        title="the discriminator's loss",
        reference=solutions.discriminator_loss,
        cases=(
            Case(
                (_rng.normal(1.0, 2.0, 5), _rng.normal(-1.0, 2.0, 8)),
                note="five real and eight generated samples (I ≠ J)",
            ),
            Case((np.array([3.0, -1.0, 0.5]), np.array([-2.0, 0.0, 4.0])), note="three of each"),
            Case(
                (np.array([800.0, -800.0]), np.array([-800.0, 900.0, 0.0])),
                note="logits of ±800: sig[f] is exactly 0 or 1 in floating point",
            ),
            Case(
                (np.zeros(4), np.zeros(6)), note="a discriminator that says 0.5 everywhere: log 4"
            ),
        ),
        hint=(
            "Eq. 15.6: the mean over real samples of −log sig[f] (label 1) plus the mean over generated samples of "
            "−log(1 − sig[f]) (label 0): two separate means, since I and J can differ. Compute "
            "−log sig[f] = log(1 + e^(−f)) and −log(1 − sig[f]) = log(1 + e^f) with np.logaddexp(0, ·), which never "
            "takes the log of 0."
        ),
    ),
    Exercise(
        id="15.2",
        title="the Jensen–Shannon divergence on a grid",
        reference=solutions.js_divergence,
        cases=(
            Case(
                (_normal(0.0, 1.0), _normal(1.5, 0.7), _dx),
                note="two normals of different means and widths",
            ),
            Case(
                (_uniform_a, _uniform_b, _dx),
                note="two uniforms that half overlap; both are zero in most places",
            ),
            Case(
                (_uniform_a, _uniform_far, _dx),
                note="two uniforms that do not overlap at all: the divergence is log 2",
            ),
            Case((_normal(1.0, 0.5), _normal(1.0, 0.5), _dx), note="equal densities: 0"),
        ),
        hint=(
            "Eq. 15.9 with m = (p + q)/2: D_JS = ½·Σ p·log(p/m)·dx + ½·Σ q·log(q/m)·dx, natural logs. It is "
            "symmetric in p and q (a KL divergence from p to q is not). Where p = 0 its term is 0 (0 log 0 = 0): "
            "use np.where(p > 0, ..., 0.0), otherwise 0·log 0 gives nan."
        ),
        rtol=1e-6,
        atol=1e-9,
    ),
    Exercise(
        id="15.3",
        title="the Wasserstein distance as a linear program",
        reference=solutions.wasserstein_lp,
        cases=(
            Case(
                (np.array([0.5, 0.5, 0.0, 0.0]), np.array([0.0, 0.0, 0.5, 0.5])),
                note="shift everything by 2: 2",
            ),
            Case(
                (np.array([0.0, 1.0, 0.0]), np.array([0.5, 0.0, 0.5])),
                note="one bin split to both sides: equal means, distance 1",
            ),
            Case(
                (_rng.dirichlet(np.ones(6)), _rng.dirichlet(np.ones(6))),
                note="two random distributions over 6 bins",
            ),
            Case(
                (np.array([0.1, 0.2, 0.3, 0.4]), np.array([0.1, 0.2, 0.3, 0.4])),
                note="equal distributions: 0",
            ),
        ),
        hint=(
            "Eqs. 15.10–15.11: minimise Σ P_ij·|i − j| over the K² numbers P_ij ≥ 0 with two sets of equality "
            "constraints, Σ_j P_ij = p_i (rows) AND Σ_i P_ij = q_j (columns). Flatten P row by row (P_ij is entry "
            "i·K + j); np.kron(np.eye(K), np.ones(K)) gives the row sums, np.kron(np.ones(K), np.eye(K)) the column "
            "sums. The cost is |i − j|, not (i − j)² or i − j. Return result.fun."
        ),
        rtol=1e-6,
        atol=1e-8,
    ),
    Exercise(
        id="15.4",
        title="the 1D Wasserstein distance by sorting",
        reference=solutions.wasserstein_sorted,
        cases=(
            Case(
                (np.array([3.0, 1.0, 2.0]), np.array([0.0, 5.0, 1.0])),
                note="unsorted samples: sort both",
            ),
            Case(
                (_rng.normal(0.0, 1.0, 50), _rng.normal(1.0, 2.0, 50)),
                note="fifty draws from two normals",
            ),
            Case(
                (np.array([0.0, 0.0, 4.0, 4.0]), np.array([1.0, 1.0, 1.0, 1.0])),
                note="differences of 1 and 3: not the same as their squares",
            ),
            Case((np.array([2.5]), np.array([-1.0])), note="one sample each"),
        ),
        hint=(
            "In 1D the optimal plan matches the n-th smallest sample of a with the n-th smallest of b: "
            "mean |sort(a) − sort(b)| (absolute differences, averaged, not summed or squared). Sort both samples "
            "with np.sort (a.sort() would change the caller's arrays in place)."
        ),
    ),
    Exercise(
        id="15.5",
        title="the WGAN gradient penalty",
        reference=solutions.gradient_penalty,
        cases=(
            Case(
                (_critic(0), _real3, _fake3, _alpha6), note="six samples in 3D, a small tanh critic"
            ),
            Case(
                (_critic(1), _real3[:4], _fake3[:4], torch.full((4, 1), 0.25)),
                note="alpha = 0.25 for every sample: mostly the generated point",
            ),
            Case(
                (_critic(2), _real3, _fake3, torch.ones(6, 1)),
                note="alpha = 1: the real samples themselves",
            ),
            Case(
                (lambda x: 3.0 * x[:, :1] - x[:, 1:2], _real3, _fake3, _alpha6),
                note="a linear critic of slope √10 everywhere: (√10 − 1)² for each sample",
            ),
        ),
        hint=(
            "x̂ = alpha·real + (1 − alpha)·fake (alpha multiplies the REAL samples); make it a leaf that requires "
            "grad, take g = torch.autograd.grad(critic(x̂).sum(), x̂, create_graph=True)[0], then one norm per "
            "sample, g.norm(dim=1) (not the norm of the whole batch, not squared), and the mean of (norm − 1)²."
        ),
        compare=_trainable_penalty,
    ),
]
