"""Plausible wrong answers to the chapter 14 exercises, each with the input that catches it.

``CORRECT`` lists correct alternatives (library calls, loops, float32, other orders of operations) that the
checks must accept.
"""

import numpy as np
import scipy.linalg
from scipy.special import logsumexp
from scipy.stats import multivariate_normal


def _quiet(function):
    """Run a deliberately unstable formula without numpy's warnings (the check reports the inf/NaN)."""

    def wrapped(*args):
        with np.errstate(all="ignore"):
            return function(*args)

    return wrapped


# ---- 14.1 helpers -------------------------------------------------------------------------------------------
def _gauss(x, mean, cov, dims=None, half_logdet=0.5):
    dims = x.shape[1] if dims is None else dims
    diff = x - mean
    maha = np.sum(diff @ np.linalg.inv(cov) * diff, axis=1)
    return -0.5 * maha - half_logdet * np.linalg.slogdet(cov)[1] - 0.5 * dims * np.log(2 * np.pi)


def _gauss_pdf_then_log(x, mean, cov):
    dims = x.shape[1]
    diff = x - mean
    maha = np.sum(diff @ np.linalg.inv(cov) * diff, axis=1)
    return np.log(np.exp(-0.5 * maha) / np.sqrt((2 * np.pi) ** dims * np.linalg.det(cov)))


# ---- 14.2 helpers -------------------------------------------------------------------------------------------
def _components(x, weights, means, covs):
    return np.stack([np.log(w) + _gauss(x, m, c) for w, m, c in zip(weights, means, covs)], axis=1)


# ---- 14.3 helpers -------------------------------------------------------------------------------------------
def _sq(x, train):
    return np.sum((x[:, None, :] - train[None, :, :]) ** 2, axis=-1)


# ---- 14.4 helpers -------------------------------------------------------------------------------------------
def _fd(mean1, cov1, mean2, cov2, cross):
    return float(
        np.sum((mean1 - mean2) ** 2) + np.trace(cov1) + np.trace(cov2) - 2 * np.trace(cross)
    )


# ---- 14.5 helpers -------------------------------------------------------------------------------------------
def _dist(a, b):
    return np.sqrt(np.sum((a[:, None, :] - b[None, :, :]) ** 2, axis=-1))


def _radius_with_self(points, k):
    return np.sort(_dist(points, points), axis=1)[:, k - 1]


def _radius(points, k):
    d = _dist(points, points)
    np.fill_diagonal(d, np.inf)
    return np.sort(d, axis=1)[:, k - 1]


def _inside(queries, centres, radii, strict=False):
    d = _dist(queries, centres)
    return np.any(d < radii[None, :] if strict else d <= radii[None, :], axis=1)


