"""The course's plot style and the figures several chapters draw.

Every helper draws on an ``Axes`` you pass (or makes one) and returns what it drew, so notebooks stay
in charge of layout. All figures get labelled axes and readable fonts at notebook width.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

# Colour-blind-safe palette (Okabe and Ito 2008), in the order lines are drawn.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
DATA_COLOR = "#555555"
MODEL_COLOR = PALETTE[0]

COURSE_STYLE = {
    "figure.figsize": (6.0, 4.0),
    "figure.dpi": 90,
    "savefig.dpi": 120,
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.fontsize": 10,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": plt.cycler(color=PALETTE),
    "image.cmap": "viridis",
    "figure.constrained_layout.use": True,
}


def use_course_style() -> None:
    """Apply the course's matplotlib style (called by :func:`udlcourse.setup`)."""
    plt.rcParams.update(COURSE_STYLE)


def _axes(ax: Axes | None) -> Axes:
    return plt.subplots()[1] if ax is None else ax


def data_and_model(
    x: np.ndarray,
    y: np.ndarray,
    x_model: np.ndarray | None = None,
    y_model: np.ndarray | None = None,
    ax: Axes | None = None,
    xlabel: str = "input x",
    ylabel: str = "output y",
    data_label: str = "data",
    model_label: str = "model",
    title: str | None = None,
) -> Axes:
    """Scatter 1D training data and, optionally, draw a model's curve through it."""
    ax = _axes(ax)
    ax.scatter(
        np.ravel(x), np.ravel(y), s=18, color=DATA_COLOR, alpha=0.8, label=data_label, zorder=3
    )
    if x_model is not None and y_model is not None:
        order = np.argsort(np.ravel(x_model))
        ax.plot(
            np.ravel(x_model)[order],
            np.ravel(y_model)[order],
            color=MODEL_COLOR,
            lw=2,
            label=model_label,
        )
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    ax.legend(loc="best")
    return ax


def surface(
    grid_x: np.ndarray,
    grid_y: np.ndarray,
    values: np.ndarray,
    ax: Axes | None = None,
    xlabel: str = r"$\phi_0$",
    ylabel: str = r"$\phi_1$",
    title: str | None = None,
    colorbar_label: str = "loss",
    log_scale: bool = False,
    levels: int = 30,
):
    """Draw a function of two parameters (a loss surface) as filled contours with a colour bar.

    ``grid_x`` and ``grid_y`` are the meshgrid of the two parameters, ``values`` the function on it.
    With ``log_scale`` the colours follow log10 of the values, which shows the floor of a valley.
    """
    if np.shape(grid_x) != np.shape(values) or np.shape(grid_y) != np.shape(values):
        raise ValueError("grid_x, grid_y and values must have the same shape (use np.meshgrid)")
    ax = _axes(ax)
    shown = np.log10(np.maximum(values, 1e-12)) if log_scale else values
    filled = ax.contourf(grid_x, grid_y, shown, levels=levels)
    ax.contour(grid_x, grid_y, shown, levels=levels, colors="k", linewidths=0.3, alpha=0.4)
    bar = ax.figure.colorbar(filled, ax=ax)
    bar.set_label(f"log$_{{10}}$ {colorbar_label}" if log_scale else colorbar_label)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(False)
    if title:
        ax.set_title(title)
    return filled


def path(points: np.ndarray, ax: Axes, label: str | None = None, color: str | None = None) -> None:
    """Draw an optimisation path (a sequence of 2D parameter vectors) with its start and end marked."""
    points = np.asarray(points, dtype=float)
    if points.ndim != 2 or points.shape[1] != 2:
        raise ValueError(f"points must have shape (steps, 2), got {points.shape}")
    line = ax.plot(
        points[:, 0], points[:, 1], "-", lw=1.5, marker=".", ms=4, label=label, color=color
    )[0]
    ax.plot(*points[0], "o", color=line.get_color(), ms=7, mec="white")
    ax.plot(*points[-1], "*", color=line.get_color(), ms=12, mec="white")


