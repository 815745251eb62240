"""Chapter 13 (Graph neural networks): adjacency matrices, walks, permutations, Kipf normalisation, mean
pooling, neighbourhood sampling and masked attention."""

import numpy as np
import torch

from udlcourse.check import Case, Exercise
from udlcourse.solutions import ch13 as solutions

_rng = np.random.default_rng(13)
_path = np.array([[0, 1], [1, 2], [2, 3]])
_house = np.array([[0, 1], [1, 2], [2, 3], [3, 0], [2, 4], [3, 4]])  # a square with a roof
_house_adjacency = solutions.adjacency_from_edges(_house, 5)
_triangle_and_isolated = solutions.adjacency_from_edges([[0, 1], [1, 2], [2, 0]], 4)
_star = solutions.adjacency_from_edges([[0, 1], [0, 2], [0, 3], [0, 4]], 5)
_x5 = _rng.normal(size=(5, 3))
_h = torch.tensor(_rng.normal(size=(3, 4, 2)), dtype=torch.float32)
_mask = torch.tensor([[1, 1, 1, 0], [1, 1, 1, 1], [1, 0, 0, 0]], dtype=torch.float32)
_h_padded = _h.clone()
_h_padded[_mask == 0] = 100.0  # padding rows full of garbage must not count
_neighbours = [
    np.flatnonzero(row)
    for row in solutions.adjacency_from_edges(
        [[0, 1], [0, 2], [0, 3], [0, 4], [0, 5], [1, 2], [3, 6], [4, 7], [5, 8], [6, 7]], 10
    )
]
_scores = _rng.normal(size=(5, 5))
# a huge score (1000) on every pair that is NOT joined: a maximum taken over the whole row lands on a non-neighbour
_scores_far = np.where(_house_adjacency + np.eye(5) > 0, _scores, 1000.0)

