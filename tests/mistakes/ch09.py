"""Plausible wrong answers to the chapter 9 exercises."""

import numpy as np


def _softmax(z, axis=-1):
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


MISTAKES = {
    "9.1": [
        lambda loss, g, phi, lam: (loss + lam * np.sum(phi**2, axis=-1), g + lam * phi),  # forgot the 2
        lambda loss, g, phi, lam: (loss + lam * np.sum(phi**2), g + 2 * lam * phi),  # summed over the grid too
        lambda loss, g, phi, lam: (loss + lam * np.sum(np.abs(phi), axis=-1), g + lam * np.sign(phi)),  # L1
    ],
    "9.2": [
        lambda loss, g, alpha: loss + alpha / 4 * np.sqrt(np.sum(g**2, axis=-1)),  # norm, not squared norm
        lambda loss, g, alpha: loss + alpha / 2 * np.sum(g**2, axis=-1),  # alpha/2 instead of alpha/4
        lambda loss, g, alpha: loss + alpha / 4 * np.sum(g**2),  # summed over the whole grid
    ],
    "9.3": [
        lambda h, mask, p: h * mask,  # forgot to rescale
        lambda h, mask, p: h * mask * (1 - p),  # scaled the wrong way
        lambda h, mask, p: h * (1 - mask) / (1 - p),  # kept the dropped units
    ],
    "9.4": [
        lambda x, s, c: np.stack([np.roll(r, -k) for r, k in zip(x, s)]) * np.asarray(c)[:, None],  # wrong way
        lambda x, s, c: np.roll(x, int(s[0]), axis=1) * np.asarray(c)[:, None],  # one shift for all rows
        lambda x, s, c: np.stack([np.roll(r, k) for r, k in zip(x, s)]) * np.asarray(c),  # scale by position
    ],
    "9.5": [
        lambda z: _softmax(np.mean(z, axis=0)),  # averaged the logits instead of the probabilities
        lambda z: np.mean(_softmax(z, axis=0), axis=0),  # softmax over the members
        lambda z: np.mean(np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True), axis=0),  # overflows
    ],
    "9.6": [
        lambda X, y, s2, p2: (np.linalg.solve(X.T @ X, X.T @ y), np.linalg.inv(X.T @ X / s2)),  # no prior
        lambda X, y, s2, p2: (  # prior variance used as a precision
            np.linalg.inv(X.T @ X / s2 + p2 * np.eye(X.shape[1])) @ X.T @ y / s2,
            np.linalg.inv(X.T @ X / s2 + p2 * np.eye(X.shape[1])),
        ),
        lambda X, y, s2, p2: (  # forgot to divide the data term of the mean by the noise variance
            np.linalg.inv(X.T @ X / s2 + np.eye(X.shape[1]) / p2) @ X.T @ y,
            np.linalg.inv(X.T @ X / s2 + np.eye(X.shape[1]) / p2),
        ),
    ],
}
