"""Plausible wrong answers to the chapter 16 exercises."""

import numpy as np


# 16.1: the 1D change of variables in log space
def _plus_log_slope(
    z, dfdz
):  # sign of the log-determinant: multiplies by the slope (every case with slope ≠ 1)
    return -0.5 * z**2 - 0.5 * np.log(2 * np.pi) + np.log(np.abs(dfdz))


def _no_abs(z, dfdz):  # log of a negative slope is nan (the decreasing-flow case)
    return -0.5 * z**2 - 0.5 * np.log(2 * np.pi) - np.log(dfdz)


def _log_of_density(z, dfdz):  # exp then log: -inf at z = 40 (the tail case)
    return np.log(np.exp(-0.5 * z**2) / np.sqrt(2 * np.pi) / np.abs(dfdz))


def _density_not_log(z, dfdz):  # returns Pr(x), not log Pr(x) (every case)
    return np.exp(-0.5 * z**2) / np.sqrt(2 * np.pi) / np.abs(dfdz)


def _no_normaliser(z, dfdz):  # forgets −log(2π)/2 (every case, also the identity at z = 0)
    return -0.5 * z**2 - np.log(np.abs(dfdz))


def _divides_log(z, dfdz):  # divides the log-density by the slope instead of subtracting its log
    return (-0.5 * z**2 - 0.5 * np.log(2 * np.pi)) / np.abs(dfdz)


def _ignores_slope(z, dfdz):  # the base density at f⁻¹[x] without the Jacobian (any slope ≠ 1)
    return -0.5 * z**2 - 0.5 * np.log(2 * np.pi)


# 16.2: log |det| of a triangular matrix
def _log_of_product(T):  # det then log: -inf for the 400×400 case (underflow), inf for 300×300
    return float(np.log(np.abs(np.prod(np.diagonal(T)))))


def _log_of_det(T):  # np.linalg.det under- and overflows just the same
    return float(np.log(np.abs(np.linalg.det(T))))


def _log_without_abs(T):  # nan for a negative diagonal entry (the 3×3 case)
    return float(np.sum(np.log(np.diagonal(T))))


def _sum_of_diagonal(T):  # the trace, not the log-determinant (every case)
    return float(np.sum(np.diagonal(T)))


def _det_itself(T):  # |det| instead of log|det| (the 3×3 case: 3 vs log 3)
    return float(np.abs(np.prod(np.diagonal(T))))


# 16.3: sampling from a MAF
def _one_pass(z, conditioner):  # the IAF's direction: conditions on z, not on x (D = 4 and D = 6)
    mu, alpha = conditioner(z)
    return mu + np.exp(alpha) * z


def _conditioned_on_zeros(
    z, conditioner
):  # one pass with x = 0: right for the first coordinate only
    mu, alpha = conditioner(np.zeros_like(z))
    return mu + np.exp(alpha) * z


def _wrong_scale_direction(z, conditioner):  # exp(−α): the density direction's scale (every case)
    x = np.zeros_like(z)
    for d in range(z.shape[1]):
        mu, alpha = conditioner(x)
        x[:, d] = mu[:, d] + np.exp(-alpha[:, d]) * z[:, d]
    return x


def _density_formula(
    z, conditioner
):  # applies the MAF's forward formula (x − μ) e^{−α} to z (every case)
    x = np.zeros_like(z)
    for d in range(z.shape[1]):
        mu, alpha = conditioner(x)
        x[:, d] = (z[:, d] - mu[:, d]) * np.exp(-alpha[:, d])
    return x


def _one_pass_short(z, conditioner):  # off by one: D − 1 passes leave the last coordinate 0 (D ≥ 2)
    x = np.zeros_like(z)
    for d in range(z.shape[1] - 1):
        mu, alpha = conditioner(x)
        x[:, d] = mu[:, d] + np.exp(alpha[:, d]) * z[:, d]
    return x


def _fills_z_in_place(
    z, conditioner
):  # writes the samples into z itself (the in-place check, every case)
    x = z
    for d in range(z.shape[1]):
        mu, alpha = conditioner(x)
        x[:, d] = mu[:, d] + np.exp(alpha[:, d]) * z[:, d]
    return x


# 16.4: affine coupling, forward
def _det_not_log_det(
    h, conditioner
):  # returns the determinant, ∏ exp(s), instead of Σ s (every case)
    d = h.shape[1] // 2
    shift, log_scale = conditioner(h[:, :d])
    return np.concatenate([h[:, :d], h[:, d:] * np.exp(log_scale) + shift], axis=1), np.prod(
        np.exp(log_scale), 1
    )


def _log_of_prod_exp(
    h, conditioner
):  # log ∏ exp(s): right until the log-scales near 250 overflow it
    d = h.shape[1] // 2
    shift, log_scale = conditioner(h[:, :d])
    out = np.concatenate([h[:, :d], h[:, d:] * np.exp(log_scale) + shift], axis=1)
    return out, np.log(np.prod(np.exp(log_scale), 1))


def _logdet_whole_batch(h, conditioner):  # sums over the batch as well: one number, not one per row
    d = h.shape[1] // 2
    shift, log_scale = conditioner(h[:, :d])
    return np.concatenate([h[:, :d], h[:, d:] * np.exp(log_scale) + shift], axis=1), np.sum(
        log_scale
    )


def _logdet_mean(
    h, conditioner
):  # mean for sum over each row (D = 5 and D = 4: more than one log-scale)
    d = h.shape[1] // 2
    shift, log_scale = conditioner(h[:, :d])
    return np.concatenate([h[:, :d], h[:, d:] * np.exp(log_scale) + shift], axis=1), np.mean(
        log_scale, 1
    )