MISTAKES = {
    "14.1": [
        # only the diagonal of the covariance (variances, not covariances): caught by the full 3×3 case
        lambda x, m, c: _gauss(x, m, np.diag(np.diag(c))),
        # D hard-coded as 2 in the normalising constant: caught by the D = 3 and D = 1 cases
        lambda x, m, c: _gauss(x, m, c, dims=2),
        # log|Σ| without the ½ (the square root of the determinant forgotten): caught by every non-identity case
        lambda x, m, c: _gauss(x, m, c, half_logdet=1.0),
        # density first, then its log: underflows to log(0) = −inf for the point 3000 standard deviations away
        _quiet(_gauss_pdf_then_log),
        # Σ used where Σ⁻¹ belongs in the quadratic form: caught by the variance-4 case and the full covariance
        lambda x, m, c: (
            -0.5 * np.sum((x - m) @ c * (x - m), axis=1)
            - 0.5 * np.linalg.slogdet(c)[1]
            - 0.5 * x.shape[1] * np.log(2 * np.pi)
        ),
        # the sum over points (eq. 14.1 without the minus) instead of one value per point: wrong shape
        lambda x, m, c: np.sum(_gauss(x, m, c)),
    ],
    "14.2": [
        # log of a sum of densities: −inf for the point far from every component
        _quiet(lambda x, w, m, c: np.log(np.sum(np.exp(_components(x, w, m, c)), axis=1))),
        # weights forgotten: caught by the three unequally weighted components
        lambda x, w, m, c: logsumexp(_components(x, np.ones(len(w)), m, c), axis=1),
        # log weights added outside the log-sum-exp
        lambda x, w, m, c: (
            logsumexp(_components(x, np.ones(len(w)), m, c), axis=1) + np.sum(np.log(w))
        ),
        # the best component only (a hard assignment): caught by the point between two components
        lambda x, w, m, c: np.max(_components(x, w, m, c), axis=1),
        # shifted by the largest entry of the whole array rather than of each row: −inf for the far point
        _quiet(
            lambda x, w, m, c: (
                np.max(_components(x, w, m, c))
                + np.log(
                    np.sum(
                        np.exp(_components(x, w, m, c) - np.max(_components(x, w, m, c))), axis=1
                    )
                )
            )
        ),
        # log-sum-exp over the points instead of the components: wrong shape
        lambda x, w, m, c: logsumexp(_components(x, w, m, c), axis=0),
    ],
    "14.3": [
        # the sum over kernels instead of their mean (− log I forgotten): caught by the twelve-point cases
        lambda x, t, h: (
            logsumexp(-_sq(x, t) / (2 * h**2), axis=1) - 0.5 * x.shape[1] * np.log(2 * np.pi * h**2)
        ),
        # exp first, log afterwards: log(0) = −inf with the tiny bandwidth
        _quiet(
            lambda x, t, h: (
                np.log(np.mean(np.exp(-_sq(x, t) / (2 * h**2)), axis=1))
                - 0.5 * x.shape[1] * np.log(2 * np.pi * h**2)
            )
        ),
        # normalised as a 1D Gaussian whatever D is: caught by the 2D and 3D cases
        lambda x, t, h: (
            logsumexp(-_sq(x, t) / (2 * h**2), axis=1)
            - np.log(len(t))
            - 0.5 * np.log(2 * np.pi * h**2)
        ),
        # bandwidth used as the variance: caught by every bandwidth ≠ 1
        lambda x, t, h: (
            logsumexp(-_sq(x, t) / (2 * h), axis=1)
            - np.log(len(t))
            - 0.5 * x.shape[1] * np.log(2 * np.pi * h)
        ),
        # one bandwidth too many in the exponent's denominator (h² → h³ by a typo-like slip): caught everywhere
        lambda x, t, h: (
            logsumexp(-_sq(x, t) / (2 * h**2) ** 1.5, axis=1)
            - np.log(len(t))
            - 0.5 * x.shape[1] * np.log(2 * np.pi * h**2)
        ),
    ],
    "14.4": [
        # the square root of the covariance product forgotten: caught by the 1D case (4 + 1 − 2·4 ≠ 5)
        lambda m1, c1, m2, c2: _fd(m1, c1, m2, c2, c1 @ c2),
        # np.sqrt of each entry instead of a matrix square root: caught by the equal-covariance 3×3 case
        _quiet(lambda m1, c1, m2, c2: _fd(m1, c1, m2, c2, np.nan_to_num(np.sqrt(c1 @ c2)))),
        # Σ₁^½ Σ₂^½ instead of (Σ₁^½ Σ₂ Σ₁^½)^½: right for commuting covariances, caught by the 3×3 case
        lambda m1, c1, m2, c2: _fd(
            m1, c1, m2, c2, np.real(scipy.linalg.sqrtm(c1) @ scipy.linalg.sqrtm(c2))
        ),
        # variances instead of covariances (diagonals only): caught by the non-commuting 3×3 case
        lambda m1, c1, m2, c2: float(
            np.sum((m1 - m2) ** 2) + np.sum((np.sqrt(np.diag(c1)) - np.sqrt(np.diag(c2))) ** 2)
        ),
        # |μ₁ − μ₂| not squared: caught by the equal-covariance case
        lambda m1, c1, m2, c2: (
            _fd(m1, c1, m2, c2, np.real(scipy.linalg.sqrtm(c1 @ c2)))
            - float(np.sum((m1 - m2) ** 2))
            + float(np.linalg.norm(m1 - m2))
        ),
        # the square root of the total (the distance, not the squared distance FID reports): the 1D case gives √5
        lambda m1, c1, m2, c2: float(
            np.sqrt(max(_fd(m1, c1, m2, c2, np.real(scipy.linalg.sqrtm(c1 @ c2))), 0.0))
        ),
    ],
    "14.5": [
        # the point counted as its own nearest neighbour: radius 0 for k = 1 on the line
        _radius_with_self,
        # squared distances: caught by the line (radius 4 becomes 16)
        lambda p, k: _radius(p, k) ** 2,
        # every zero distance skipped, not only the point itself: caught by the duplicated point
        lambda p, k: np.array([np.sort(row[row > 0])[k - 1] for row in _dist(p, p)]),
        # off by one: column k of the sorted rows after removing the point itself
        lambda p, k: np.sort(np.where(np.eye(len(p), dtype=bool), np.inf, _dist(p, p)), axis=1)[
            :, k
        ],
        # the k-th nearest of all distances in the set, one number for everyone
        lambda p, k: np.full(len(p), np.sort(_dist(p, p)[~np.eye(len(p), dtype=bool)])[k - 1]),
    ],
    "14.6": [
        # precision and recall swapped: caught by the two clouds of different sizes (and the edge case)
        lambda r, g, k: (
            float(_inside(r, g, _radius(g, k)).mean()),
            float(_inside(g, r, _radius(r, k)).mean()),
        ),
        # the point counted as its own neighbour: radius k−1, so k = 1 makes every ball a single point
        lambda r, g, k: (
            float(_inside(g, r, _radius_with_self(r, k)).mean()),
            float(_inside(r, g, _radius_with_self(g, k)).mean()),
        ),
        # open balls (distance < radius): the sample exactly on the edge of a ball is left out
        lambda r, g, k: (
            float(_inside(g, r, _radius(r, k), strict=True).mean()),
            float(_inside(r, g, _radius(g, k), strict=True).mean()),
        ),
        # the fraction of real balls that hold a sample (coverage), not of samples that fall in a real ball
        lambda r, g, k: (
            float((_dist(g, r) <= _radius(r, k)[None, :]).any(axis=0).mean()),
            float((_dist(r, g) <= _radius(g, k)[None, :]).any(axis=0).mean()),
        ),
    ],
}


