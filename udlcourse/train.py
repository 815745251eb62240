"""Small training loops: epochs of shuffled mini-batches, evaluation each epoch, a history of numbers.

:func:`fit` trains one model on a data split; :func:`fit_stack` trains the many small classifiers of a
:class:`udlcourse.models.MLPStack` side by side. In a live notebook :func:`fit` shows a ``tqdm.auto``
progress bar; in a headless run (papermill) it prints one summary line instead, so saved notebooks are
neither flooded nor left with a bar frozen at 0%.
"""

from __future__ import annotations

import time
from typing import Callable

import numpy as np
import torch
from torch import nn

from udlcourse.data import Split
from udlcourse.runtime import is_interactive


@torch.no_grad()
def evaluate(
    model: nn.Module, x: torch.Tensor, y: torch.Tensor, loss_fn: Callable, batch_size: int = 4096
) -> tuple[float, float | None]:
    """Return the mean loss of ``model`` on ``(x, y)`` and, for integer class labels, the accuracy."""
    was_training = model.training
    model.eval()
    total_loss, correct = 0.0, 0
    for start in range(0, len(x), batch_size):
        xb, yb = x[start : start + batch_size], y[start : start + batch_size]
        output = model(xb)
        total_loss += loss_fn(output, yb).item() * len(xb)
        if not yb.is_floating_point():
            correct += (output.argmax(dim=1) == yb).sum().item()
    model.train(was_training)
    accuracy = None if y.is_floating_point() else correct / len(x)
    return total_loss / len(x), accuracy


def _require_training_arguments(epochs: int, batch_size: int, x_train, y_train) -> None:
    """The argument checks that :func:`fit` and :func:`fit_stack` share."""
    if not isinstance(epochs, int) or epochs < 1:
        raise ValueError(f"epochs must be a positive integer, got {epochs!r}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
    if len(x_train) != len(y_train):
        raise ValueError(
            f"x_train and y_train must have the same length, got {len(x_train)} and {len(y_train)}"
        )


def fit(
    model: nn.Module,
    data: Split,
    epochs: int,
    batch_size: int,
    optimizer: torch.optim.Optimizer,
    loss_fn: Callable = nn.CrossEntropyLoss(),
    scheduler: torch.optim.lr_scheduler.LRScheduler | str | None = None,
    seed: int = 0,
    progress: bool = True,
) -> dict[str, list[float]]:
    """Train ``model`` with mini-batch ``optimizer`` steps on a data split and return its history.

    ``data`` is a :class:`udlcourse.data.Split` of tensors, as ``udl.data.mnist1d(as_tensors=True)`` returns
    (build one with ``Split(x_train, y_train, x_test, y_test)``; the test fields may be ``None``). Each
    epoch visits the training data once in a shuffled order (seeded by ``seed``), then evaluates the model
    on all training data and on the test data. ``scheduler`` (if any) steps once per epoch; ``"cosine"``
    builds the cosine schedule that decays the learning rate to zero over ``epochs`` (§6.2.1).

    Returns:
        A dict of lists, one entry per epoch: ``epoch``, ``train_loss``, ``test_loss`` and, for class
        labels, ``train_accuracy`` and ``test_accuracy``.
    """
    if not isinstance(data, Split):
        raise ValueError(
            f"data must be a udl.data.Split (x_train, y_train, x_test, y_test), got {type(data).__name__}"
        )
    x_train, y_train, x_test, y_test = data
    _require_training_arguments(epochs, batch_size, x_train, y_train)
    if (x_test is None) != (y_test is None):
        raise ValueError("x_test and y_test must be given together")
    if scheduler == "cosine":
        scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=epochs)
    elif isinstance(scheduler, str):
        raise ValueError(f"scheduler must be an LRScheduler, 'cosine' or None, got {scheduler!r}")
    classification = not y_train.is_floating_point()
    keys = ["epoch", "train_loss"] + (["train_accuracy"] if classification else [])
    if x_test is not None:
        keys += ["test_loss"] + (["test_accuracy"] if classification else [])
    history: dict[str, list[float]] = {key: [] for key in keys}

    generator = torch.Generator().manual_seed(seed)
    bar = None
    if progress and is_interactive():
        from tqdm.auto import tqdm

        bar = tqdm(total=epochs, desc="training", unit="epoch")
    started = time.perf_counter()
    model.train()
    for epoch in range(1, epochs + 1):
        order = torch.randperm(len(x_train), generator=generator).to(x_train.device)
        for start in range(0, len(x_train), batch_size):
            batch = order[start : start + batch_size]
            optimizer.zero_grad()
            loss = loss_fn(model(x_train[batch]), y_train[batch])
            loss.backward()
            optimizer.step()
        if scheduler is not None:
            scheduler.step()
        history["epoch"].append(epoch)
        _append(history, "train", evaluate(model, x_train, y_train, loss_fn))
        if x_test is not None:
            _append(history, "test", evaluate(model, x_test, y_test, loss_fn))
        if bar is not None:
            bar.update(1)
            bar.set_postfix(
                {key: f"{values[-1]:.3g}" for key, values in history.items() if key != "epoch"}
            )
    if bar is not None:
        bar.close()
    elif progress:
        summary = ", ".join(
            f"{key} {values[-1]:.4g}" for key, values in history.items() if key != "epoch"
        )
        print(f"trained {epochs} epochs in {time.perf_counter() - started:.1f} s: {summary}")
    return history


