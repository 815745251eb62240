"""Plausible wrong answers to the chapter 12 exercises."""

import numpy as np

from udlcourse.exercises.ch12 import causal_mask, merge_pair, softmax_over_keys


def _quiet(function):
    """Run a deliberately unstable formula without numpy's warnings (the check reports the NaN/inf)."""

    def wrapped(*args, **kwargs):
        with np.errstate(all="ignore"):
            return function(*args, **kwargs)

    return wrapped


def _attention(scale_by, softmax=softmax_over_keys, mask_after=False, biases=True, axis_queries=False):
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


def _naive_softmax(z):
    return np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)


def _encoding(exponent_factor=2.0, swap=False, halves=False, start=0):
    def encoding(n_positions, d):
        t = np.arange(start, start + n_positions)[:, None]
        angles = t / 10000 ** (exponent_factor * np.arange(d // 2) / d)
        first, second = (np.cos(angles), np.sin(angles)) if swap else (np.sin(angles), np.cos(angles))
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
    best = max(counts.items(), key=lambda item: (item[1], item[0]))[0]  # ties go to the "largest" pair
    return best, merge_pair(words, best)


def _bpe_string_replace(words):
    counts = _pair_counts(words)
    best = max(counts, key=counts.get)
    joined = [" ".join(word).replace(f"{best[0]} {best[1]}", best[0] + best[1]).split(" ") for word in words]
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


def _top_p_reversed_argsort(probs, p):
    order = np.argsort(probs)[::-1]  # ties come out in reverse index order
    n_keep = min(int(np.searchsorted(np.cumsum(probs[order]), p)) + 1, len(probs))
    filtered = np.zeros_like(probs)
    filtered[order[:n_keep]] = probs[order[:n_keep]]
    return filtered / filtered.sum()


MISTAKES = {
    "12.1": [
        lambda s: np.exp(s - s.max(axis=0, keepdims=True)) / np.exp(s - s.max(axis=0, keepdims=True)).sum(axis=0),
        _quiet(_naive_softmax),  # overflows for scores of 1000
        lambda s: np.exp(s - s.max()) / np.sum(np.exp(s - s.max())),  # one softmax over the whole matrix
        lambda s: s / np.sum(s, axis=-1, keepdims=True),  # normalised without exp
    ],
    "12.2": [
        _attention(lambda X, q: 1.0),  # no scaling
        _attention(lambda X, q: np.sqrt(X.shape[1])),  # sqrt of the token size D instead of D_q
        _attention(lambda X, q: q.shape[1]),  # divided by D_q, not its square root
        _attention(lambda X, q: np.sqrt(q.shape[1]), axis_queries=True),  # softmax over the queries
        _attention(lambda X, q: np.sqrt(q.shape[1]), mask_after=True),  # mask applied after the softmax
        _attention(lambda X, q: np.sqrt(q.shape[1]), softmax=_quiet(_naive_softmax)),  # unstable softmax
        _attention(lambda X, q: np.sqrt(q.shape[1]), biases=False),  # forgot the biases beta
    ],
    "12.5": [
        lambda n: np.tril(np.ones((n, n), dtype=bool), k=-1),  # a token may not see itself
        lambda n: np.triu(np.ones((n, n), dtype=bool)),  # transposed: queries see the future
        lambda n: ~causal_mask(n),  # True where the entry is masked OUT (torch.nn.MultiheadAttention's convention)
    ],
    "12.3": [
        _encoding(exponent_factor=1.0),  # 10000^(j/d): forgot the 2
        _encoding(swap=True),  # cos in the even columns
        _encoding(halves=True),  # all sines, then all cosines
        _encoding(start=1),  # positions counted from 1
    ],
    "12.4": [_bpe_flattened, _bpe_alphabetical_ties, _bpe_string_replace, _bpe_first_only],
    "12.6": [
        _quiet(_top_p_excludes_boundary),
        _top_p_not_renormalised,
        _top_p_reversed_argsort,
        lambda probs, p: np.where(probs >= p, probs, 0.0) / np.where(probs >= p, probs, 0.0).sum(),  # threshold
    ],
}
