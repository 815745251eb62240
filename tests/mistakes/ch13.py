"""Plausible wrong answers to the chapter 13 exercises."""

import numpy as np

from udlcourse.exercises.ch13 import adjacency_from_edges, kipf_normalize


def _directed(edges, num_nodes):  # forgot that the graph is undirected
    adjacency = np.zeros((num_nodes, num_nodes))
    for m, n in np.asarray(edges, dtype=int).reshape(-1, 2):
        adjacency[m, n] = 1.0
    return adjacency


def _counting(edges, num_nodes):  # += counts an edge listed twice twice
    adjacency = np.zeros((num_nodes, num_nodes))
    for m, n in np.asarray(edges, dtype=int).reshape(-1, 2):
        adjacency[m, n] += 1.0
        adjacency[n, m] += 1.0
    return adjacency


def _size_from_edges(edges, num_nodes):  # sized the matrix by the largest index, losing isolated nodes
    edges = np.asarray(edges, dtype=int).reshape(-1, 2)
    return adjacency_from_edges(edges, int(edges.max()) + 1 if len(edges) else 0)


def _permutation(order):
    permutation = np.zeros((len(order), len(order)))
    permutation[np.arange(len(order)), order] = 1.0
    return permutation


def _no_self_loops(adjacency):  # normalised A instead of A + I
    degree = adjacency.sum(axis=1)
    return adjacency / np.sqrt(np.outer(degree, degree))


def _row_normalized(adjacency):  # mean aggregation D⁻¹(A + I) instead of the symmetric normalisation
    with_loops = adjacency + np.eye(len(adjacency))
    return with_loops / with_loops.sum(axis=1, keepdims=True)


def _sample_with_replacement(neighbours, nodes, fanout, rng):
    chosen = [np.asarray(nodes, dtype=int)]
    for node in nodes:
        candidates = neighbours[node]
        if len(candidates) > fanout:
            candidates = rng.choice(candidates, size=fanout, replace=True)
        chosen.append(np.asarray(candidates, dtype=int))
    return np.unique(np.concatenate(chosen))


def _forgot_targets(neighbours, nodes, fanout, rng):
    chosen = [np.zeros(0, dtype=int)]
    for node in nodes:
        candidates = neighbours[node]
        if len(candidates) > fanout:
            candidates = rng.choice(candidates, size=fanout, replace=False)
        chosen.append(np.asarray(candidates, dtype=int))
    return np.unique(np.concatenate(chosen))


def _always_sample(neighbours, nodes, fanout, rng):  # rng.choice even when there are too few neighbours
    chosen = [np.asarray(nodes, dtype=int)]
    for node in nodes:
        chosen.append(rng.choice(neighbours[node], size=fanout, replace=False))
    return np.unique(np.concatenate(chosen))


def _softmax_rows(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


MISTAKES = {
    "13.1": [_directed, _counting, _size_from_edges],
    "13.2": [
        lambda a, length: a**length,  # element-wise power
        lambda a, length: np.linalg.matrix_power(a, max(length - 1, 0)),  # off by one
        lambda a, length: np.linalg.matrix_power(a + np.eye(len(a)), length),  # counted staying put as a step
    ],
    "13.3": [
        lambda x, a, order: (_permutation(order).T @ x, _permutation(order).T @ a @ _permutation(order)),  # inverse
        lambda x, a, order: (_permutation(order) @ x, _permutation(order) @ a),  # only the rows of A
        lambda x, a, order: (_permutation(order) @ x, a),  # forgot to permute A
    ],
    "13.4": [_no_self_loops, _row_normalized, lambda a: kipf_normalize(a) * np.sqrt(len(a))],
    "13.5": [
        lambda h, mask: h.mean(dim=1),  # averaged the padding too
        lambda h, mask: (h * mask[..., None]).sum(dim=1) / h.shape[1],  # divided by the padded size
        lambda h, mask: (h * mask[..., None]).sum(dim=1),  # sum pooling
    ],
    "13.6": [_sample_with_replacement, _forgot_targets, _always_sample],
    "13.7": [
        lambda s, a: _softmax_rows(np.where(a > 0, s, -np.inf)),  # forgot the self-loops
        lambda s, a: _softmax_rows(s) * ((a + np.eye(len(a))) > 0),  # masked after the softmax, not renormalised
        lambda s, a: _softmax_rows(s.T).T * ((a + np.eye(len(a))) > 0) / (  # softmax down the columns
            (_softmax_rows(s.T).T * ((a + np.eye(len(a))) > 0)).sum(axis=1, keepdims=True)),
        lambda s, a: np.exp(s) * ((a + np.eye(len(a))) > 0) / (  # unstable: overflows for huge scores
            np.exp(s) * ((a + np.eye(len(a))) > 0)).sum(axis=1, keepdims=True),
    ],
}
