"""Chapter 14 (Unsupervised learning): log-likelihoods of held-out data under a Gaussian, a mixture of
Gaussians and a kernel density estimate; the Fréchet distance between Gaussians; k-nearest-neighbour radii;
precision and recall of samples (Kynkäänniemi et al. 2019)."""

import numpy as np

from udlcourse.check import Case, Exercise
from udlcourse.solutions import ch14 as solutions


def _log_sum_exp(a, axis):
    top = np.max(a, axis=axis, keepdims=True)
    return np.squeeze(top, axis=axis) + np.log(np.sum(np.exp(a - top), axis=axis))


def _psd_sqrt(matrix):
    values, vectors = np.linalg.eigh((matrix + matrix.T) / 2)
    return (vectors * np.sqrt(np.clip(values, 0.0, None))) @ vectors.T


_rng = np.random.default_rng(14)
_A3 = _rng.normal(size=(3, 3))
_cov3 = _A3 @ _A3.T + 0.5 * np.eye(3)  # a full 3×3 covariance: off-diagonal terms matter
_B3 = _rng.normal(size=(3, 3))
_cov3b = _B3 @ _B3.T + 0.3 * np.eye(3)  # does not commute with _cov3
_mean3 = np.array([0.5, -1.0, 2.0])
_x3 = _mean3 + _rng.normal(size=(6, 3)) @ _A3.T
_x2 = _rng.normal(size=(7, 2))
_weights = np.array([0.5, 0.3, 0.2])
_means2 = np.array([[0.0, 0.0], [3.0, 1.0], [-2.0, 2.0]])
_covs2 = np.array([[[1.0, 0.3], [0.3, 0.5]], [[0.4, -0.1], [-0.1, 0.8]], [[2.0, 0.0], [0.0, 0.2]]])
_train2 = _rng.normal(size=(12, 2))
_train3 = _rng.normal(size=(9, 3))
_cloud = _rng.normal(size=(10, 2))
_cloud3 = _rng.normal(size=(8, 3))
_real = _rng.normal(size=(15, 2))
_shifted = _rng.normal(size=(11, 2)) * 0.7 + np.array([0.8, 0.0])