def _logdet_negative(h, conditioner):  # sign of the log-determinant: the inverse's (every case)
    d = h.shape[1] // 2
    shift, log_scale = conditioner(h[:, :d])
    return np.concatenate([h[:, :d], h[:, d:] * np.exp(log_scale) + shift], axis=1), -np.sum(
        log_scale, 1
    )


def _no_exp(h, conditioner):  # scales by the log-scale itself (every case)
    d = h.shape[1] // 2
    shift, log_scale = conditioner(h[:, :d])
    return np.concatenate([h[:, :d], h[:, d:] * log_scale + shift], axis=1), np.sum(log_scale, 1)


def _shift_then_scale(
    h, conditioner
):  # (h2 + t) · exp(s): shift applied before the scale (every case)
    d = h.shape[1] // 2
    shift, log_scale = conditioner(h[:, :d])
    return np.concatenate([h[:, :d], (h[:, d:] + shift) * np.exp(log_scale)], axis=1), np.sum(
        log_scale, 1
    )


def _forward_in_place(h, conditioner):  # writes h2' into h (the in-place check, every case)
    d = h.shape[1] // 2
    shift, log_scale = conditioner(h[:, :d])
    h[:, d:] = h[:, d:] * np.exp(log_scale) + shift
    return h, np.sum(log_scale, 1)


def _ceil_split(h, conditioner):  # keeps (D + 1) // 2 columns: wrong for odd D (the D = 5 case)
    d = (h.shape[1] + 1) // 2
    shift, log_scale = conditioner(h[:, :d])
    return np.concatenate([h[:, :d], h[:, d:] * np.exp(log_scale) + shift], axis=1), np.sum(
        log_scale, 1
    )


# 16.5: affine coupling, inverse
def _inverse_wrong_scale(h_out, conditioner):  # wrong direction: (h2' − t) · exp(+s) (every case)
    d = h_out.shape[1] // 2
    shift, log_scale = conditioner(h_out[:, :d])
    return np.concatenate(
        [h_out[:, :d], (h_out[:, d:] - shift) * np.exp(log_scale)], axis=1
    ), -np.sum(log_scale, 1)


def _inverse_wrong_order(
    h_out, conditioner
):  # h2' · exp(−s) − t: undoes the scale before the shift
    d = h_out.shape[1] // 2
    shift, log_scale = conditioner(h_out[:, :d])
    return np.concatenate(
        [h_out[:, :d], h_out[:, d:] * np.exp(-log_scale) - shift], axis=1
    ), -np.sum(log_scale, 1)


def _inverse_positive_logdet(
    h_out, conditioner
):  # returns the forward layer's log|det| (every case)
    d = h_out.shape[1] // 2
    shift, log_scale = conditioner(h_out[:, :d])
    return np.concatenate(
        [h_out[:, :d], (h_out[:, d:] - shift) * np.exp(-log_scale)], axis=1
    ), np.sum(log_scale, 1)


def _inverse_divides_by_log_scale(
    h_out, conditioner
):  # divides by s instead of multiplying by exp(−s)
    d = h_out.shape[1] // 2
    shift, log_scale = conditioner(h_out[:, :d])
    return np.concatenate([h_out[:, :d], (h_out[:, d:] - shift) / log_scale], axis=1), -np.sum(
        log_scale, 1
    )


# 16.6: fixed-point inversion of a residual layer
def _plus_sign(
    y, f, tol=1e-12, max_iter=1000
):  # iterates z ← y + f(z): solves z − f(z) = y (every case)
    z = y.copy()
    for _ in range(max_iter):
        z_new = y + f(z)
        if np.max(np.abs(z_new - z)) <= tol:
            return z_new
        z = z_new
    return z


def _single_step(
    y, f, tol=1e-12, max_iter=1000
):  # one step, z = y − f(y), not iterated (every case)
    return y - f(y)


def _few_steps(
    y, f, tol=1e-12, max_iter=1000
):  # a fixed 5 steps, ignoring tol (β = 0.9 and the 1D sine)
    z = y.copy()
    for _ in range(5):
        z = y - f(z)
    return z


def _residual_not_inverted(
    y, f, tol=1e-12, max_iter=1000
):  # applies the layer instead: y + f(y) (every case)
    return y + f(y)


def _overwrites_y(
    y, f, tol=1e-12, max_iter=1000
):  # z is y itself, updated in place (the in-place check)
    z = y
    for _ in range(max_iter):
        z_new = y - f(z)
        if np.max(np.abs(z_new - z)) <= tol:
            z[:] = z_new
            return z
        z[:] = z_new
    return z


MISTAKES = {
    "16.1": [
        _plus_log_slope,
        _no_abs,
        _log_of_density,
        _density_not_log,
        _no_normaliser,
        _divides_log,
        _ignores_slope,
    ],
    "16.2": [_log_of_product, _log_of_det, _log_without_abs, _sum_of_diagonal, _det_itself],
    "16.3": [
        _one_pass,
        _conditioned_on_zeros,
        _wrong_scale_direction,
        _density_formula,
        _one_pass_short,
        _fills_z_in_place,
    ],
    "16.4": [
        _det_not_log_det,
        _log_of_prod_exp,
        _logdet_whole_batch,
        _logdet_mean,
        _logdet_negative,
        _no_exp,
        _shift_then_scale,
        _forward_in_place,
        _ceil_split,
    ],
    "16.5": [
        _inverse_wrong_scale,
        _inverse_wrong_order,
        _inverse_positive_logdet,
        _inverse_divides_by_log_scale,
    ],
    "16.6": [_plus_sign, _single_step, _few_steps, _residual_not_inverted, _overwrites_y],
}