EXERCISES = [
    Exercise(
        id="13.1",
        title="the adjacency matrix from an edge list",
        reference=solutions.adjacency_from_edges,
        cases=(
            Case((_path, 4), note="a path 0-1-2-3"),
            Case((_house, 6), note="a 'house' graph plus an isolated node 5 (no edges)"),
            Case(
                (np.array([[0, 1], [1, 0], [0, 1]]), 3),
                note="the same edge listed three times, both ways",
            ),
            Case((np.zeros((0, 2), dtype=int), 3), note="no edges at all"),
        ),
        hint=(
            "§13.2: A[m, n] = 1 when there is an edge between nodes m and n, 0 otherwise. The graph is undirected, "
            "so each edge (m, n) sets both A[m, n] and A[n, m], and an edge listed twice is still just 1. The size is "
            "num_nodes × num_nodes even when some nodes have no edges."
        ),
    ),
    Exercise(
        id="13.2",
        title="counting walks with powers of the adjacency matrix",
        reference=solutions.count_walks,
        cases=(
            Case((_house_adjacency, 3), note="walks of length 3 in the house graph"),
            Case((_house_adjacency, 1), note="length 1: the adjacency matrix itself"),
            Case(
                (_house_adjacency, 0),
                note="length 0: every node reaches only itself, in one (empty) walk",
            ),
            Case((_star, 4), note="a star, length 4"),
        ),
        hint=(
            "§13.2.1: the number of walks of length L from node m to node n is entry (m, n) of the matrix power "
            "A^L = A @ A @ ... @ A (L factors; A^0 is the identity). Use np.linalg.matrix_power, not the "
            "element-wise power A**L."
        ),
    ),
    Exercise(
        id="13.3",
        title="relabelling the nodes with a permutation matrix",
        reference=solutions.permute_graph,
        cases=(
            Case(
                (_x5, _house_adjacency, np.array([2, 0, 1, 3, 4])),
                note="a 3-cycle of labels: 2→0, 0→1, 1→2",
            ),
            Case(
                (_x5, _house_adjacency, np.array([4, 3, 0, 1, 2])),
                note="a permutation that is not its own inverse",
            ),
            Case((_x5, _house_adjacency, np.arange(5)), note="the identity: nothing changes"),
        ),
        hint=(
            "§13.2.2: build P with P[i, order[i]] = 1 (row i picks old node order[i]). The node data becomes P X "
            "(rows reordered) and the adjacency matrix P A Pᵀ (rows AND columns reordered). In the book nodes are "
            "columns, so the same thing is written X P and Pᵀ A P there. Return the pair (new X, new A)."
        ),
    ),
    Exercise(
        id="13.4",
        title="Kipf and Welling's renormalised adjacency matrix",
        reference=solutions.kipf_normalize,
        cases=(
            Case((_house_adjacency,), note="the house graph"),
            Case(
                (_triangle_and_isolated,),
                note="a triangle and an isolated node (degree 0 without self-loop)",
            ),
            Case((_star,), note="a star: one hub with four leaves"),
        ),
        hint=(
            "Kipf and Welling's renormalisation (§13.8.4): add self-loops first, Ã = A + I; the degrees d_n are the "
            "row sums of Ã (so they count the self-loop); then entry (m, n) is Ã[m, n] / sqrt(d_m d_n), i.e. "
            "D~^(-1/2) Ã D~^(-1/2). Not the book's eq. 13.20 (D^(-1/2) A D^(-1/2) + I, self-loop added after), and not "
            "dividing each row by its degree alone (D⁻¹Ã, mean aggregation). Build a new matrix: do not write into "
            "the adjacency matrix you were given."
        ),
    ),
    Exercise(
        id="13.5",
        title="mean pooling over the real nodes of padded graphs",
        reference=solutions.mean_pool,
        cases=(
            Case((_h, _mask), note="3 graphs with 3, 4 and 1 real nodes, padded to 4"),
            Case(
                (_h_padded, _mask), note="the padding rows hold garbage (100): they must not count"
            ),
            Case((_h, torch.ones(3, 4)), note="no padding: the plain mean over nodes"),
        ),
        hint=(
            "§13.5: the graph embedding is the mean of its node embeddings, (1/N) Σ_n h_n, over the N real nodes "
            "only. Zero the padded rows with the mask (mask[..., None]), sum over the node axis (dim=1) and divide "
            "by the number of real nodes, mask.sum(dim=1, keepdim=True). Return a (B, D) tensor."
        ),
    ),
    Exercise(
        id="13.6",
        title="sampling a fixed number of neighbours",
        reference=solutions.sample_neighbours,
        cases=(
            Case(
                (_neighbours, np.array([0]), 2, np.random.default_rng(0)),
                note="the hub 0 (5 neighbours), fan-out 2",
            ),
            Case(
                (_neighbours, np.array([0, 6, 9]), 2, np.random.default_rng(1)),
                note="node 6 has exactly 2 neighbours and node 9 none: take what there is",
            ),
            Case(
                (_neighbours, np.array([1, 0, 4]), 3, np.random.default_rng(2)),
                note="three target nodes, fan-out 3",
            ),
            Case(
                (_neighbours, np.array([3, 0]), 0, np.random.default_rng(3)),
                note="fan-out 0: only the nodes themselves",
            ),
        ),
        hint=(
            "§13.7.1 and Fig. 13.10: go through `nodes` in the given order; for each, take its neighbours "
            "neighbours[node]; if there are more than `fanout`, keep rng.choice(those, size=fanout, replace=False) "
            "(exactly this call, so that your random draws match the check's), else keep them all. Return "
            "np.unique of the nodes themselves together with everything kept (sorted, no repeats)."
        ),
    ),
    Exercise(
        id="13.7",
        title="softmax over each node's neighbourhood",
        reference=solutions.masked_softmax,
        cases=(
            Case((_scores, _house_adjacency), note="the house graph, random scores"),
            Case(
                (_scores[:4, :4], _triangle_and_isolated),
                note="an isolated node attends only to itself",
            ),
            Case(
                (_scores * 1000, _house_adjacency),
                note="huge scores: needs the stable softmax (subtract the max)",
            ),
            Case(
                (_scores_far, _house_adjacency),
                note="every non-neighbour has score 1000: subtract the maximum over the ALLOWED entries only",
            ),
            Case(
                (_scores, np.ones((5, 5)) - np.eye(5)),
                note="a complete graph: the ordinary row softmax",
            ),
        ),
        hint=(
            "§13.8.6 (eq. 13.24): node n attends to itself and its neighbours, the non-zero entries of row n of A + I. "
            "First set the other scores to -inf (np.where(allowed, scores, -np.inf)); then subtract each row's maximum "
            "of THESE masked scores (a maximum over all entries can sit at a non-neighbour and make every allowed exp "
            "underflow to 0), exponentiate and divide by the row sum (axis=1), so every row sums to one and "
            "non-neighbours get exactly 0."
        ),
    ),
]
