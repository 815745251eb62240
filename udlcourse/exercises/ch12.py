"""Chapter 12 (Transformers): attention over keys, scaled dot-product self-attention with an optional mask,
the causal mask, sinusoidal positional encodings, one byte-pair-encoding merge and nucleus (top-p) filtering."""

import numpy as np

from udlcourse.check import Case, Exercise
from udlcourse.solutions import ch12 as solutions

_rng = np.random.default_rng(12)
_scores = 2.0 * _rng.standard_normal((3, 5))
# Tokens of size D = 4 with queries and keys of size D_q = 3 (not 2, so that no constant that happens to equal
# sqrt(2) passes), values of size 2; a second set with D = 3 and D_q = 5 (D_q larger than D).
_X = _rng.standard_normal((5, 4))
_omega_q, _beta_q = _rng.standard_normal((3, 4)), _rng.standard_normal(3)
_omega_k, _beta_k = _rng.standard_normal((3, 4)), _rng.standard_normal(3)
_omega_v, _beta_v = _rng.standard_normal((2, 4)), _rng.standard_normal(2)
_params = (_omega_q, _beta_q, _omega_k, _beta_k, _omega_v, _beta_v)
_X5 = _rng.standard_normal((4, 3))
_params5 = (
    _rng.standard_normal((5, 3)),
    _rng.standard_normal(5),
    _rng.standard_normal((5, 3)),
    _rng.standard_normal(5),
    _rng.standard_normal((4, 3)),
    _rng.standard_normal(4),
)
# Large inputs with a mask that allows, in each row, only the two smallest scores: the masked-out scores are
# thousands larger, so a maximum taken over all keys (not only the allowed ones) underflows exp to 0/0.
_big_scores = (30 * _X @ _omega_q.T + _beta_q) @ (30 * _X @ _omega_k.T + _beta_k).T / np.sqrt(3)
_low_mask = _big_scores <= np.sort(_big_scores, axis=1)[:, [1]]
_probs = _rng.dirichlet(np.ones(8))
# 20 probabilities with many ties: numpy's default argsort (not stable beyond 16 entries) reorders equal values
_tied = np.array([2, 2, 3, 1, 3, 3, 1, 2, 3, 2, 1, 3, 3, 3, 1, 1, 3, 1, 2, 1], dtype=float)
_tied /= _tied.sum()

