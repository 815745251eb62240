"""Plausible wrong answers to the chapter 9 exercises, each with the input that catches it."""

import numpy as np


def _quiet(function):
    """Run a mistake with numpy's overflow warnings silenced, as a learner's notebook would show them."""

    def quiet(*args, **kwargs):
        with np.errstate(all="ignore"):
            return function(*args, **kwargs)

    return quiet


def _softmax(z, axis=-1):
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def _l2_in_place(loss, gradient, phi, lam):
    gradient += 2 * lam * phi  # changes the caller's gradient array
    return loss + lam * np.sum(phi**2, axis=-1), gradient


def _modified_in_place(loss, gradient, alpha):
    loss += alpha / 4 * np.sum(gradient**2, axis=-1)  # changes the caller's grid of losses
    return loss


def _dropout_in_place(h, mask, p):
    h *= mask  # changes the caller's activations
    h /= 1 - p
    return h


def _augment_in_place(x, shifts, scales):
    x *= np.asarray(scales)[:, None]  # scales the caller's signals
    return np.stack([np.roll(row, k) for row, k in zip(x, shifts)])


def _augment_by_slicing(x, shifts, scales):
    # r[-k:] + r[:-k] is right for |k| <= L but leaves the signal unshifted for k > L
    rows = [np.concatenate([row[-k:], row[:-k]]) if k else row for row, k in zip(x, shifts)]
    return np.stack(rows) * np.asarray(scales)[:, None]


def _augment_wrap_once(x, shifts, scales):
    length = x.shape[1]
    index = np.arange(length) - np.asarray(shifts)[:, None]
    index = np.where(index < 0, index + length, index)  # wraps once: fine for |shift| <= L only
    index = np.where(index >= length, index - length, index)
    return np.take_along_axis(x, index, axis=1) * np.asarray(scales)[:, None]


def _shifted_ensemble(shift):
    def ensemble(z):
        e = np.exp(z - shift(z))
        return np.mean(e / np.sum(e, axis=-1, keepdims=True), axis=0)

    return _quiet(ensemble)


MISTAKES = {
    "9.1": [
        lambda loss, g, phi, lam: (
            loss + lam * np.sum(phi**2, axis=-1),
            g + lam * phi,
        ),  # forgot the 2 (any λ > 0)
        lambda loss, g, phi, lam: (
            loss + lam * np.sum(phi**2),
            g + 2 * lam * phi,
        ),  # summed over the grid too (3×4 grid)
        lambda loss, g, phi, lam: (
            loss + lam * np.sum(np.abs(phi), axis=-1),
            g + lam * np.sign(phi),
        ),  # L1 (any λ > 0)
        lambda loss, g, phi, lam: (
            loss + lam * np.mean(phi**2, axis=-1),
            g + 2 * lam * phi,
        ),  # mean, not sum (D = 2, 3)
        _l2_in_place,  # in place: the caller's gradient changes (every case with λ > 0)
    ],
    "9.2": [
        lambda loss, g, alpha: (
            loss + alpha / 4 * np.sqrt(np.sum(g**2, axis=-1))
        ),  # norm, not squared norm (|g| = 0.5)
        lambda loss, g, alpha: (
            loss + alpha / 2 * np.sum(g**2, axis=-1)
        ),  # alpha/2 instead of alpha/4 (any α > 0)
        lambda loss, g, alpha: (
            loss + alpha / 4 * np.sum(g**2)
        ),  # summed over the whole grid (3×4 grid)
        lambda loss, g, alpha: (
            loss + alpha / 4 * np.mean(g**2, axis=-1)
        ),  # mean, not sum, of the squares (D = 2)
        _modified_in_place,  # in place: the caller's grid of losses changes (3×4 grid)
    ],
    "9.3": [
        lambda h, mask, p: h * mask,  # forgot to rescale (p = 0.4 and 0.5)
        lambda h, mask, p: h * mask * (1 - p),  # scaled the wrong way (p = 0.4 and 0.5)
        lambda h, mask, p: h * (1 - mask) / (1 - p),  # kept the dropped units (any mask with zeros)
        _quiet(
            lambda h, mask, p: h * mask / p
        ),  # divided by the drop probability, not the keep probability (p = 0.4)
        _dropout_in_place,  # in place: the caller's activations change (every case)
    ],
    "9.4": [
        lambda x, s, c: (
            np.stack([np.roll(r, -k) for r, k in zip(x, s)]) * np.asarray(c)[:, None]
        ),  # wrong way (shift 1)
        lambda x, s, c: (
            np.roll(x, int(s[0]), axis=1) * np.asarray(c)[:, None]
        ),  # one shift for all rows (shifts 1, 0)
        lambda x, s, c: (
            np.stack([np.roll(r, k) for r, k in zip(x, s)]) * np.asarray(c)
        ),  # scale by position (2×6 case)
        _augment_by_slicing,  # slices without "mod L": unshifted for 11 and 19 on length 8
        _augment_wrap_once,  # wraps the index only once: out of range for −13 and 19 on length 8
        _augment_in_place,  # in place: the caller's signals are scaled (scales 0.5, 2.0)
    ],
    "9.5": [
        lambda z: _softmax(
            np.mean(z, axis=0)
        ),  # averaged the logits instead of the probabilities (4 members)
        lambda z: np.mean(_softmax(z, axis=0), axis=0),  # softmax over the members (4 members)
        _quiet(
            lambda z: np.mean(np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True), axis=0)
        ),  # overflows (1000)
        lambda z: np.sum(_softmax(z), axis=0),  # summed over the members, not averaged (4 members)
        _shifted_ensemble(
            lambda z: np.max(z)
        ),  # one global shift: 0/0 for the member at −1000 (different scales)
        _shifted_ensemble(
            lambda z: np.mean(z, axis=-1, keepdims=True)
        ),  # shift by the mean: overflows (spread 3000)
        _shifted_ensemble(
            lambda z: z[..., :1]
        ),  # shift by the first logit: exp(1000) overflows (row 0, 1000)
    ],
    "9.6": [
        lambda X, y, s2, p2: (
            np.linalg.solve(X.T @ X, X.T @ y),
            np.linalg.inv(X.T @ X / s2),
        ),  # no prior (6 points)
        lambda X, y, s2, p2: (  # prior variance used as a precision (prior_var 1e6)
            np.linalg.inv(X.T @ X / s2 + p2 * np.eye(X.shape[1])) @ X.T @ y / s2,
            np.linalg.inv(X.T @ X / s2 + p2 * np.eye(X.shape[1])),
        ),
        lambda X, y, s2, p2: (  # forgot to divide the data term of the mean by the noise variance (noise_var 0.1)
            np.linalg.inv(X.T @ X / s2 + np.eye(X.shape[1]) / p2) @ X.T @ y,
            np.linalg.inv(X.T @ X / s2 + np.eye(X.shape[1]) / p2),
        ),
        lambda X, y, s2, p2: (  # the noise variance squared again, as if it were a standard deviation (noise_var 0.1)
            np.linalg.inv(X.T @ X / s2**2 + np.eye(X.shape[1]) / p2) @ X.T @ y / s2**2,
            np.linalg.inv(X.T @ X / s2**2 + np.eye(X.shape[1]) / p2),
        ),
        lambda X, y, s2, p2: (  # returned the precision instead of the covariance (every case)
            np.linalg.inv(X.T @ X / s2 + np.eye(X.shape[1]) / p2) @ X.T @ y / s2,
            X.T @ X / s2 + np.eye(X.shape[1]) / p2,
        ),
    ],
}
