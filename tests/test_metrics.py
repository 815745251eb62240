"""Sample-quality metrics: known answers, the failure modes they are meant to see, and clear errors."""

import numpy as np
import pytest
import torch

import udlcourse as udl
from udlcourse import metrics


def test_gaussian_frechet_distance_has_the_known_closed_forms():
    assert metrics.gaussian_frechet_distance([0.0], [[1.0]], [1.0], [[4.0]]) == pytest.approx(
        2.0
    )  # (Δμ)² + (Δσ)²
    mean, cov = np.array([1.0, -2.0, 0.5]), np.diag([1.0, 2.0, 3.0])
    assert metrics.gaussian_frechet_distance(mean, cov, mean, cov) == pytest.approx(0.0, abs=1e-12)
    assert metrics.gaussian_frechet_distance(mean, cov, mean + 3, cov) == pytest.approx(27.0)
    scaled = metrics.gaussian_frechet_distance(
        mean, cov, mean, 4 * cov
    )  # σ doubles: Σ (2σ − σ)² = tr(Σ)
    assert scaled == pytest.approx(6.0)
    rotation = np.array([[0.0, -1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    rotated = metrics.gaussian_frechet_distance(mean, cov, mean, rotation @ cov @ rotation.T)
    assert rotated == pytest.approx(2 * (np.sqrt(2) - 1) ** 2)  # σ₁² = 1 ↔ 2 swap: 2(√2 − 1)²


def test_frechet_distance_fits_gaussians_to_samples():
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=(20000, 2)), rng.normal(loc=[2.0, 0.0], size=(20000, 2))
    assert metrics.frechet_distance(a, b) == pytest.approx(4.0, abs=0.1)
    assert metrics.frechet_distance(torch.tensor(a), a) == pytest.approx(0.0, abs=1e-9)
    with pytest.raises(ValueError, match="features_a"):
        metrics.frechet_distance(np.ones(5), b)
    with pytest.raises(ValueError, match="same number of columns"):
        metrics.frechet_distance(a, np.ones((5, 3)))


def test_precision_and_recall_see_mode_dropping_and_off_manifold_samples():
    rng = np.random.default_rng(1)
    centres = np.array([[0.0, 0.0], [6.0, 0.0], [0.0, 6.0], [6.0, 6.0]])
    real = centres[rng.integers(0, 4, 800)] + rng.normal(scale=0.5, size=(800, 2))
    good = centres[rng.integers(0, 4, 800)] + rng.normal(scale=0.5, size=(800, 2))
    dropped = centres[rng.integers(0, 2, 800)] + rng.normal(scale=0.5, size=(800, 2))
    blurry = rng.uniform(-2, 8, size=(800, 2))
    p_good, r_good = metrics.precision_recall(real, good)
    p_drop, r_drop = metrics.precision_recall(real, dropped)
    p_blur, _ = metrics.precision_recall(real, blurry)
    assert p_good > 0.9 and r_good > 0.9
    assert p_drop > 0.9 and r_drop < 0.6  # mode dropping: recall falls, precision stays
    assert p_blur < 0.5  # samples off the data: precision falls
    with pytest.raises(ValueError, match="k must"):
        metrics.precision_recall(real, good, k=0)
    with pytest.raises(ValueError, match="generated"):
        metrics.precision_recall(real, good[:2], k=3)


def test_digit_features_separate_real_digits_from_a_gaussian_fit():
    split = udl.data.digits()
    assert split.x_train.shape == (1347, 64) and split.x_test.shape == (450, 64)
    assert split.x_train.dtype == np.float32 and split.y_train.dtype == np.int64
    assert 0.0 <= split.x_train.min() and split.x_train.max() <= 1.0
    assert np.bincount(split.y_test).min() >= 40  # stratified
    model = metrics.digit_classifier(0)
    accuracy = (model(torch.as_tensor(split.x_test)).argmax(1).numpy() == split.y_test).mean()
    assert accuracy > 0.93
    real = metrics.digit_features(split.x_test)
    assert real.shape == (450, metrics.FEATURE_WIDTH)
    rng = np.random.default_rng(0)
    gaussian = rng.multivariate_normal(
        split.x_train.mean(0), np.cov(split.x_train, rowvar=False), 450
    ).clip(0, 1)
    held_out = metrics.frechet_distance(metrics.digit_features(split.x_train), real)
    assert metrics.frechet_distance(metrics.digit_features(gaussian), real) > 5 * held_out
    with pytest.raises(ValueError, match="64 columns"):
        metrics.digit_features(np.zeros((3, 10)))
    with pytest.raises(ValueError, match="test_fraction"):
        udl.data.digits(test_fraction=1.5)