EXERCISES = [
    Exercise(
        id="12.1",
        title="softmax over the keys",
        reference=solutions.softmax_over_keys,
        cases=(
            Case((_scores,), note="3 queries (rows) by 5 keys (columns): each row must sum to 1"),
            Case((np.array([[1.0, 2.0, 3.0]]),), note="one query, three keys"),
            Case(
                (np.array([[1000.0, 999.0, 0.0], [-1000.0, -1001.0, -999.0]]),),
                note="huge scores: exp(1000) overflows",
            ),
            Case(
                (np.array([[0.5, -np.inf, 1.0], [-np.inf, -np.inf, 2.0]]),),
                note="masked keys have score -inf and must get weight exactly 0",
            ),
        ),
        hint=(
            "Eq. 12.5: a[x_m, x_n] = exp[k_m·q_n] / Σ_m' exp[k_m'·q_n]. Here one query per ROW, so normalise along "
            "the last axis (axis=-1, keepdims=True), and subtract each row's maximum before exp so that nothing overflows."
        ),
    ),
    Exercise(
        id="12.2",
        title="scaled dot-product self-attention (one head)",
        reference=solutions.self_attention,
        cases=(
            Case(
                (_X, *_params),
                note="5 tokens of size D = 4; queries and keys of size D_q = 3, values of size 2",
            ),
            Case(
                (_X5, *_params5),
                note="4 tokens of size D = 3; queries and keys of size D_q = 5, values of size 4",
            ),
            Case((_X, *_params), {"mask": solutions.causal_mask(5)}, note="with a causal mask"),
            Case(
                (_X[:1], *_params),
                note="a single token attends only to itself: the output is its value",
            ),
            Case((30.0 * _X, *_params), note="large inputs: the scores are in the thousands"),
            Case(
                (30.0 * _X, *_params),
                {"mask": _low_mask},
                note="large inputs, and each query may see only its two lowest-scoring keys: the masked-out scores "
                "are thousands higher",
            ),
            Case((np.ones((3, 4)), *_params), note="three identical tokens"),
        ),
        hint=(
            "Eqs. 12.2-12.9 with tokens as ROWS: Q = X Ω_qᵀ + β_q, K = X Ω_kᵀ + β_k, V = X Ω_vᵀ + β_v; scores = Q Kᵀ / "
            "√D_q (D_q = number of columns of Q, not of X, and not a fixed number); where mask is False set the score to "
            "-inf BEFORE the softmax, so that the maximum your softmax subtracts is taken over the allowed keys only; "
            "softmax over keys (each row); output = weights @ V. Use your softmax_over_keys."
        ),
    ),
    Exercise(
        id="12.3",
        title="sinusoidal positional encodings",
        reference=solutions.sinusoidal_encoding,
        cases=(
            Case((5, 4), note="five positions, four dimensions"),
            Case((1, 6), note="position 0 only: sin 0 = 0 and cos 0 = 1"),
            Case((50, 16), note="fifty positions, sixteen dimensions"),
            Case((3, 2), note="two dimensions: one frequency (1)"),
        ),
        hint=(
            "§12.3.1 (Vaswani et al. 2017): for position t = 0, 1, ... and j = 0, ..., d/2 - 1 the angle is "
            "t / 10000^(2j/d); column 2j holds its sine and column 2j+1 its cosine (interleaved, not two halves)."
        ),
    ),
    Exercise(
        id="12.4",
        title="one byte-pair-encoding merge",
        reference=solutions.bpe_step,
        cases=(
            Case(
                (
                    [
                        ["l", "o", "o", "k", "_"],
                        ["l", "o", "o", "p", "_"],
                        ["p", "o", "o", "l", "_"],
                    ],
                ),
                note="('o', 'o') appears three times",
            ),
            Case(
                ([["a", "a", "a", "_"], ["b", "a", "_"]],),
                note="overlapping pair 'a a a': merge left to right",
            ),
            Case(
                ([["a", "b"], ["c"], ["d"], ["c"], ["d"], ["c"], ["d"]],),
                note="single-token words: pairs never cross word boundaries",
            ),
            Case(
                ([["u", "v", "_"], ["x", "y", "_"], ["x", "y"], ["u", "v"]],),
                note="a tie: ('u', 'v') and ('x', 'y') both appear twice; take the one seen first",
            ),
            Case(
                ([["h", "e"], ["th", "e", "_"], ["h", "e", "r"]],),
                note="tokens longer than one letter: 'th' + 'e' is not the pair ('h', 'e')",
            ),
        ),
        hint=(
            "Fig. 12.8: count every pair of adjacent tokens inside each word (never across words), pick the most frequent "
            "(on a tie the pair that appears first: max(counts, key=counts.get) does that for a dict filled in order), "
            "then rebuild each word left to right, replacing the two tokens of the pair by their concatenation. "
            "Work with lists of tokens, not with a joined string. Return (pair, new_words)."
        ),
    ),
    Exercise(
        id="12.5",
        title="the causal mask",
        reference=solutions.causal_mask,
        cases=(
            Case((4,), note="four tokens"),
            Case((1,), note="one token: it may attend to itself"),
            Case((2,), note="two tokens"),
            Case((7,), note="seven tokens"),
        ),
        hint=(
            "§12.7.2: query i (row) may look at key j (column) only when j <= i, itself included. Return a bool array "
            "of shape (n, n) that is True on and below the diagonal: np.tril of a matrix of ones."
        ),
    ),
    Exercise(
        id="12.6",
        title="nucleus (top-p) filtering",
        reference=solutions.top_p_filter,
        cases=(
            Case((_probs, 0.7), note="eight tokens, p = 0.7"),
            Case(
                (np.array([0.5, 0.25, 0.125, 0.125]), 0.75),
                note="the top two reach p exactly: keep just them",
            ),
            Case(
                (np.array([0.1, 0.6, 0.3]), 0.05),
                note="p below the largest probability: keep the top token only",
            ),
            Case((np.array([0.2, 0.3, 0.5]), 1.0), note="p = 1 keeps everything"),
            Case(
                (np.array([0.25, 0.25, 0.25, 0.25]), 0.5),
                note="ties: keep the lower indices first (stable sort)",
            ),
            Case(
                (_tied, 0.35),
                note="20 tokens with many equal probabilities: the cut falls inside a tie, so only a "
                "stable sort keeps the lower indices",
            ),
            Case((_tied, 0.67), note="the same 20 tokens, a cut inside the second tie"),
        ),
        hint=(
            "§12.7.3 (Holtzman et al. 2020): sort the probabilities from largest to smallest with a STABLE sort "
            "(np.argsort(-probs, kind='stable'); the default sort reorders equal values in arrays longer than 16), "
            "take the running total, keep tokens up to and including the first one where it reaches p, "
            "zero the others (in the original order) and divide by the sum of what is kept."
        ),
    ),
]
