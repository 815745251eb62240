"""Plausible wrong answers to the chapter 13 exercises."""

import numpy as np

from udlcourse.solutions.ch13 import adjacency_from_edges, kipf_normalize


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


def _size_from_edges(
    edges, num_nodes
):  # sized the matrix by the largest index, losing isolated nodes
    edges = np.asarray(edges, dtype=int).reshape(-1, 2)
    return adjacency_from_edges(edges, int(edges.max()) + 1 if len(edges) else 0)


def _permutation(order):
    permutation = np.zeros((len(order), len(order)))
    permutation[np.arange(len(order)), order] = 1.0
    return permutation


def _no_self_loops(adjacency):  # normalised A instead of A + I
    degree = adjacency.sum(axis=1)
    return adjacency / np.sqrt(np.outer(degree, degree))


def _row_normalized(
    adjacency,
):  # mean aggregation D⁻¹(A + I) instead of the symmetric normalisation
    with_loops = adjacency + np.eye(len(adjacency))
    return with_loops / with_loops.sum(axis=1, keepdims=True)


def _book_eq_13_20(
    adjacency,
):  # the book's eq. 13.20, D^(-1/2) A D^(-1/2) + I: house graph; isolated node: 0/0
    degree = adjacency.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return adjacency / np.sqrt(np.outer(degree, degree)) + np.eye(len(adjacency))


def _global_max_softmax(s, a):
    # stable-looking, but the maximum is taken over the whole row, masked entries included: caught by the case
    # "every non-neighbour has score 1000" (every allowed exp underflows to 0, then 0/0)
    allowed = (a + np.eye(len(a))) > 0
    with np.errstate(all="ignore"):
        e = np.exp(s - s.max(axis=1, keepdims=True)) * allowed
        return e / e.sum(axis=1, keepdims=True)


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


def _always_sample(
    neighbours, nodes, fanout, rng
):  # rng.choice even when there are too few neighbours
    chosen = [np.asarray(nodes, dtype=int)]
    for node in nodes:
        chosen.append(rng.choice(neighbours[node], size=fanout, replace=False))
    return np.unique(np.concatenate(chosen))


def _softmax_rows(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


MISTAKES = {
    "13.1": [
        _directed,  # one direction only: "a path 0-1-2-3"
        _counting,  # an edge listed twice counts twice: "the same edge listed three times"
        _size_from_edges,  # sized by the largest index: "a 'house' graph plus an isolated node 5"
    ],
    "13.2": [
        lambda a, length: a**length,  # element-wise power: "walks of length 3 in the house graph"
        lambda a, length: np.linalg.matrix_power(a, max(length - 1, 0)),  # off by one: "length 1"
        # counted staying put as a step: "length 1: the adjacency matrix itself"
        lambda a, length: np.linalg.matrix_power(a + np.eye(len(a)), length),
    ],
    "13.3": [
        # the inverse permutation: "a permutation that is not its own inverse"
        lambda x, a, order: (
            _permutation(order).T @ x,
            _permutation(order).T @ a @ _permutation(order),
        ),
        lambda x, a, order: (
            _permutation(order) @ x,
            _permutation(order) @ a,
        ),  # only A's rows: "a 3-cycle of labels"
        lambda x, a, order: (
            _permutation(order) @ x,
            a,
        ),  # forgot to permute A: "a 3-cycle of labels"
    ],
    "13.4": [
        _no_self_loops,  # A instead of A + I: house graph; isolated node divides by 0
        _row_normalized,  # mean aggregation: house graph (unequal degrees)
        _book_eq_13_20,  # self-loop added after normalising: house graph
        lambda a: kipf_normalize(a) * np.sqrt(len(a)),  # scaled by sqrt(N): every case
    ],
    "13.5": [
        lambda h, mask: h.mean(
            dim=1
        ),  # averaged the padding too: "3 graphs with 3, 4 and 1 real nodes"
        lambda h, mask: (
            (h * mask[..., None]).sum(dim=1) / h.shape[1]
        ),  # divided by the padded size: the same case
        lambda h, mask: (h * mask[..., None]).sum(dim=1),  # sum pooling: every case
        lambda h, mask: (h * mask[..., None]).mean(
            dim=1
        ),  # padding zeroed, but divided by N_max: the first case
    ],
    "13.6": [
        _sample_with_replacement,  # replace=True: "the hub 0 (5 neighbours), fan-out 2" draws differently
        _forgot_targets,  # the nodes themselves left out: "fan-out 0: only the nodes themselves"
        _always_sample,  # rng.choice with too few neighbours raises: "node 6 has exactly 2 neighbours and node 9 none"
    ],
    "13.7": [
        # forgot the self-loops: "the house graph"; the isolated node gets 0/0
        lambda s, a: _softmax_rows(np.where(a > 0, s, -np.inf)),
        # masked after the softmax, not renormalised: "the house graph"
        lambda s, a: _softmax_rows(s) * ((a + np.eye(len(a))) > 0),
        lambda s, a: (
            _softmax_rows(s.T).T
            * ((a + np.eye(len(a))) > 0)
            / (  # softmax down the columns: house graph
                (_softmax_rows(s.T).T * ((a + np.eye(len(a))) > 0)).sum(axis=1, keepdims=True)
            )
        ),
        lambda s, a: (
            np.exp(s)
            * ((a + np.eye(len(a))) > 0)
            / (  # unstable: overflows for huge scores
                np.exp(s) * ((a + np.eye(len(a))) > 0)
            ).sum(axis=1, keepdims=True)
        ),
        _global_max_softmax,  # maximum over masked entries too: "every non-neighbour has score 1000"
    ],
}
