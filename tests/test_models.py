import numpy as np
import pytest
import torch

from udlcourse import models


def test_mlp_has_the_requested_shape_and_parameter_count():
    net = models.mlp([40, 100, 100, 10], dropout=0.1)
    assert net(torch.zeros(5, 40)).shape == (5, 10)
    assert models.count_parameters(net) == 40 * 100 + 100 + 100 * 100 + 100 + 100 * 10 + 10
    assert sum(isinstance(m, torch.nn.Dropout) for m in net) == 2


@pytest.mark.parametrize("activation", ["relu", "leaky_relu", "gelu"])
def test_mlp_uses_he_initialisation_for_the_relu_family(activation):
    torch.manual_seed(0)
    net = models.mlp([1000, 1000, 1], activation=activation)
    assert net[0].weight.std().item() == pytest.approx(np.sqrt(2 / 1000), rel=0.02)
    assert torch.all(net[0].bias == 0)


@pytest.mark.parametrize("activation", ["tanh", "sigmoid"])
def test_mlp_uses_glorot_initialisation_for_tanh_and_sigmoid(activation):
    torch.manual_seed(0)
    net = models.mlp([1000, 600, 1], activation=activation)
    assert net[0].weight.std().item() == pytest.approx(np.sqrt(2 / (1000 + 600)), rel=0.02)
    assert torch.all(net[0].bias == 0)


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"sizes": [10]}, "sizes"),
        ({"sizes": [10, 0]}, "sizes"),
        ({"sizes": [2, 2], "activation": "cube"}, "activation"),
        ({"sizes": [2, 2], "dropout": 1.0}, "dropout"),
    ],
)
def test_mlp_rejects_bad_arguments(kwargs, name):
    with pytest.raises(ValueError, match=name):
        models.mlp(**kwargs)


def test_gabor_model_agrees_in_numpy_and_torch_and_broadcasts():
    x = np.linspace(-15, 15, 31)
    expected = models.gabor_model(x, 0.3, 12.0)
    got = models.gabor_model(torch.from_numpy(x), 0.3, 12.0).numpy()
    np.testing.assert_allclose(got, expected)
    grid = models.gabor_model(x, np.zeros((4, 1, 1)), np.ones((1, 3, 1)))
    assert grid.shape == (4, 3, 31)
    assert models.gabor_model(0.0, 0.0, 1.0) == 0.0


def test_gabor_loss_and_gradient_match_autograd_on_a_grid():
    rng = np.random.default_rng(0)
    x, y = rng.uniform(-15, 15, 20), rng.normal(size=20)
    grid = np.stack(np.meshgrid(np.linspace(-2, 2, 3), np.linspace(5, 20, 4)), axis=-1)
    loss, gradient = models.gabor_loss_and_gradient(x, y, grid)
    assert loss.shape == (4, 3) and gradient.shape == (4, 3, 2)
    phi = torch.tensor(grid[2, 1], requires_grad=True)
    expected = (
        (models.gabor_model(torch.from_numpy(x), phi[0], phi[1]) - torch.from_numpy(y)) ** 2
    ).mean()
    expected.backward()
    assert loss[2, 1] == pytest.approx(expected.item())
    np.testing.assert_allclose(gradient[2, 1], phi.grad.numpy(), rtol=1e-10)
    with pytest.raises(ValueError, match="phi"):
        models.gabor_loss_and_gradient(x, y, np.zeros(3))


def test_mlp_stack_computes_each_network_as_its_own_mlp():
    stack = models.MLPStack(3, [4, 6, 5, 2], seed=1)
    x = torch.randn(3, 7, 4)
    with torch.no_grad():
        out = stack(x)
        for k in range(3):
            h = x[k]
            for position, (weight, bias) in enumerate(zip(stack.weights, stack.biases)):
                h = h @ weight[k] + bias[k]
                h = torch.relu(h) if position < 2 else h
            torch.testing.assert_close(out[k], h)
    assert out.shape == (3, 7, 2)
    assert models.count_parameters(stack) == 3 * models.count_parameters(models.mlp([4, 6, 5, 2]))
    first = stack.weights[0].detach()
    assert abs(first.std().item() - np.sqrt(2 / 4)) < 0.2, "He initialisation"
    assert not torch.equal(first[0], first[1]), "each network has its own initialisation"


def test_mlp_stack_drops_units_only_of_its_dropout_networks_and_only_in_training():
    calls = []

    def recording_dropout(h, mask, p):
        calls.append(mask)
        return h * mask / (1 - p)

    stack = models.MLPStack(2, [3, 2000, 1], dropout=[0.0, 0.5], dropout_layer=recording_dropout)
    x = torch.ones(2, 1, 3)
    with torch.no_grad():
        stack.eval()
        full = stack(x)
        assert not calls, "no dropout in evaluation mode"
        stack.train()
        dropped = stack(x)
    assert len(calls) == 1
    assert torch.all(calls[0][0] == 1) and abs(calls[0][1].mean().item() - 0.5) < 0.05
    torch.testing.assert_close(dropped[0], full[0])  # p = 0: untouched
    assert not torch.allclose(dropped[1], full[1])


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"networks": 0}, "networks"),
        ({"sizes": [3]}, "sizes"),
        ({"dropout": 1.0}, "dropout"),
        ({"dropout": [0.1, 0.2]}, "dropout"),
    ],
)
def test_mlp_stack_rejects_bad_arguments(kwargs, name):
    arguments = {"networks": 3, "sizes": [3, 4, 2]} | kwargs
    with pytest.raises(ValueError, match=name):
        models.MLPStack(**arguments)


def test_mlp_stack_names_the_shape_it_expects():
    with pytest.raises(ValueError, match=r"shape \(networks=3, batch, inputs\)"):
        models.MLPStack(3, [4, 2])(torch.zeros(2, 5, 4))
