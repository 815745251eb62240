"""Plausible wrong answers to the chapter 6 exercises."""

import numpy as np

GOLDEN = 0.6180339887498949


def _bracket_keeps_wrong_side(loss_fn, a, d):
    b, c = d - GOLDEN * (d - a), a + GOLDEN * (d - a)
    return (b, d) if loss_fn(b) < loss_fn(c) else (a, c)  # throws away the half holding the minimum


def _bracket_swapped_points(loss_fn, a, d):
    b, c = a + GOLDEN * (d - a), d - GOLDEN * (d - a)  # b and c swapped, so b > c
    return (a, c) if loss_fn(b) < loss_fn(c) else (b, d)


def _bracket_bisection(loss_fn, a, d):
    middle = (a + d) / 2  # compares the two ends of the bracket instead of two inner points
    return (a, middle) if loss_fn(a) < loss_fn(d) else (middle, d)


def _bracket_compares_ends(loss_fn, a, d):
    b, c = d - GOLDEN * (d - a), a + GOLDEN * (d - a)
    return (
        (a, c) if loss_fn(a) < loss_fn(d) else (b, d)
    )  # compares the ends: wrong on the lopsided valleys


def _bracket_compares_b_with_d(loss_fn, a, d):
    b, c = d - GOLDEN * (d - a), a + GOLDEN * (d - a)
    return (
        (a, c) if loss_fn(b) < loss_fn(d) else (b, d)
    )  # b against the end d: wrong on the lopsided valley at 0.7


def _bracket_compares_a_with_c(loss_fn, a, d):
    b, c = d - GOLDEN * (d - a), a + GOLDEN * (d - a)
    return (
        (a, c) if loss_fn(a) < loss_fn(c) else (b, d)
    )  # the end a against c: wrong when the minimum is at 0.3


def _bracket_keeps_outer_thirds(loss_fn, a, d):
    b, c = d - GOLDEN * (d - a), a + GOLDEN * (d - a)
    return (
        (a, b) if loss_fn(b) < loss_fn(c) else (c, d)
    )  # cuts at the wrong inner point: loses the minimum at 0.3


def _gabor_mean(x, y, phi0, phi1):
    z, envelope, residual = _gabor_parts(x, y, phi0, phi1)
    w = 2 * residual * envelope * (np.cos(z) - z * np.sin(z) / 16)
    return np.array(
        [np.mean(w), np.mean(w * 0.06 * x)]
    )  # mean, not sum: wrong for more than one data point


def _gabor_parts(x, y, phi0, phi1):
    z = phi0 + 0.06 * phi1 * x
    envelope = np.exp(-(z**2) / 32.0)
    return z, envelope, np.sin(z) * envelope - y


def _gabor_no_product_rule(x, y, phi0, phi1):
    z, envelope, residual = _gabor_parts(x, y, phi0, phi1)
    w = 2 * residual * np.cos(z) * envelope  # differentiated only the sine
    return np.array([np.sum(w), np.sum(w * 0.06 * x)])


def _gabor_no_chain_factor(x, y, phi0, phi1):
    z, envelope, residual = _gabor_parts(x, y, phi0, phi1)
    w = 2 * residual * envelope * (np.cos(z) - z * np.sin(z) / 16)
    return np.array([np.sum(w), np.sum(w * x)])  # forgot the 0.06 from dz/dphi1


def _gabor_no_residual(x, y, phi0, phi1):
    z, envelope, _ = _gabor_parts(x, y, phi0, phi1)
    w = (
        2 * envelope * (np.cos(z) - z * np.sin(z) / 16)
    )  # the gradient of the model, not of the loss
    return np.array([np.sum(w), np.sum(w * 0.06 * x)])


def _momentum_old_m(phi, m, g, alpha, beta):
    m_new = beta * m + (1 - beta) * g
    return phi - alpha * m, m_new  # steps with the old momentum


def _momentum_no_damping(phi, m, g, alpha, beta):
    m_new = beta * m + g  # forgot the (1 - beta)
    return phi - alpha * m_new, m_new