def _loop_radius(points, k):
    radii = []
    for i, p in enumerate(points):
        others = [np.linalg.norm(p - q) for j, q in enumerate(points) if j != i]
        radii.append(sorted(others)[k - 1])
    return np.array(radii)


CORRECT = {
    "14.1": [
        lambda x, m, c: (
            multivariate_normal(m, c).logpdf(x).reshape(-1)
        ),  # the library (reshaped: scipy squeezes)
        lambda x, m, c: _gauss(x, m, c),  # inverse and slogdet instead of Cholesky
        lambda x, m, c: _gauss(x.astype(np.float32), m, c).astype(np.float32),  # float32
    ],
    "14.2": [
        lambda x, w, m, c: logsumexp(
            np.stack(
                [
                    np.log(wk) + multivariate_normal(mk, ck).logpdf(x).reshape(-1)
                    for wk, mk, ck in zip(w, m, c)
                ],
                axis=1,
            ),
            axis=1,
        ),
        lambda x, w, m, c: np.logaddexp.reduce(_components(x, w, m, c), axis=1),
    ],
    "14.3": [
        lambda x, t, h: (
            __import__("sklearn.neighbors", fromlist=["KernelDensity"])
            .KernelDensity(bandwidth=h)
            .fit(t)
            .score_samples(x)
        ),
        lambda x, t, h: (
            logsumexp(
                np.stack(
                    [
                        multivariate_normal(ti, h**2 * np.eye(x.shape[1])).logpdf(x).reshape(-1)
                        for ti in t
                    ],
                    axis=1,
                ),
                axis=1,
            )
            - np.log(len(t))
        ),
    ],
    "14.4": [
        lambda m1, c1, m2, c2: _fd(
            m1, c1, m2, c2, np.real(scipy.linalg.sqrtm(c1 @ c2))
        ),  # the FID code's form
        lambda m1, c1, m2, c2: _fd(
            m1,
            c1,
            m2,
            c2,
            np.real(scipy.linalg.sqrtm(scipy.linalg.sqrtm(c1) @ c2 @ scipy.linalg.sqrtm(c1))),
        ),
        lambda m1, c1, m2, c2: float(
            np.sum((m1 - m2) ** 2)
            + np.trace(c1)
            + np.trace(c2)
            - 2 * np.sum(np.sqrt(np.abs(np.linalg.eigvals(c1 @ c2))))
        ),
    ],
    "14.5": [
        _loop_radius,
        lambda p, k: np.sort(_dist(p, p), axis=1)[
            :, k
        ],  # column k, with the point itself in column 0
        lambda p, k: (
            __import__("scipy.spatial", fromlist=["cKDTree"]).cKDTree(p).query(p, k + 1)[0][:, k]
        ),
    ],
    "14.6": [
        lambda r, g, k: [
            float(_inside(g, r, _loop_radius(r, k)).mean()),
            float(_inside(r, g, _radius(g, k)).mean()),
        ],
        lambda r, g, k: (
            np.mean(_inside(g, r, _radius(r, k))),
            np.mean(_inside(r, g, _radius(g, k))),
        ),
    ],
}
