"""Plausible wrong answers to the chapter 15 exercises, each with the input that catches it.

``CORRECT`` lists correct alternatives (library calls, loops, float32, other orders of operations) that the
checks must accept.
"""

import numpy as np
import torch
from scipy.optimize import linprog
from scipy.spatial.distance import jensenshannon
from scipy.special import expit
from scipy.stats import wasserstein_distance


# ---- 15.1 helpers -------------------------------------------------------------------------------------------
def _naive_bce(real_logits, fake_logits):
    with np.errstate(all="ignore"):
        return float(-np.mean(np.log(expit(real_logits))) - np.mean(np.log(1 - expit(fake_logits))))


def _pooled_mean(real_logits, fake_logits):
    terms = np.concatenate([np.logaddexp(0.0, -real_logits), np.logaddexp(0.0, fake_logits)])
    return float(np.mean(terms))


# ---- 15.2 helpers -------------------------------------------------------------------------------------------
def _js_nan(p, q, dx):
    with np.errstate(all="ignore"):
        m = (p + q) / 2
        return float(0.5 * np.sum(p * np.log(p / m)) * dx + 0.5 * np.sum(q * np.log(q / m)) * dx)


def _kl_terms(p, q):
    with np.errstate(all="ignore"):
        return np.where(p > 0, p * np.log(p / q), 0.0)


def _js_terms(p, q, dx, log=np.log, half=0.5):
    m = (p + q) / 2
    with np.errstate(all="ignore"):
        tp = np.where(p > 0, p * log(p / m), 0.0)
        tq = np.where(q > 0, q * log(q / m), 0.0)
    return float(half * np.sum(tp) * dx + half * np.sum(tq) * dx)


# ---- 15.3 helpers -------------------------------------------------------------------------------------------
def _lp(p, q, cost_of, rows=True, cols=True):
    k = len(p)
    i, j = np.arange(k)[:, None], np.arange(k)[None, :]
    blocks, rhs = [], []
    if rows:
        blocks.append(np.kron(np.eye(k), np.ones(k)))
        rhs.append(p)
    if cols:
        blocks.append(np.kron(np.ones(k), np.eye(k)))
        rhs.append(q)
    return float(
        linprog(cost_of(i, j).ravel(), A_eq=np.vstack(blocks), b_eq=np.concatenate(rhs)).fun
    )


# ---- 15.4 helpers -------------------------------------------------------------------------------------------
def _sort_in_place(a, b):
    a.sort()
    b.sort()
    return float(np.mean(np.abs(a - b)))


# ---- 15.5 helpers -------------------------------------------------------------------------------------------
def _penalty(
    critic,
    real,
    fake,
    alpha,
    swap=False,
    whole_batch=False,
    squared_norm=False,
    graph=True,
    reduce="mean",
    minus_one=True,
):
    mixed = (alpha * fake + (1 - alpha) * real) if swap else (alpha * real + (1 - alpha) * fake)
    mixed = mixed.detach().requires_grad_(True)
    (grads,) = torch.autograd.grad(critic(mixed).sum(), mixed, create_graph=graph)
    if whole_batch:
        return (grads.norm() - 1) ** 2
    size = (grads**2).sum(dim=1) if squared_norm else grads.norm(dim=1)
    terms = (size - 1) ** 2 if minus_one else size**2
    return terms.sum() if reduce == "sum" else terms.mean()


def _penalty_real_only(critic, real, fake, alpha):
    mixed = real.clone().requires_grad_(True)
    (grads,) = torch.autograd.grad(critic(mixed).sum(), mixed, create_graph=True)
    return ((grads.norm(dim=1) - 1) ** 2).mean()


