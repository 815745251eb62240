"""udlcourse.taught: the definitions that chapters save (``# @save`` cells) for later chapters."""

import itertools
import math

import numpy as np
import pytest
import torch

from udlcourse import taught


def test_every_saved_definition_names_its_chapter():
    public = [
        value
        for name, value in vars(taught).items()
        if not name.startswith("_") and getattr(value, "__module__", None) == taught.__name__
    ]
    assert len(public) >= 7
    for value in public:
        assert "Defined in chapter " in value.__doc__, f"{value.__name__} lacks its back-reference"


def test_central_differences_matches_an_analytic_gradient_of_any_shape():
    matrix = np.array([[3.0, 1.0], [1.0, 2.0]])

    def loss(phi):
        return float(np.sum(np.sin(phi)) + phi.ravel() @ np.kron(np.eye(2), matrix) @ phi.ravel())

    phi = np.array([[0.3, -1.2], [0.7, 2.0]])
    analytic = np.cos(phi) + (2 * np.kron(np.eye(2), matrix) @ phi.ravel()).reshape(2, 2)
    estimate = taught.central_differences(loss, phi, 1e-5)
    assert estimate.shape == phi.shape
    np.testing.assert_allclose(estimate, analytic, rtol=1e-8)
    # a one-sided difference is off by about step * curvature: far outside that tolerance
    forward = (loss(phi + np.array([[1e-5, 0], [0, 0]])) - loss(phi)) / 1e-5
    assert abs(forward - analytic[0, 0]) > 1e-5
    assert np.array_equal(phi, [[0.3, -1.2], [0.7, 2.0]]), "the parameters are not modified"


def test_central_differences_accepts_integer_parameters():
    estimate = taught.central_differences(lambda phi: float(phi @ phi), np.array([1, 2]), 1e-3)
    np.testing.assert_allclose(estimate, [2.0, 4.0], rtol=1e-9)


def test_count_linear_regions_counts_joints_between_and_on_grid_points():
    x = np.linspace(-1.0, 1.0, 2001)
    # joints at -0.5 (a grid point), 0.1234 (inside a grid interval) and 0.8
    y = np.abs(x + 0.5) - 2 * np.maximum(0, x - 0.1234) + 3 * np.maximum(0, x - 0.8)
    assert taught.count_linear_regions(x, y) == 4
    assert taught.count_linear_regions(x, 2.0 - 0.5 * x) == 1
    assert taught.count_linear_regions(x, 1e3 * np.abs(x)) == 2, "the tolerance is relative"


def test_residual_block_adds_its_branch_to_its_input():
    torch.manual_seed(0)
    block = taught.ResidualBlock(4, scale=0.5)
    h = torch.randn(6, 4)
    with torch.no_grad():
        branch = block.linear(torch.relu(h))
        torch.testing.assert_close(block(h), 0.5 * (h + branch))
        block.linear.weight.zero_()
        torch.testing.assert_close(block(h), 0.5 * h)
    assert isinstance(taught.ResidualBlock(4, batch_norm=True).norm, torch.nn.BatchNorm1d)


def attention_layers():
    torch.manual_seed(0)
    return taught.MultiHeadSelfAttention(8, 2), taught.TransformerLayer(8, 2)


@pytest.mark.parametrize("layer", attention_layers(), ids=["attention", "transformer layer"])
def test_attention_layers_are_permutation_equivariant(layer):
    x = torch.randn(3, 5, 8)
    permutation = torch.tensor([3, 0, 4, 1, 2])
    with torch.no_grad():
        torch.testing.assert_close(layer(x)[:, permutation], layer(x[:, permutation]))


def test_attention_weights_are_a_distribution_over_allowed_keys_only():
    attention, _ = attention_layers()
    causal = torch.tril(torch.ones(5, 5, dtype=torch.bool))
    with torch.no_grad():
        attention(torch.randn(3, 5, 8), mask=causal)
    weights = attention.last_weights
    assert weights.shape == (3, 2, 5, 5)
    torch.testing.assert_close(weights.sum(dim=-1), torch.ones(3, 2, 5))
    assert torch.all(weights[..., ~causal] == 0), "a masked key got weight"


def test_attention_with_one_head_is_scaled_dot_product_attention():
    torch.manual_seed(1)
    attention = taught.MultiHeadSelfAttention(4, 1)
    x = torch.randn(2, 6, 4)
    with torch.no_grad():
        q, k, v = attention.query(x), attention.key(x), attention.value(x)
        weights = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(4), dim=-1)
        torch.testing.assert_close(attention(x), attention.mix(weights @ v))


def test_gcn_layer_aggregates_neighbours_and_is_permutation_equivariant():
    torch.manual_seed(0)
    layer = taught.GCNLayer(3, 2, activation=False)
    a_hat = torch.tensor([[1.0, 1, 0], [1, 1, 1], [0, 1, 1]])
    h = torch.randn(3, 3)
    with torch.no_grad():
        expected = a_hat @ h @ layer.linear.weight.T + layer.linear.bias
        torch.testing.assert_close(layer(a_hat, h), expected)
        for order in itertools.permutations(range(3)):
            p = torch.eye(3)[list(order)]
            torch.testing.assert_close(layer(p @ a_hat @ p.T, p @ h), p @ layer(a_hat, h))
        assert torch.all(taught.GCNLayer(3, 2)(a_hat, h) >= 0), "the ReLU by default"


def test_merge_pair_scans_left_to_right_and_leaves_the_input_alone():
    words = [["a", "a", "a", "_"], ["b", "a", "a", "_"], ["a", "_"]]
    assert taught.merge_pair(words, ("a", "a")) == [["aa", "a", "_"], ["b", "aa", "_"], ["a", "_"]]
    assert words[0] == ["a", "a", "a", "_"]
    assert taught.merge_pair(words, ("x", "y")) == words
