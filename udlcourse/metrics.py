"""Judging generative models by their samples (taught in chapter 14, used in chapters 15–18).

* :func:`frechet_distance`: the Fréchet distance between Gaussians fitted to two sets of feature vectors,
  the formula behind FID (Heusel et al. 2017); :func:`gaussian_frechet_distance` is the closed form.
* :func:`precision_recall`: precision and recall of samples with k-nearest-neighbour manifolds
  (Kynkäänniemi et al. 2019): precision is the fraction of samples that fall on the data's manifold
  (quality), recall the fraction of data that falls on the samples' manifold (coverage).
* :func:`digit_classifier` and :func:`digit_features`: a small classifier of the 8×8 digits whose last hidden
  layer plays the part that Inception features play in FID.
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn


def _as_matrix(name: str, value: np.ndarray | torch.Tensor, min_rows: int = 2) -> np.ndarray:
    if isinstance(value, torch.Tensor):
        value = value.detach().cpu().numpy()
    array = np.asarray(value, dtype=float)
    if array.ndim != 2 or array.shape[0] < min_rows:
        raise ValueError(
            f"{name} must be a 2D array of at least {min_rows} rows (one row per sample), "
            f"got shape {array.shape}"
        )
    if not np.isfinite(array).all():
        raise ValueError(f"{name} must hold finite numbers")
    return array


def _psd_sqrt(matrix: np.ndarray) -> np.ndarray:
    values, vectors = np.linalg.eigh((matrix + matrix.T) / 2)
    return (vectors * np.sqrt(np.clip(values, 0.0, None))) @ vectors.T


def gaussian_frechet_distance(
    mean1: np.ndarray, cov1: np.ndarray, mean2: np.ndarray, cov2: np.ndarray
) -> float:
    """The squared Fréchet (2-Wasserstein) distance between two Gaussians.

    ``|μ₁ − μ₂|² + tr(Σ₁ + Σ₂ − 2 (Σ₁^½ Σ₂ Σ₁^½)^½)``, computed with symmetric eigendecompositions so that it
    stays real and non-negative for covariance matrices that are only positive semi-definite.
    """
    mean1, mean2 = np.atleast_1d(np.asarray(mean1, float)), np.atleast_1d(np.asarray(mean2, float))
    cov1, cov2 = np.atleast_2d(np.asarray(cov1, float)), np.atleast_2d(np.asarray(cov2, float))
    dims = mean1.shape[0]
    if mean1.shape != (dims,) or mean2.shape != (dims,):
        raise ValueError(
            f"mean1 and mean2 must be vectors of one length, got {mean1.shape} and {mean2.shape}"
        )
    if cov1.shape != (dims, dims) or cov2.shape != (dims, dims):
        raise ValueError(
            f"cov1 and cov2 must be {dims}×{dims} matrices, got {cov1.shape} and {cov2.shape}"
        )
    root1 = _psd_sqrt(cov1)
    cross = np.linalg.eigvalsh(root1 @ cov2 @ root1)
    trace_term = np.trace(cov1) + np.trace(cov2) - 2 * np.sqrt(np.clip(cross, 0.0, None)).sum()
    return float(max(np.sum((mean1 - mean2) ** 2) + trace_term, 0.0))


def frechet_distance(
    features_a: np.ndarray | torch.Tensor, features_b: np.ndarray | torch.Tensor
) -> float:
    """The Fréchet distance between Gaussians fitted to two sets of feature vectors (rows are samples).

    Zero when both sets have the same mean and covariance; it grows with the distance between the means and
    with any difference in spread. This is FID when the features come from a trained network.
    """
    a, b = _as_matrix("features_a", features_a), _as_matrix("features_b", features_b)
    if a.shape[1] != b.shape[1]:
        raise ValueError(
            f"features_a and features_b must have the same number of columns, "
            f"got {a.shape[1]} and {b.shape[1]}"
        )
    return gaussian_frechet_distance(
        a.mean(0), np.cov(a, rowvar=False), b.mean(0), np.cov(b, rowvar=False)
    )


def _kth_neighbour_radius(points: np.ndarray, k: int) -> np.ndarray:
    distances = np.sqrt(((points[:, None, :] - points[None, :, :]) ** 2).sum(-1))
    return np.sort(distances, axis=1)[:, k]  # column 0 is the point itself


def _inside(queries: np.ndarray, centres: np.ndarray, radii: np.ndarray) -> np.ndarray:
    distances = np.sqrt(((queries[:, None, :] - centres[None, :, :]) ** 2).sum(-1))
    return (distances <= radii[None, :]).any(axis=1)


def precision_recall(
    real: np.ndarray | torch.Tensor, generated: np.ndarray | torch.Tensor, k: int = 3
) -> tuple[float, float]:
    """Precision and recall of generated samples (Kynkäänniemi et al. 2019).

    Each set's manifold is the union of balls around its points, each ball reaching the point's k-th
    nearest neighbour within the same set. Precision is the fraction of generated samples inside the real
    manifold; recall is the fraction of real samples inside the generated manifold. Mode dropping lowers
    recall; samples off the data (blurry, out of distribution) lower precision.

    Returns:
        ``(precision, recall)``, each in [0, 1].
    """
    if not isinstance(k, (int, np.integer)) or isinstance(k, bool) or k < 1:
        raise ValueError(f"k must be a positive integer, got {k!r}")
    a, b = _as_matrix("real", real, k + 1), _as_matrix("generated", generated, k + 1)
    if a.shape[1] != b.shape[1]:
        raise ValueError(
            f"real and generated must have the same number of columns, got {a.shape[1]} and {b.shape[1]}"
        )
    precision = _inside(b, a, _kth_neighbour_radius(a, k)).mean()
    recall = _inside(a, b, _kth_neighbour_radius(b, k)).mean()
    return float(precision), float(recall)


_CLASSIFIERS: dict[int, nn.Sequential] = {}
FEATURE_WIDTH = 32


def digit_classifier(seed: int = 0) -> nn.Sequential:
    """A small MLP classifier of the 8×8 digits (about 97 % test accuracy), trained once per seed and cached.

    Its last hidden layer (:data:`FEATURE_WIDTH` units) gives the features that :func:`digit_features`
    returns. Training leaves the global random number generators untouched.
    """
    from udlcourse.data import digits

    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    if seed not in _CLASSIFIERS:
        x, y, _, _ = digits(seed=int(seed), as_tensors=True)
        generator = torch.Generator().manual_seed(int(seed))
        model = nn.Sequential(
            nn.Linear(64, 128),
            nn.ReLU(),
            nn.Linear(128, FEATURE_WIDTH),
            nn.ReLU(),
            nn.Linear(FEATURE_WIDTH, 10),
        )
        with torch.no_grad():
            for layer in model:
                if isinstance(layer, nn.Linear):
                    bound = (
                        6 / layer.in_features
                    ) ** 0.5  # He (uniform) initialisation, seeded locally
                    layer.weight.uniform_(-bound, bound, generator=generator)
                    layer.bias.zero_()
        optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
        for _ in range(40):
            order = torch.randperm(len(x), generator=generator)
            for start in range(0, len(x), 64):
                batch = order[start : start + 64]
                optimizer.zero_grad()
                nn.functional.cross_entropy(model(x[batch]), y[batch]).backward()
                optimizer.step()
        model.eval()
        _CLASSIFIERS[seed] = model
    return _CLASSIFIERS[seed]


def digit_features(images: np.ndarray | torch.Tensor, seed: int = 0) -> np.ndarray:
    """Features of 8×8 digit images (rows of 64 pixels in [0, 1]) from :func:`digit_classifier`'s last
    hidden layer: compare sets of images with :func:`frechet_distance` in these features."""
    x = torch.as_tensor(_as_matrix("images", images, min_rows=1), dtype=torch.float32)
    if x.shape[1] != 64:
        raise ValueError(f"images must have 64 columns (8×8 pixels), got {x.shape[1]}")
    model = digit_classifier(seed)
    with torch.no_grad():
        return model[:-1](x).numpy().astype(np.float64)