def _momentum_weights_swapped(phi, m, g, alpha, beta):
    m_new = (1 - beta) * m + beta * g
    return phi - alpha * m_new, m_new


def _nesterov_no_lookahead(phi, m, gradient_fn, alpha, beta):
    m_new = beta * m + (1 - beta) * gradient_fn(phi)  # plain momentum
    return phi - alpha * m_new, m_new


def _nesterov_lookahead_without_beta(phi, m, gradient_fn, alpha, beta):
    m_new = beta * m + (1 - beta) * gradient_fn(phi - alpha * m)
    return phi - alpha * m_new, m_new


def _nesterov_wrong_sign(phi, m, gradient_fn, alpha, beta):
    m_new = beta * m + (1 - beta) * gradient_fn(phi + alpha * beta * m)  # looks backwards
    return phi - alpha * m_new, m_new


def _adam_no_bias_correction(phi, m, v, g, t, alpha, beta, gamma, epsilon):
    m_new = beta * m + (1 - beta) * g
    v_new = gamma * v + (1 - gamma) * g**2
    return phi - alpha * m_new / (np.sqrt(v_new) + epsilon), m_new, v_new


def _adam_off_by_one(phi, m, v, g, t, alpha, beta, gamma, epsilon):
    m_new = beta * m + (1 - beta) * g
    v_new = gamma * v + (1 - gamma) * g**2
    m_hat, v_hat = m_new / (1 - beta ** (t + 1)), v_new / (1 - gamma ** (t + 1))
    return phi - alpha * m_hat / (np.sqrt(v_hat) + epsilon), m_new, v_new


def _adam_returns_corrected(phi, m, v, g, t, alpha, beta, gamma, epsilon):
    m_new = beta * m + (1 - beta) * g
    v_new = gamma * v + (1 - gamma) * g**2
    m_hat, v_hat = m_new / (1 - beta**t), v_new / (1 - gamma**t)
    return (
        phi - alpha * m_hat / (np.sqrt(v_hat) + epsilon),
        m_hat,
        v_hat,
    )  # stores the corrected moments


def _adam_no_square_root(phi, m, v, g, t, alpha, beta, gamma, epsilon):
    m_new = beta * m + (1 - beta) * g
    v_new = gamma * v + (1 - gamma) * g**2
    m_hat, v_hat = m_new / (1 - beta**t), v_new / (1 - gamma**t)
    return phi - alpha * m_hat / (v_hat + epsilon), m_new, v_new


def _adam_epsilon_inside(phi, m, v, g, t, alpha, beta, gamma, epsilon):
    m_new = beta * m + (1 - beta) * g
    v_new = gamma * v + (1 - gamma) * g**2
    m_hat, v_hat = m_new / (1 - beta**t), v_new / (1 - gamma**t)
    return (
        phi - alpha * m_hat / np.sqrt(v_hat + epsilon),
        m_new,
        v_new,
    )  # ε inside the root: wrong for gradients 1e-5


def _adam_uncorrected_v(phi, m, v, g, t, alpha, beta, gamma, epsilon):
    m_new = beta * m + (1 - beta) * g
    v_new = gamma * v + (1 - gamma) * g**2
    m_hat = m_new / (1 - beta**t)
    return phi - alpha * m_hat / (np.sqrt(v_new) + epsilon), m_new, v_new  # corrected m only


def _adam_abs_gradient(phi, m, v, g, t, alpha, beta, gamma, epsilon):
    m_new = beta * m + (1 - beta) * g
    v_new = gamma * v + (1 - gamma) * np.abs(g)  # |g| instead of g²
    m_hat, v_hat = m_new / (1 - beta**t), v_new / (1 - gamma**t)
    return phi - alpha * m_hat / (np.sqrt(v_hat) + epsilon), m_new, v_new