def _append(
    history: dict[str, list[float]], prefix: str, result: tuple[float, float | None]
) -> None:
    loss, accuracy = result
    history[f"{prefix}_loss"].append(loss)
    if accuracy is not None:
        history[f"{prefix}_accuracy"].append(accuracy)


def _stack_scores(stack: nn.Module, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each network's mean cross-entropy and accuracy on ``(x, y)``, both of shape (networks,)."""
    was_training = stack.training
    stack.eval()
    with torch.no_grad():
        logits = stack(torch.as_tensor(x, dtype=torch.float32).expand(stack.networks, -1, -1))
        targets = torch.as_tensor(y).expand(stack.networks, -1)
        loss = nn.functional.cross_entropy(logits.permute(0, 2, 1), targets, reduction="none").mean(
            dim=1
        )
        accuracy = (logits.argmax(dim=-1) == targets).float().mean(dim=1)
    stack.train(was_training)
    return loss.numpy(), accuracy.numpy()


def fit_stack(
    stack: nn.Module,
    x_train: np.ndarray,
    y_train: np.ndarray,
    epochs: int,
    batch_size: int,
    optimizer: torch.optim.Optimizer,
    evaluate_on: dict[str, tuple[np.ndarray, np.ndarray]],
    transform: Callable[[np.ndarray, np.random.Generator], np.ndarray] | None = None,
    seed: int = 0,
    progress: bool = True,
) -> dict[str, np.ndarray]:
    """Train the classifiers of a :class:`udlcourse.models.MLPStack` side by side and return their histories.

    In every epoch each network visits the training data ``(x_train, y_train)`` (numpy arrays) in its own
    shuffled order; a step minimises the sum of the networks' mean cross-entropies on their batches.
    ``transform(batch, rng)``, if given, changes the inputs of each batch, shape (networks, batch, inputs),
    before the step (chapter 9 augments some networks' data); ``rng`` is the generator seeded by ``seed``
    that also shuffles the data. After each epoch every network is evaluated on each named set of
    ``evaluate_on`` (for example ``{"train": ..., "val": ..., "test": ...}``).

    Returns:
        ``{name}_loss`` and ``{name}_accuracy`` for each name of ``evaluate_on``: arrays of shape
        (epochs, networks).
    """
    _require_training_arguments(epochs, batch_size, x_train, y_train)
    if not evaluate_on:
        raise ValueError(
            "evaluate_on must name at least one (x, y) set to evaluate after each epoch"
        )
    history: dict[str, list[np.ndarray]] = {
        f"{name}_{kind}": [] for name in evaluate_on for kind in ("loss", "accuracy")
    }
    rng = np.random.default_rng(seed)
    networks, started = stack.networks, time.perf_counter()
    stack.train()
    for _ in range(epochs):
        orders = np.stack([rng.permutation(len(x_train)) for _ in range(networks)])
        for first in range(0, len(x_train), batch_size):
            index = orders[
                :, first : first + batch_size
            ]  # (networks, batch): each its own examples
            inputs = x_train[index] if transform is None else transform(x_train[index], rng)
            logits = stack(torch.as_tensor(inputs, dtype=torch.float32))
            loss = nn.functional.cross_entropy(
                logits.reshape(-1, logits.shape[-1]), torch.as_tensor(y_train[index]).reshape(-1)
            )
            optimizer.zero_grad()
            (loss * networks).backward()  # the sum of the networks' mean losses
            optimizer.step()
        for name, (x, y) in evaluate_on.items():
            loss, accuracy = _stack_scores(stack, x, y)
            history[f"{name}_loss"].append(loss)
            history[f"{name}_accuracy"].append(accuracy)
    if progress:
        print(
            f"trained {networks} networks for {epochs} epochs in {time.perf_counter() - started:.1f} s"
        )
    return {key: np.array(values) for key, values in history.items()}