MISTAKES = {
    "15.1": [
        # log(sig(f)) computed naively: logits of ±800 give log 0 = −inf (caught by the ±800 case)
        _naive_bce,
        # labels swapped (real treated as generated): caught by every asymmetric case
        lambda r, f: float(np.mean(np.logaddexp(0.0, r)) + np.mean(np.logaddexp(0.0, -f))),
        # one mean over all I + J terms instead of two means: caught by the I = 5, J = 8 case
        _pooled_mean,
        # sums instead of means (eq. 15.5 instead of eq. 15.6): caught by every case
        lambda r, f: float(np.sum(np.logaddexp(0.0, -r)) + np.sum(np.logaddexp(0.0, f))),
        # the sign forgotten (log sig instead of −log sig): caught by every case
        lambda r, f: float(-np.mean(np.logaddexp(0.0, -r)) - np.mean(np.logaddexp(0.0, f))),
    ],
    "15.2": [
        # 0·log 0 not handled: nan where a density is zero (caught by the uniform cases)
        _js_nan,
        # the KL divergence from p to q instead of JS: inf/nan or a different number (first two cases)
        lambda p, q, dx: float(np.sum(_kl_terms(p, q)) * dx),
        # the ½ forgotten: twice the divergence (caught by every case but the equal one)
        lambda p, q, dx: _js_terms(p, q, dx, half=1.0),
        # in bits (log2) instead of nats: the disjoint case gives 1 instead of log 2
        lambda p, q, dx: _js_terms(p, q, dx, log=np.log2),
        # the integral without dx: caught by every case but the equal one
        lambda p, q, dx: _js_terms(p, q, 1.0),
        # scipy's jensenshannon without squaring: it returns the square root of the divergence
        lambda p, q, dx: float(jensenshannon(p, q)),
    ],
    "15.3": [
        # only the row constraints: the mass can go anywhere, cost 0 (caught by the shift case)
        lambda p, q: _lp(p, q, lambda i, j: np.abs(i - j), cols=False),
        # squared cost (i − j)²: the shift by 2 costs 4
        lambda p, q: _lp(p, q, lambda i, j: (i - j) ** 2.0),
        # the signed cost i − j: just the difference of the means, 0 for the split case
        lambda p, q: abs(_lp(p, q, lambda i, j: (i - j) * 1.0)),
        # the absolute difference of the means (a common shortcut): 0 for the split case
        lambda p, q: float(abs(np.sum(np.arange(len(p)) * (p - q)))),
        # total variation instead: ½ Σ|p − q| (the shift case gives 1, not 2)
        lambda p, q: float(0.5 * np.sum(np.abs(p - q))),
    ],
    "15.4": [
        # no sorting: pairs the samples in the order given (caught by the unsorted case)
        lambda a, b: float(np.mean(np.abs(a - b))),
        # only one sample sorted: caught by the unsorted case
        lambda a, b: float(np.mean(np.abs(np.sort(a) - b))),
        # squared differences (the 2-Wasserstein distance squared): caught by the 1-and-3 case
        lambda a, b: float(np.mean((np.sort(a) - np.sort(b)) ** 2)),
        # a sum instead of a mean: caught by every case with more than one sample
        lambda a, b: float(np.sum(np.abs(np.sort(a) - np.sort(b)))),
        # sorting in place with a.sort(): changes the caller's arrays (caught by the unsorted case)
        _sort_in_place,
        # the difference of the means: caught by the random normals and the 1-and-3 case
        lambda a, b: float(abs(np.mean(a) - np.mean(b))),
    ],
    "15.5": [
        # alpha multiplies the generated samples: caught by the alpha = 0.25 and alpha = 1 cases
        lambda c, r, f, a: _penalty(c, r, f, a, swap=True),
        # the norm of the whole batch's gradient instead of one norm per sample: caught by every case
        lambda c, r, f, a: _penalty(c, r, f, a, whole_batch=True),
        # the squared norm instead of the norm: caught by every case
        lambda c, r, f, a: _penalty(c, r, f, a, squared_norm=True),
        # create_graph forgotten: right value, but the critic cannot be trained through it (the tanh critics)
        lambda c, r, f, a: _penalty(c, r, f, a, graph=False),
        # a sum over the batch instead of the mean: caught by every case
        lambda c, r, f, a: _penalty(c, r, f, a, reduce="sum"),
        # the "− 1" forgotten (penalising any slope): caught by every case
        lambda c, r, f, a: _penalty(c, r, f, a, minus_one=False),
        # the gradient at the real samples instead of the interpolates: caught by the first two cases
        _penalty_real_only,
    ],
}


# ---- correct alternatives -----------------------------------------------------------------------------------
def _bce_torch(real_logits, fake_logits):
    bce = torch.nn.functional.binary_cross_entropy_with_logits
    r, f = torch.tensor(real_logits), torch.tensor(fake_logits)
    return (bce(r, torch.ones_like(r)) + bce(f, torch.zeros_like(f))).item()


def _js_loop(p, q, dx):
    total = 0.0
    for a, b in zip(p, q):
        m = (a + b) / 2
        if a > 0:
            total += 0.5 * a * np.log(a / m) * dx
        if b > 0:
            total += 0.5 * b * np.log(b / m) * dx
    return total


def _lp_loops(p, q):
    k = len(p)
    cost = [abs(i - j) for i in range(k) for j in range(k)]
    a_eq = np.zeros((2 * k, k * k))
    for i in range(k):
        for j in range(k):
            a_eq[i, i * k + j] = 1.0
            a_eq[k + j, i * k + j] = 1.0
    return linprog(
        cost, A_eq=a_eq, b_eq=np.concatenate([p, q])
    ).fun  # default bounds are already (0, None)


def _penalty_vector_jacobian(critic, real, fake, alpha):
    mixed = (alpha * real + (1 - alpha) * fake).detach().requires_grad_(True)
    out = critic(mixed)
    (grads,) = torch.autograd.grad(out, mixed, grad_outputs=torch.ones_like(out), create_graph=True)
    return ((torch.sqrt((grads**2).sum(dim=1)) - 1) ** 2).mean()


CORRECT = {
    "15.1": [
        _bce_torch,
        lambda r, f: float(
            np.mean(np.log1p(np.exp(-np.abs(r))) + np.maximum(-r, 0))
            + np.mean(np.log1p(np.exp(-np.abs(f))) + np.maximum(f, 0))
        ),
    ],
    "15.2": [
        _js_loop,
        lambda p, q, dx: float(jensenshannon(p * dx, q * dx) ** 2),
    ],
    "15.3": [
        _lp_loops,
        lambda p, q: float(np.sum(np.abs(np.cumsum(p) - np.cumsum(q)))),
        lambda p, q: float(wasserstein_distance(np.arange(len(p)), np.arange(len(q)), p, q)),
    ],
    "15.4": [
        lambda a, b: float(wasserstein_distance(a, b)),
        lambda a, b: float(
            np.abs(np.sort(a.astype(np.float32)) - np.sort(b.astype(np.float32))).mean()
        ),
    ],
    "15.5": [
        _penalty_vector_jacobian,
    ],
}
