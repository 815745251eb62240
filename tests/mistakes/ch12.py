"""Plausible wrong answers to the chapter 12 exercises."""

import numpy as np

from udlcourse.solutions.ch12 import causal_mask, softmax_over_keys
from udlcourse.taught import merge_pair


def _quiet(function):
    """Run a deliberately unstable formula without numpy's warnings (the check reports the NaN/inf)."""

    def wrapped(*args, **kwargs):
        with np.errstate(all="ignore"):
            return function(*args, **kwargs)

    return wrapped


def _attention(
    scale_by, softmax=softmax_over_keys, mask_after=False, biases=True, axis_queries=False
):
    def attention(X, omega_q, beta_q, omega_k, beta_k, omega_v, beta_v, mask=None):
        q = X @ omega_q.T + (beta_q if biases else 0)
        k = X @ omega_k.T + (beta_k if biases else 0)
        v = X @ omega_v.T + (beta_v if biases else 0)
        scores = q @ k.T / scale_by(X, q)
        if mask is not None and not mask_after:
            scores = np.where(mask, scores, -np.inf)
        weights = softmax(scores.T).T if axis_queries else softmax(scores)
        if mask is not None and mask_after:
            weights = weights * mask  # zeroed after the softmax: rows no longer sum to 1
        return weights @ v

    return _quiet(attention)


def _attention_global_max(X, omega_q, beta_q, omega_k, beta_k, omega_v, beta_v, mask=None):
    # stable-looking, but the maximum is taken over ALL keys before masking: caught by the case "large inputs,
    # and each query may see only its two lowest-scoring keys" (exp underflows to 0 for every allowed key: 0/0)
    q, k, v = X @ omega_q.T + beta_q, X @ omega_k.T + beta_k, X @ omega_v.T + beta_v
    scores = q @ k.T / np.sqrt(q.shape[1])
    exps = np.exp(scores - scores.max(axis=-1, keepdims=True))
    if mask is not None:
        exps = exps * mask
    return (exps / exps.sum(axis=-1, keepdims=True)) @ v


def _naive_softmax(z):
    return np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)