def history(
    curves: Mapping[str, Sequence[float]],
    ax: Axes | None = None,
    xlabel: str = "epoch",
    ylabel: str = "value",
    title: str | None = None,
    log_y: bool = False,
    start: int = 1,
) -> Axes:
    """Plot named curves against their index (e.g. train and test loss against epoch).

    ``start`` is the index of each curve's first value: 1 for values recorded after each epoch (as
    :func:`udlcourse.train.fit` records them), 0 for a path whose first value is the starting point.
    """
    if start not in (0, 1):
        raise ValueError(
            f"start must be 0 (the first value is the starting point) or 1, got {start!r}"
        )
    ax = _axes(ax)
    for name, values in curves.items():
        ax.plot(np.arange(start, len(values) + start), values, lw=2, label=name)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if log_y:
        ax.set_yscale("log")
    if title:
        ax.set_title(title)
    ax.legend(loc="best")
    return ax


def signals(x: np.ndarray, labels: Sequence[int], count: int = 10, title: str | None = None):
    """Show the first ``count`` 1D signals (e.g. MNIST-1D examples) in a row, each titled with its label."""
    x = np.asarray(x)
    if x.ndim != 2:
        raise ValueError(f"x must have shape (examples, length), got {x.shape}")
    if not 1 <= count <= len(x):
        raise ValueError(f"count must be between 1 and {len(x)}, got {count}")
    fig, axes = plt.subplots(1, count, figsize=(1.2 * count, 2.4), sharey=True)
    axes = np.atleast_1d(axes)
    position = np.arange(x.shape[1])
    for ax, signal, label in zip(axes, x[:count], labels[:count]):
        ax.plot(signal, position, color=MODEL_COLOR, lw=1.5)
        ax.set_title(f"label {int(label)}", fontsize=10)
        ax.set_xticks([])
        ax.invert_yaxis()
    axes[0].set_ylabel("position")
    if title:
        fig.suptitle(title)
    return fig


def digits(
    rows: Sequence[Sequence[np.ndarray]] | np.ndarray,
    title: str | None = None,
    labels: Sequence[str] | None = None,
):
    """Show 8×8 digit images (pixel values in [0, 1], as ``udl.data.digits`` holds them) in a grid.

    ``rows`` holds one row of images per entry, each image 64 values or 8×8, for example an array of shape
    (rows, columns, 64); rows may differ in length. ``labels`` names each row on its left. Returns the figure.
    """
    rows = [np.asarray(row, dtype=float) for row in rows]
    if not rows or any(len(row) == 0 for row in rows):
        raise ValueError("rows must hold at least one row, and each row at least one image")
    if any(row[0].size != 64 for row in rows):
        raise ValueError(
            f"each image must have 64 pixels (8×8), got {[row[0].shape for row in rows]}"
        )
    if labels is not None and len(labels) != len(rows):
        raise ValueError(f"labels must name each of the {len(rows)} rows, got {len(labels)}")
    columns = max(len(row) for row in rows)
    fig, axes = plt.subplots(
        len(rows), columns, figsize=(0.8 * columns, 0.85 * len(rows) + 0.5), squeeze=False
    )
    for r, row in enumerate(rows):
        for c, ax in enumerate(axes[r]):
            ax.set(xticks=[], yticks=[])
            ax.grid(False)
            for spine in ax.spines.values():  # a light frame on all four sides
                spine.set(visible=True, color="0.75", linewidth=0.8)
            if c < len(row):
                ax.imshow(row[c].reshape(8, 8), cmap="gray_r", vmin=0, vmax=1)
            else:
                ax.axis("off")
        if labels is not None:
            axes[r, 0].set_ylabel(labels[r], rotation=0, ha="right", va="center", fontsize=9)
    if title:
        fig.suptitle(title)
    return fig
