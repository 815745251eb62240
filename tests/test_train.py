import numpy as np
import pytest
import torch
from torch import nn

from udlcourse import models, train
from udlcourse.data import Split


def blobs(n=200, seed=0):
    generator = torch.Generator().manual_seed(seed)
    y = torch.arange(n) % 2
    x = torch.randn(n, 2, generator=generator) * 0.5 + (2 * y[:, None] - 1) * 1.5
    return x, y


def test_fit_learns_a_separable_problem_and_records_each_epoch(headless, capsys):
    torch.manual_seed(0)
    x, y = blobs()
    x_test, y_test = blobs(seed=1)
    net = models.mlp([2, 16, 2])
    history = train.fit(
        net,
        Split(x, y, x_test, y_test),
        epochs=15,
        batch_size=32,
        optimizer=torch.optim.Adam(net.parameters(), 1e-2),
    )
    assert set(history) == {"epoch", "train_loss", "train_accuracy", "test_loss", "test_accuracy"}
    assert all(len(values) == 15 for values in history.values())
    assert history["test_accuracy"][-1] > 0.95
    assert history["train_loss"][-1] < history["train_loss"][0]
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "trained 15 epochs" in out, "headless: one summary line, no bar"


def test_fit_is_deterministic_and_handles_regression(headless):
    def run():
        torch.manual_seed(1)
        x = torch.linspace(-1, 1, 64)[:, None]
        y = 3 * x + 1
        net = models.mlp([1, 8, 1])
        return train.fit(
            net,
            Split(x, y, None, None),
            epochs=5,
            batch_size=16,
            optimizer=torch.optim.SGD(net.parameters(), 0.05),
            loss_fn=nn.MSELoss(),
            progress=False,
        )

    first, second = run(), run()
    assert first == second
    assert "train_accuracy" not in first


def test_evaluate_restores_training_mode():
    x, y = blobs()
    net = models.mlp([2, 4, 2], dropout=0.5)
    net.train()
    loss, accuracy = train.evaluate(net, x, y, nn.CrossEntropyLoss())
    assert net.training and loss > 0 and 0 <= accuracy <= 1


def test_fit_builds_the_cosine_schedule_that_decays_to_zero(headless):
    x, y = blobs()
    net = models.mlp([2, 4, 2])
    optimizer = torch.optim.SGD(net.parameters(), 0.1)
    train.fit(net, Split(x, y, None, None), 4, 50, optimizer, scheduler="cosine", progress=False)
    assert optimizer.param_groups[0]["lr"] == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"epochs": 0}, "epochs"),
        ({"batch_size": 0}, "batch_size"),
        ({"scheduler": "linear"}, "scheduler"),
    ],
)
def test_fit_rejects_bad_arguments(kwargs, name):
    x, y = blobs()
    net = models.mlp([2, 4, 2])
    arguments = {
        "epochs": 1,
        "batch_size": 8,
        "optimizer": torch.optim.SGD(net.parameters(), 0.1),
    } | kwargs
    with pytest.raises(ValueError, match=name):
        train.fit(net, Split(x, y, None, None), **arguments)


def test_fit_rejects_data_that_is_not_a_consistent_split():
    x, y = blobs()
    net = models.mlp([2, 4, 2])
    arguments = {"epochs": 1, "batch_size": 8, "optimizer": torch.optim.SGD(net.parameters(), 0.1)}
    with pytest.raises(ValueError, match="same length"):
        train.fit(net, Split(x, y[:-1], None, None), **arguments)
    with pytest.raises(ValueError, match="x_test and y_test"):
        train.fit(net, Split(x, y, x, None), **arguments)
    with pytest.raises(ValueError, match="Split"):
        train.fit(net, (x, y, x, y), **arguments)


def test_fit_stack_trains_each_network_on_its_own_data_only(headless, capsys):
    x, y = blobs()
    x_test, y_test = blobs(seed=1)
    x, y, x_test, y_test = (t.numpy() for t in (x, y, x_test, y_test))

    def run(transform):
        stack = models.MLPStack(2, [2, 16, 2], seed=0)
        history = train.fit_stack(
            stack,
            x,
            y,
            8,
            32,
            torch.optim.Adam(stack.parameters(), 1e-2),
            evaluate_on={"train": (x, y), "test": (x_test, y_test)},
            transform=transform,
        )
        return stack, history

    # not the shuffling rng: drawing from it would change the batch orders of network 0 too
    noise = np.random.default_rng(99)

    def scramble_second(batch, rng):  # network 1 learns from noise
        batch = batch.copy()
        batch[1] = noise.standard_normal(batch[1].shape)
        return batch

    plain, history = run(None)
    scrambled, scrambled_history = run(scramble_second)
    assert set(history) == {"train_loss", "train_accuracy", "test_loss", "test_accuracy"}
    assert history["test_accuracy"].shape == (8, 2)
    assert np.all(history["test_accuracy"][-1] > 0.95)
    for weight, other in zip(plain.weights, scrambled.weights):
        assert torch.equal(weight[0], other[0]), "network 0 must not see network 1's data"
        assert not torch.equal(weight[1], other[1])
    assert scrambled_history["test_accuracy"][-1, 1] < 0.9
    assert "trained 2 networks for 8 epochs" in capsys.readouterr().out


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"epochs": 0}, "epochs"),
        ({"batch_size": 0}, "batch_size"),
        ({"evaluate_on": {}}, "evaluate_on"),
        ({"y_train": np.zeros(3, dtype=int)}, "same length"),
    ],
)
def test_fit_stack_rejects_bad_arguments(kwargs, name):
    x, y = (t.numpy() for t in blobs())
    stack = models.MLPStack(2, [2, 4, 2])
    arguments = {
        "x_train": x,
        "y_train": y,
        "epochs": 1,
        "batch_size": 8,
        "optimizer": torch.optim.SGD(stack.parameters(), 0.1),
        "evaluate_on": {"train": (x, y)},
    } | kwargs
    with pytest.raises(ValueError, match=name):
        train.fit_stack(stack, **arguments)