def _encoding(exponent_factor=2.0, swap=False, halves=False, start=0):
    def encoding(n_positions, d):
        t = np.arange(start, start + n_positions)[:, None]
        angles = t / 10000 ** (exponent_factor * np.arange(d // 2) / d)
        first, second = (
            (np.cos(angles), np.sin(angles)) if swap else (np.sin(angles), np.cos(angles))
        )
        if halves:
            return np.concatenate([first, second], axis=1)
        out = np.zeros((n_positions, d))
        out[:, 0::2], out[:, 1::2] = first, second
        return out

    return encoding


def _bpe_flattened(words):
    # counts pairs across word boundaries (treats the corpus as one long word)
    flat = [token for word in words for token in word]
    counts = {}
    for pair in zip(flat[:-1], flat[1:]):
        counts[pair] = counts.get(pair, 0) + 1
    best = max(counts, key=counts.get)
    return best, merge_pair(words, best)


def _pair_counts(words):
    counts = {}
    for word in words:
        for pair in zip(word[:-1], word[1:]):
            counts[pair] = counts.get(pair, 0) + 1
    return counts


def _bpe_alphabetical_ties(words):
    counts = _pair_counts(words)
    best = max(counts.items(), key=lambda item: (item[1], item[0]))[
        0
    ]  # ties go to the "largest" pair
    return best, merge_pair(words, best)


def _bpe_string_replace(words):
    counts = _pair_counts(words)
    best = max(counts, key=counts.get)
    joined = [
        " ".join(word).replace(f"{best[0]} {best[1]}", best[0] + best[1]).split(" ")
        for word in words
    ]
    return best, joined


def _bpe_first_only(words):
    counts = _pair_counts(words)
    best = max(counts, key=counts.get)
    done, out = False, []
    for word in words:
        merged, i = [], 0
        while i < len(word):
            if not done and i + 1 < len(word) and (word[i], word[i + 1]) == best:
                merged.append(word[i] + word[i + 1])
                i += 2
                done = True
            else:
                merged.append(word[i])
                i += 1
        out.append(merged)
    return best, out


def _top_p_excludes_boundary(probs, p):
    order = np.argsort(-probs, kind="stable")
    keep = order[np.cumsum(probs[order]) < p]  # drops the token that takes the total past p
    filtered = np.zeros_like(probs)
    filtered[keep] = probs[keep]
    return filtered / filtered.sum()


def _top_p_not_renormalised(probs, p):
    order = np.argsort(-probs, kind="stable")
    n_keep = min(int(np.searchsorted(np.cumsum(probs[order]), p)) + 1, len(probs))
    filtered = np.zeros_like(probs)
    filtered[order[:n_keep]] = probs[order[:n_keep]]
    return filtered


def _top_p_default_argsort(probs, p):
    # numpy's default (unstable) sort: caught by the 20-token cases with ties (_tied, p = 0.35 and 0.67)
    order = np.argsort(-probs)
    n_keep = min(int(np.searchsorted(np.cumsum(probs[order]), p)) + 1, len(probs))
    filtered = np.zeros_like(probs)
    filtered[order[:n_keep]] = probs[order[:n_keep]]
    return filtered / filtered.sum()


def _top_p_reversed_argsort(probs, p):
    order = np.argsort(probs)[::-1]  # ties come out in reverse index order
    n_keep = min(int(np.searchsorted(np.cumsum(probs[order]), p)) + 1, len(probs))
    filtered = np.zeros_like(probs)
    filtered[order[:n_keep]] = probs[order[:n_keep]]
    return filtered / filtered.sum()


MISTAKES = {
    "12.1": [
        # softmax down the columns (over the queries): caught by the 3 x 5 case
        lambda s: (
            np.exp(s - s.max(axis=0, keepdims=True))
            / np.exp(s - s.max(axis=0, keepdims=True)).sum(axis=0)
        ),
        _quiet(_naive_softmax),  # overflows: caught by "huge scores"
        lambda s: (
            np.exp(s - s.max()) / np.sum(np.exp(s - s.max()))
        ),  # one softmax over the whole matrix: 3 x 5 case
        lambda s: s / np.sum(s, axis=-1, keepdims=True),  # normalised without exp: every case
        # divided by the mean instead of the sum (rows sum to the number of keys): every case
        lambda s: (
            np.exp(s - s.max(axis=-1, keepdims=True))
            / np.mean(np.exp(s - s.max(axis=-1, keepdims=True)), axis=-1, keepdims=True)
        ),
    ],
    "12.2": [
        _attention(lambda X, q: 1.0),  # no scaling: every case
        _attention(
            lambda X, q: np.sqrt(X.shape[1])
        ),  # sqrt of the token size D instead of D_q: D = 4, D_q = 3
        _attention(lambda X, q: q.shape[1]),  # divided by D_q, not its square root: every case
        _attention(
            lambda X, q: np.sqrt(2.0)
        ),  # a fixed sqrt(2) (right only for D_q = 2): D_q = 3 and 5
        _attention(
            lambda X, q: q.shape[1] / np.sqrt(2.0)
        ),  # D_q / sqrt(2), equal to sqrt(D_q) only at 2: D_q = 3
        _attention(
            lambda X, q: np.sqrt(q.shape[0])
        ),  # sqrt of the number of tokens N: N = 5 vs D_q = 3
        _attention(
            lambda X, q: np.sqrt(q.shape[1]), axis_queries=True
        ),  # softmax over the queries: first case
        _attention(
            lambda X, q: np.sqrt(q.shape[1]), mask_after=True
        ),  # mask after the softmax: causal-mask case
        _quiet(
            _attention_global_max
        ),  # maximum over the masked keys too: the two-lowest-keys mask case
        _attention(
            lambda X, q: np.sqrt(q.shape[1]), softmax=_quiet(_naive_softmax)
        ),  # unstable: large inputs
        _attention(
            lambda X, q: np.sqrt(q.shape[1]), biases=False
        ),  # forgot the biases beta: first case
    ],
    "12.5": [
        lambda n: np.tril(
            np.ones((n, n), dtype=bool), k=-1
        ),  # a token may not see itself: "one token"
        lambda n: np.triu(
            np.ones((n, n), dtype=bool)
        ),  # transposed, queries see the future: "two tokens"
        lambda n: (
            ~causal_mask(n)
        ),  # True where masked OUT (nn.MultiheadAttention's convention): "one token"
        lambda n: np.tril(np.ones((n, n))),  # floats, not a boolean mask: every case (dtype)
    ],
    "12.3": [
        _encoding(
            exponent_factor=1.0
        ),  # 10000^(j/d), forgot the 2: "five positions, four dimensions"
        _encoding(swap=True),  # cos in the even columns: "position 0 only"
        _encoding(halves=True),  # all sines, then all cosines: "five positions, four dimensions"
        _encoding(start=1),  # positions counted from 1: "position 0 only"
    ],
    "12.4": [
        _bpe_flattened,  # pairs counted across word boundaries: "single-token words"
        _bpe_alphabetical_ties,  # ties broken by the larger pair: "a tie: ('u', 'v') and ('x', 'y')"
        _bpe_string_replace,  # joined strings, 'th e' contains 'h e': "tokens longer than one letter"
        _bpe_first_only,  # only the first occurrence merged: "('o', 'o') appears three times"
    ],
    "12.6": [
        _quiet(
            _top_p_excludes_boundary
        ),  # drops the token that reaches p: "the top two reach p exactly"
        _top_p_not_renormalised,  # not divided by the kept total: every case with p < 1
        _top_p_reversed_argsort,  # ties in reverse index order: "ties: keep the lower indices first"
        _top_p_default_argsort,  # unstable default sort: the 20-token cases with ties
        # a probability threshold instead of a cumulative one: eight tokens, p = 0.7
        lambda probs, p: np.where(probs >= p, probs, 0.0) / np.where(probs >= p, probs, 0.0).sum(),
    ],
}
