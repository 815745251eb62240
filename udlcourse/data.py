"""The course's data sets, all generated offline in code.

* :func:`linear_1d`: noisy points around a line (chapter 2).
* :func:`toy_1d`: noisy samples of a smooth 1D function on [0, 1] (chapters 3 and 8).
* :func:`gabor`: data for the non-convex Gabor model (chapters 6 and 9).
* :func:`mnist1d`: MNIST-1D (Greydanus and Kobak 2020), generated procedurally with the ``mnist1d``
  package and cached on disk, so a second call is fast.
* :func:`digits`: scikit-learn's bundled 8×8 handwritten digits (no download), scaled to [0, 1].

Each returns a :class:`Split` of training and test data, as numpy arrays or (``as_tensors=True``) as
torch tensors.
"""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import NamedTuple

import numpy as np
import torch

from udlcourse.models import gabor_model


class Split(NamedTuple):
    """Training and test inputs and targets (``udl.train.fit`` also takes a split without test data: ``None``)."""

    x_train: np.ndarray | torch.Tensor
    y_train: np.ndarray | torch.Tensor
    x_test: np.ndarray | torch.Tensor | None
    y_test: np.ndarray | torch.Tensor | None


def _require_count(name: str, value: int, minimum: int = 1) -> None:
    if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < minimum:
        raise ValueError(f"{name} must be an integer of at least {minimum}, got {value!r}")


def _require_non_negative(name: str, value: float) -> None:
    if (
        not isinstance(value, (int, float, np.floating))
        or isinstance(value, bool)
        or not value >= 0
    ):
        raise ValueError(f"{name} must be a non-negative number, got {value!r}")


def _require_sample_sizes_and_noise(
    n_train: int, n_test: int, noise: float, min_test: int = 1
) -> None:
    """The checks shared by the synthetic data sets: sizes are positive integers, the noise is not negative."""
    _require_count("n_train", n_train)
    _require_count("n_test", n_test, minimum=min_test)
    _require_non_negative("noise", noise)


def _to_tensors(split: Split, device: torch.device | str | None) -> Split:
    def convert(array: np.ndarray) -> torch.Tensor:
        dtype = torch.long if np.issubdtype(array.dtype, np.integer) else torch.float32
        return torch.as_tensor(array, dtype=dtype, device=device)

    return Split(*(convert(array) for array in split))


def _finish(split: Split, as_tensors: bool, device: torch.device | str | None) -> Split:
    return _to_tensors(split, device) if as_tensors else split


def linear_1d(
    n_train: int = 12,
    n_test: int = 50,
    intercept: float = 0.4,
    slope: float = 0.6,
    noise: float = 0.15,
    seed: int = 0,
    as_tensors: bool = False,
    device: torch.device | str | None = None,
) -> Split:
    """Points ``y = intercept + slope * x + noise`` with ``x`` uniform on [0, 2] (the data of Fig. 2.2).

    Inputs and targets have shape ``(n,)``.
    """
    _require_sample_sizes_and_noise(n_train, n_test, noise)
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.0, 2.0, size=n_train + n_test)
    y = intercept + slope * x + noise * rng.standard_normal(x.shape)
    split = Split(x[:n_train], y[:n_train], x[n_train:], y[n_train:])
    return _finish(split, as_tensors, device)


def toy_function(x: np.ndarray) -> np.ndarray:
    """The smooth 'true' function behind :func:`toy_1d`: one and a half periods of a sine with a trend."""
    return np.sin(3.0 * np.pi * x) + 0.8 * x


def toy_1d(
    n_train: int = 15,
    n_test: int = 200,
    noise: float = 0.3,
    seed: int = 0,
    as_tensors: bool = False,
    device: torch.device | str | None = None,
) -> Split:
    """Noisy samples ``y = toy_function(x) + noise`` with ``x`` uniform on [0, 1] (chapters 3 and 8).

    The test inputs are evenly spaced on [0, 1], so plots of test predictions are smooth curves.
    """
    _require_sample_sizes_and_noise(n_train, n_test, noise, min_test=2)
    rng = np.random.default_rng(seed)
    x_train = np.sort(rng.uniform(0.0, 1.0, size=n_train))
    x_test = np.linspace(0.0, 1.0, n_test)
    y_train = toy_function(x_train) + noise * rng.standard_normal(n_train)
    y_test = toy_function(x_test) + noise * rng.standard_normal(n_test)
    return _finish(Split(x_train, y_train, x_test, y_test), as_tensors, device)


GABOR_TRUE_PARAMETERS = (0.0, 16.6)