EXERCISES = [
    Exercise(
        id="14.1",
        title="the log density of a multivariate normal",
        reference=solutions.gaussian_log_density,
        cases=(
            Case(
                (_x3, _mean3, _cov3), note="D = 3 with a full covariance: off-diagonal terms matter"
            ),
            Case((_x2, np.zeros(2), np.eye(2)), note="a standard normal in 2D"),
            Case(
                (np.array([[0.0], [1.0], [-2.0]]), np.array([0.0]), np.array([[4.0]])),
                note="D = 1, variance 4 (standard deviation 2)",
            ),
            Case(
                (
                    np.array([[300.0, 0.0], [0.0, 0.0]]),
                    np.zeros(2),
                    np.array([[0.01, 0.0], [0.0, 0.01]]),
                ),
                note="a point 3000 standard deviations away: its density underflows to 0, its log does not",
            ),
        ),
        hint=(
            "The multivariate normal (Appendix C.3) in logs, for each row x: "
            "−½(x − μ)ᵀΣ⁻¹(x − μ) − ½·log|Σ| − (D/2)·log 2π. Use the full covariance (not only its diagonal), "
            "D = x.shape[1], and never take the log of an already computed density (it underflows to 0). "
            "Return one number per row."
        ),
    ),
    Exercise(
        id="14.2",
        title="the log density of a mixture of Gaussians",
        reference=solutions.mixture_log_density,
        cases=(
            Case(
                (_x2 * 2, _weights, _means2, _covs2), note="three components of different weights"
            ),
            Case(
                (_x3, np.array([1.0]), _mean3[None], _cov3[None]),
                note="one component: a plain Gaussian",
            ),
            Case(
                (np.array([[40.0, -30.0], [0.0, 0.0]]), _weights, _means2, _covs2 * 0.05),
                note="a point far from every component: each density underflows to 0",
            ),
            Case(
                (np.array([[1.5, 0.5]]), np.array([0.9, 0.1]), _means2[:2], _covs2[:2]),
                note="one point between two unequally weighted components",
            ),
        ),
        hint=(
            "Eq. 17.4 in D dimensions: Pr(x) = Σ_k λ_k·Norm_x[μ_k, Σ_k]. In logs, with your gaussian_log_density: "
            "a_k = log λ_k + log Norm_x[μ_k, Σ_k] for each component, then log Σ_k exp(a_k) computed stably "
            "(subtract each row's largest a_k before exp, add it back after; scipy.special.logsumexp does this). "
            "Summing the densities first and taking the log afterwards gives log(0) = −inf far from the data."
        ),
    ),
    Exercise(
        id="14.3",
        title="the log density of a kernel density estimate",
        reference=solutions.kde_log_density,
        cases=(
            Case((_x2, _train2, 0.5), note="2D, twelve training points"),
            Case((_x3, _train3, 1.3), note="D = 3"),
            Case(
                (np.array([[0.0, 0.0], [5.0, 5.0]]), _train2, 0.01),
                note="a tiny bandwidth and points away from the training data: every kernel underflows to 0",
            ),
            Case(
                (np.array([[0.2, -0.1]]), _train2[:1], 2.0),
                note="a single training point: just a Gaussian",
            ),
        ),
        hint=(
            "A kernel density estimate is a mixture of I equally weighted Gaussians, one at each training point, "
            "each with covariance h²·I: Pr(x) = (1/I)·Σ_i Norm_x[x_i, h²I]. Its log is "
            "log Σ_i exp(−|x − x_i|²/(2h²)) − (D/2)·log(2πh²) − log I; compute the log-sum-exp stably. "
            "The mean over kernels, not the sum: do not forget − log I."
        ),
    ),
    Exercise(
        id="14.4",
        title="the Fréchet distance between two Gaussians",
        reference=solutions.frechet_gaussians,
        cases=(
            Case(
                (np.array([1.0]), np.array([[4.0]]), np.array([-1.0]), np.array([[1.0]])),
                note="1D: (μ₁ − μ₂)² + (σ₁ − σ₂)² = 4 + 1 = 5",
            ),
            Case(
                (_mean3, _cov3, np.zeros(3), _cov3),
                note="equal covariances: only |μ₁ − μ₂|² is left",
            ),
            Case(
                (_mean3, _cov3, np.array([0.0, 1.0, 0.0]), _cov3b),
                note="D = 3, covariances that do not commute (Σ₁Σ₂ ≠ Σ₂Σ₁)",
            ),
            Case(
                (np.zeros(2), np.diag([4.0, 1.0]), np.zeros(2), np.diag([1.0, 9.0])),
                note="diagonal covariances: Σ_d (σ₁d − σ₂d)² = 1 + 4 = 5",
            ),
        ),
        hint=(
            "d² = |μ₁ − μ₂|² + tr[Σ₁ + Σ₂ − 2·(Σ₁^½ Σ₂ Σ₁^½)^½] (Fréchet distance between normals, Appendix C.5). "
            "The square roots are matrix square roots (scipy.linalg.sqrtm, not np.sqrt of each entry); the "
            "mean term is squared; the covariances are full matrices, not only their diagonals. "
            "tr[(Σ₁Σ₂)^½] is the same number as tr[(Σ₁^½Σ₂Σ₁^½)^½] (keep its real part), but Σ₁^½Σ₂^½ is not."
        ),
        rtol=1e-5,
        atol=1e-6,
    ),
    Exercise(
        id="14.5",
        title="the distance to the k-th nearest neighbour",
        reference=solutions.kth_neighbour_radius,
        cases=(
            Case(
                (np.array([[0.0], [1.0], [3.0], [7.0]]), 1),
                note="points on a line, k = 1: radii 1, 1, 2, 4",
            ),
            Case(
                (np.array([[0.0], [1.0], [3.0], [7.0]]), 2),
                note="the same points, k = 2: radii 3, 2, 3, 6",
            ),
            Case((_cloud, 3), note="ten points in 2D, k = 3"),
            Case((_cloud3, 1), note="D = 3, k = 1"),
            Case(
                (np.array([[0.0, 0.0], [0.0, 0.0], [1.0, 0.0], [3.0, 0.0]]), 1),
                note="two copies of one point: each is the other's nearest neighbour, at distance 0",
            ),
        ),
        hint=(
            "Compute all pairwise Euclidean distances (not their squares), then for each point sort its "
            "distances to the others. A point is at distance 0 from itself and is not its own neighbour: skip "
            "the point itself (not every zero distance: a duplicate of it is a real neighbour), e.g. set the "
            "diagonal to inf and take column k − 1 of the sorted rows."
        ),
    ),
    Exercise(
        id="14.6",
        title="precision and recall of samples",
        reference=solutions.precision_recall,
        cases=(
            Case((_real, _shifted, 3), note="two clouds of different sizes that partly overlap"),
            Case(
                (
                    np.array([[0.0], [1.0], [10.0], [11.0]]),
                    np.array([[2.0], [30.0], [31.0], [32.0]]),
                    1,
                ),
                note="1D; the sample at 2 lies exactly on the edge of the ball around 1 (radius 1): inside",
            ),
            Case(
                (_real, _real[:6] + 0.01, 2),
                note="samples near six of the fifteen real points: mode dropping",
            ),
            Case((_real, _real * 3.0, 1), note="samples spread three times wider"),
        ),
        hint=(
            "§14.3 and Fig. 14.5: precision = the fraction of generated points within the k-th-neighbour radius "
            "(distance ≤ radius) of at least one real point, radii from kth_neighbour_radius(real, k); recall = "
            "the fraction of real points within the radius of at least one generated point, radii from "
            "kth_neighbour_radius(generated, k). Return (precision, recall) in that order."
        ),
    ),
]
