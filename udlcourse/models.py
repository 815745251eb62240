"""Model pieces the notebooks share: the Gabor model, fully connected networks (one, or many side by side)."""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np
import torch
from torch import nn


def gabor_model(x, phi0, phi1):
    """The Gabor model of §6.1.2: ``sin(phi0 + 0.06 phi1 x) * exp(-(phi0 + 0.06 phi1 x)^2 / 32)``.

    Works on numpy arrays and torch tensors alike (and broadcasts, so ``phi0`` and ``phi1`` may be grids).
    """
    module = torch if isinstance(x, torch.Tensor) else np
    z = phi0 + 0.06 * phi1 * x
    return module.sin(z) * module.exp(-(z**2) / 32.0)


ACTIVATIONS = {
    "relu": nn.ReLU,
    "tanh": nn.Tanh,
    "sigmoid": nn.Sigmoid,
    "leaky_relu": nn.LeakyReLU,
    "gelu": nn.GELU,
}
GLOROT_ACTIVATIONS = ("tanh", "sigmoid")  # initialised with Glorot/Xavier; the ReLU family with He


def _require_sizes(sizes: Sequence[int]) -> None:
    if len(sizes) < 2 or any(not isinstance(s, int) or s < 1 for s in sizes):
        raise ValueError(f"sizes must list at least two positive integers, got {list(sizes)!r}")


def mlp(sizes: Sequence[int], activation: str = "relu", dropout: float = 0.0) -> nn.Sequential:
    """A fully connected network with layer widths ``sizes`` (input, hidden..., output).

    Hidden layers use ``activation`` (one of ``ACTIVATIONS``) and optional dropout; the output layer is
    linear. The initialisation follows the activation: He initialisation (§7.5, variance 2/D_in) for the
    ReLU family, Glorot/Xavier (variance 2/(D_in + D_out)) for tanh and the sigmoid, which are close to
    linear near zero. Biases start at zero.
    """
    _require_sizes(sizes)
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}, got {activation!r}")
    if not 0.0 <= dropout < 1.0:
        raise ValueError(f"dropout must be in [0, 1), got {dropout!r}")
    layers: list[nn.Module] = []
    for position, (width_in, width_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        linear = nn.Linear(width_in, width_out)
        if activation in GLOROT_ACTIVATIONS:
            nn.init.xavier_normal_(linear.weight)
        else:
            nn.init.kaiming_normal_(linear.weight, nonlinearity="relu")
        nn.init.zeros_(linear.bias)
        layers.append(linear)
        if position < len(sizes) - 2:
            layers.append(ACTIVATIONS[activation]())
            if dropout > 0:
                layers.append(nn.Dropout(dropout))
    return nn.Sequential(*layers)


def count_parameters(model: nn.Module) -> int:
    """The number of trainable parameters of a torch model."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


def gabor_loss_and_gradient(
    x: np.ndarray, y: np.ndarray, phi: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Mean squared error of the Gabor model on data ``(x, y)`` and its gradient (the derivation of Exercise 6.2).

    ``phi`` has shape ``(..., 2)``: one parameter vector or a whole grid of them. Returns the loss, of shape
    ``phi.shape[:-1]``, and the gradient with respect to ``(phi0, phi1)``, of the same shape as ``phi``.
    """
    phi = np.asarray(phi, dtype=float)
    if phi.shape[-1:] != (2,):
        raise ValueError(f"phi must have shape (..., 2), got {phi.shape}")
    z = phi[..., 0, None] + 0.06 * phi[..., 1, None] * x
    envelope = np.exp(-(z**2) / 32.0)
    residual = np.sin(z) * envelope - y
    dmodel_dz = envelope * (np.cos(z) - z * np.sin(z) / 16.0)
    loss = np.mean(residual**2, axis=-1)
    gradient = np.stack(
        [
            np.mean(2 * residual * dmodel_dz, axis=-1),
            np.mean(2 * residual * dmodel_dz * 0.06 * x, axis=-1),
        ],
        axis=-1,
    )
    return loss, gradient


def _inverted_dropout(h: torch.Tensor, mask: torch.Tensor, p: torch.Tensor) -> torch.Tensor:
    return h * mask / (1 - p)


class MLPStack(nn.Module):
    """``networks`` fully connected ReLU networks with the same layer widths ``sizes``, computed side by side.

    Their weights are stacked along a leading network axis and each layer is one batched matrix product
    (``torch.baddbmm``), so training them together is as fast as training one bigger network. Because the
    loss that :func:`udlcourse.train.fit_stack` minimises is the sum of the networks' losses and Adam works
    parameter by parameter, this is the same as training the networks one after the other (chapter 9
    trains its ensembles, dropout and augmentation networks this way).

    Weights start with He initialisation and biases at zero. ``dropout`` is one probability, or one per
    network, applied after every hidden ReLU in training mode as ``dropout_layer(h, mask, p)`` with a 0/1
    ``mask`` (default: inverted dropout, ``h * mask / (1 - p)``; chapter 9 passes the learner's own).
    ``seed`` seeds the initialisation and the dropout masks.

    ``forward(x)`` maps inputs of shape ``(networks, batch, sizes[0])`` to ``(networks, batch, sizes[-1])``.
    """

    def __init__(
        self,
        networks: int,
        sizes: Sequence[int],
        dropout: float | Sequence[float] = 0.0,
        dropout_layer: Callable = _inverted_dropout,
        seed: int = 0,
    ):
        super().__init__()
        if not isinstance(networks, int) or networks < 1:
            raise ValueError(f"networks must be a positive integer, got {networks!r}")
        _require_sizes(sizes)
        rates = [float(dropout)] * networks if np.isscalar(dropout) else [float(p) for p in dropout]
        if len(rates) != networks or not all(0.0 <= p < 1.0 for p in rates):
            raise ValueError(
                f"dropout must be a probability in [0, 1) or one per network ({networks}), got {dropout!r}"
            )
        self.networks, self.dropout_layer = networks, dropout_layer
        self.register_buffer("dropout", torch.tensor(rates).view(networks, 1, 1))
        self.generator = torch.Generator().manual_seed(seed)
        self.weights, self.biases = nn.ParameterList(), nn.ParameterList()
        for width_in, width_out in zip(sizes[:-1], sizes[1:]):
            weight = torch.randn(networks, width_in, width_out, generator=self.generator)
            self.weights.append(nn.Parameter(weight * np.sqrt(2 / width_in)))
            self.biases.append(nn.Parameter(torch.zeros(networks, 1, width_out)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.dim() != 3 or x.shape[0] != self.networks:
            raise ValueError(
                f"x must have shape (networks={self.networks}, batch, inputs), got {tuple(x.shape)}"
            )
        h = x
        for position, (weight, bias) in enumerate(zip(self.weights, self.biases)):
            h = torch.baddbmm(bias, h, weight)
            if position < len(self.weights) - 1:
                h = torch.relu(h)
                if self.training and bool(torch.any(self.dropout > 0)):
                    draw = torch.rand(h.shape, generator=self.generator).to(h.device)
                    mask = (draw >= self.dropout).float()
                    h = self.dropout_layer(h, mask, self.dropout)
        return h