MISTAKES = {
    "6.1": [
        _bracket_keeps_wrong_side,
        _bracket_swapped_points,
        _bracket_bisection,
        _bracket_compares_ends,
        _bracket_compares_b_with_d,
        _bracket_compares_a_with_c,
        _bracket_keeps_outer_thirds,
    ],
    "6.2": [_gabor_no_product_rule, _gabor_no_chain_factor, _gabor_no_residual, _gabor_mean],
    "6.3": [_momentum_old_m, _momentum_no_damping, _momentum_weights_swapped],
    "6.4": [_nesterov_no_lookahead, _nesterov_lookahead_without_beta, _nesterov_wrong_sign],
    "6.5": [
        _adam_no_bias_correction,
        _adam_off_by_one,
        _adam_returns_corrected,
        _adam_no_square_root,
        _adam_epsilon_inside,
        _adam_uncorrected_v,
        _adam_abs_gradient,
    ],
    "6.6": [
        lambda rate, step, drop, every: (
            rate * drop ** (step / every)
        ),  # smooth decay instead of steps
        lambda rate, step, drop, every: (
            rate * drop ** ((step + 1) // every)
        ),  # off by one: drops a step early
        lambda rate, step, drop, every: (
            rate * drop * (step // every)
        ),  # multiplied instead of raised to a power
        lambda rate, step, drop, every: (
            rate * drop ** round(step / every)
        ),  # rounds: drops half a block early (step 7 of 3)
        lambda rate, step, drop, every: (
            rate * (1 - drop) ** (step // every)
        ),  # multiplies by 1 - drop (drop 0.1 case)
    ],
}


def _golden_loop(loss_fn, a, d):
    """Correct, written with explicit fractions and a comparison the other way round."""
    low, high = a + 0.3819660112501051 * (d - a), a + 0.6180339887498949 * (d - a)
    if loss_fn(high) <= loss_fn(low):
        return (low, d)
    return (a, high)


def _adam_float32(phi, m, v, g, t, alpha, beta, gamma, epsilon):
    """Correct, in float32 (as torch usually runs it)."""
    phi, m, v, g = (np.asarray(a, dtype=np.float32) for a in (phi, m, v, g))
    m_new = np.float32(beta) * m + np.float32(1 - beta) * g
    v_new = np.float32(gamma) * v + np.float32(1 - gamma) * g * g
    step = alpha * (m_new / (1 - beta**t)) / (np.sqrt(v_new / (1 - gamma**t)) + epsilon)
    return phi - step, m_new, v_new


def _gabor_loop(x, y, phi0, phi1):
    """Correct, one data point at a time."""
    total = np.zeros(2)
    for xi, yi in zip(x, y):
        z = phi0 + 0.06 * phi1 * xi
        f = np.sin(z) * np.exp(-z * z / 32)
        dfdz = np.cos(z) * np.exp(-z * z / 32) - np.sin(z) * np.exp(-z * z / 32) * z / 16
        total += 2 * (f - yi) * dfdz * np.array([1.0, 0.06 * xi])
    return total


def _momentum_in_place(phi, m, g, alpha, beta):
    m *= beta  # updates the caller's momentum array in place (caught on every case)
    m += (1 - beta) * g
    phi -= alpha * m  # and the caller's parameters
    return phi, m


def _adam_in_place(phi, m, v, g, t, alpha, beta, gamma, epsilon):
    m *= beta  # changes the caller's m, v and phi in place (caught on every case)
    m += (1 - beta) * g
    v *= gamma
    v += (1 - gamma) * g**2
    phi -= alpha * (m / (1 - beta**t)) / (np.sqrt(v / (1 - gamma**t)) + epsilon)
    return phi, m, v


MISTAKES["6.3"].append(_momentum_in_place)
MISTAKES["6.5"].append(_adam_in_place)


# Correct answers written differently: every one must pass its check.
ALTERNATIVES = {
    "6.1": [_golden_loop],
    "6.2": [_gabor_loop],
    "6.5": [_adam_float32],
    "6.6": [lambda rate, step, drop, every: rate * drop ** int(np.floor(step / every))],
}
