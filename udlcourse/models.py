"""Model pieces that an earlier chapter has already taught, kept here for later chapters."""

from __future__ import annotations

from typing import Sequence

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


def mlp(sizes: Sequence[int], activation: str = "relu", dropout: float = 0.0) -> nn.Sequential:
    """A fully connected network with layer widths ``sizes`` (input, hidden..., output).

    Hidden layers use ``activation`` (one of ``ACTIVATIONS``) and optional dropout; the output layer is
    linear. The initialisation follows the activation: He initialisation (§7.5, variance 2/D_in) for the
    ReLU family, Glorot/Xavier (variance 2/(D_in + D_out)) for tanh and the sigmoid, which are close to
    linear near zero. Biases start at zero.
    """
    if len(sizes) < 2 or any(not isinstance(s, int) or s < 1 for s in sizes):
        raise ValueError(f"sizes must list at least two positive integers, got {list(sizes)!r}")
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