def gabor(
    n_train: int = 40,
    n_test: int = 200,
    noise: float = 0.1,
    seed: int = 0,
    as_tensors: bool = False,
    device: torch.device | str | None = None,
) -> Split:
    """Noisy samples of the Gabor model (the model of Figs. 6.1 and 9.1) at ``GABOR_TRUE_PARAMETERS``.

    Inputs are uniform on [-15, 15]; see :func:`udlcourse.models.gabor_model`.
    """
    _require_sample_sizes_and_noise(n_train, n_test, noise)
    rng = np.random.default_rng(seed)
    x = rng.uniform(-15.0, 15.0, size=n_train + n_test)
    y = gabor_model(x, *GABOR_TRUE_PARAMETERS) + noise * rng.standard_normal(x.shape)
    return _finish(Split(x[:n_train], y[:n_train], x[n_train:], y[n_train:]), as_tensors, device)


MNIST1D_LENGTH = 40
MNIST1D_CLASSES = 10
_MNIST1D_MEMORY: dict[tuple[int, int], Split] = {}


def cache_dir() -> Path:
    """Folder for generated data: ``$UDLCOURSE_CACHE_DIR``, else ``~/.cache/udlcourse``."""
    return Path(os.environ.get("UDLCOURSE_CACHE_DIR", Path.home() / ".cache" / "udlcourse"))


def _generate_mnist1d(num_samples: int, seed: int) -> Split:
    from mnist1d.data import get_dataset_args, make_dataset

    args = get_dataset_args()
    args.num_samples = num_samples
    args.seed = seed
    # make_dataset reseeds the global generators; keep the learner's random streams untouched.
    numpy_state, python_state = np.random.get_state(), random.getstate()
    try:
        raw = make_dataset(args)
    finally:
        np.random.set_state(numpy_state)
        random.setstate(python_state)
    return Split(
        raw["x"].astype(np.float32),
        raw["y"].astype(np.int64),
        raw["x_test"].astype(np.float32),
        raw["y_test"].astype(np.int64),
    )


def mnist1d(
    num_samples: int = 5000,
    seed: int = 42,
    as_tensors: bool = False,
    device: torch.device | str | None = None,
) -> Split:
    """MNIST-1D: 1D signals of length 40 in 10 classes, 80% for training and 20% for testing.

    ``num_samples=5000, seed=42`` is the standard data set of the MNIST-1D paper (4000 training and
    1000 test examples). Generated with ``mnist1d.data.make_dataset`` (never downloaded) and cached in
    memory and in :func:`cache_dir`. Inputs are float32 of shape ``(n, 40)``, labels int64 of shape ``(n,)``.
    """
    _require_count("num_samples", num_samples, minimum=MNIST1D_CLASSES * 2)
    _require_count("seed", seed, minimum=0)
    key = (int(num_samples), int(seed))
    if key not in _MNIST1D_MEMORY:
        path = cache_dir() / f"mnist1d-v1-{num_samples}-{seed}.npz"
        try:
            with np.load(path) as stored:
                split = Split(*(stored[name] for name in Split._fields))
        except (OSError, KeyError, ValueError):
            split = _generate_mnist1d(num_samples, seed)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                temporary = path.with_suffix(f".{os.getpid()}.tmp.npz")
                np.savez(temporary, **split._asdict())
                temporary.replace(path)
            except OSError:
                pass  # a read-only home folder only costs the regeneration next time
        _MNIST1D_MEMORY[key] = split
    split = Split(*(array.copy() for array in _MNIST1D_MEMORY[key]))
    return _finish(split, as_tensors, device)


DIGITS_PIXELS = 64


def digits(
    test_fraction: float = 0.25,
    seed: int = 0,
    as_tensors: bool = False,
    device: torch.device | str | None = None,
) -> Split:
    """scikit-learn's 8×8 handwritten digits (1,797 images bundled with the package, never downloaded).

    Inputs are float32 of shape ``(n, 64)`` (rows of the 8×8 image, pixel values scaled from 0–16 to
    [0, 1]); labels are int64 digits 0–9. The split is stratified by class and seeded by ``seed``.
    """
    from sklearn.datasets import load_digits

    if not isinstance(test_fraction, float) or not 0.0 < test_fraction < 1.0:
        raise ValueError(
            f"test_fraction must be a float strictly between 0 and 1, got {test_fraction!r}"
        )
    _require_count("seed", seed, minimum=0)
    bunch = load_digits()
    x = (bunch.data / 16.0).astype(np.float32)
    y = bunch.target.astype(np.int64)
    rng = np.random.default_rng(int(seed))
    test = np.zeros(len(y), dtype=bool)
    for label in np.unique(y):  # stratified: the same fraction of every digit in the test set
        members = np.flatnonzero(y == label)
        test[rng.choice(members, size=int(round(test_fraction * len(members))), replace=False)] = (
            True
        )
    split = Split(x[~test], y[~test], x[test], y[test])
    return _finish(split, as_tensors, device)
