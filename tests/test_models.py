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
