"""Chapter 9 (Regularization): L2, the modified loss of implicit regularisation, dropout, augmentation,
ensembles and Bayesian linear regression."""

import numpy as np

from udlcourse.check import Case, Exercise
from udlcourse.solutions import ch09 as solutions

_rng = np.random.default_rng(9)
_phi = np.array([0.5, -2.0])
_grid = _rng.normal(size=(3, 4, 2))
_h = _rng.normal(size=(3, 5))
_mask = (_rng.uniform(size=(3, 5)) > 0.4).astype(float)
_signals = _rng.normal(size=(3, 8))
_signals4 = _rng.normal(size=(4, 8))
_logits = _rng.normal(size=(4, 5, 3)) * 2
_design = np.column_stack([np.ones(6), np.linspace(0, 1, 6), np.linspace(0, 1, 6) ** 2])
_targets = np.array([0.1, 0.5, 0.4, 0.9, 1.2, 1.0])

EXERCISES = [
    Exercise(
        id="9.1",
        title="the L2-regularised loss and its gradient",
        reference=solutions.l2_regularized,
        cases=(
            Case((1.5, np.array([0.2, -0.1]), _phi, 0.1), note="one parameter vector"),
            Case(
                (np.array(0.5), np.array([0.1, 0.2, 0.3]), np.array([1.0, -2.0, 3.0]), 0.25),
                note="three parameters: the penalty sums (not averages) the squares",
            ),
            Case((1.5, np.array([0.2, -0.1]), _phi, 0.0), note="λ = 0: nothing changes"),
            Case(
                (np.ones((3, 4)), np.zeros((3, 4, 2)), _grid, 0.5),
                note="a 3×4 grid of parameter vectors",
            ),
            Case(
                (0.0, np.zeros(3), np.zeros(3), 2.0),
                note="at the origin the penalty and its gradient vanish",
            ),
        ),
        hint=(
            "Eq. 9.5 with the L2 penalty g[φ] = Σ_j φ_j²: add λ·Σ_j φ_j² to the loss (sum over the last axis only) "
            "and its derivative 2λφ to the gradient. Return the pair (loss, gradient)."
        ),
    ),
    Exercise(
        id="9.2",
        title="the modified loss of gradient descent",
        reference=solutions.modified_loss,
        cases=(
            Case((0.7, np.array([0.3, -0.4]), 0.5), note="one point: |gradient|² = 0.25"),
            Case((0.7, np.array([0.3, -0.4]), 0.0), note="α → 0: the modified loss is the loss"),
            Case((np.ones((3, 4)), _grid, 2.0), note="a 3×4 grid of points"),
            Case((0.2, np.zeros(2), 4.0), note="at a minimum the gradient is zero: no change"),
        ),
        hint=(
            "Eq. 9.8: L̃[φ] = L[φ] + (α/4)·‖∂L/∂φ‖², where ‖·‖² is the sum of the squared gradient entries "
            "(over the last axis, so that a grid of gradients gives a grid of losses)."
        ),
    ),
    Exercise(
        id="9.3",
        title="inverted dropout",
        reference=solutions.dropout_layer,
        cases=(
            Case((_h, _mask, 0.4), note="a batch of 3 examples, 5 hidden units"),
            Case((_h, np.ones((3, 5)), 0.0), note="p = 0 and nothing dropped: unchanged"),
            Case(
                (np.ones((1, 4)), np.array([[1.0, 0.0, 1.0, 0.0]]), 0.5),
                note="half the units dropped",
            ),
        ),
        hint=(
            "§9.3.3: multiply by the 0/1 mask, then divide by the keep probability (1 − p) so that the expected "
            "activation is unchanged (this is what torch.nn.Dropout does in training mode)."
        ),
    ),
    Exercise(
        id="9.4",
        title="augmenting 1D signals by shifting and scaling",
        reference=solutions.augment,
        cases=(
            Case(
                (np.arange(12.0).reshape(2, 6), np.array([1, 0]), np.array([1.0, 1.0])),
                note="shift the first signal one place to the right",
            ),
            Case(
                (_signals, np.array([2, -3, 8]), np.array([0.5, 1.0, 2.0])),
                note="a negative shift, and a shift by the whole length 8 (the signal comes back unchanged)",
            ),
            Case(
                (_signals4, np.array([11, -13, 19, 1]), np.array([1.0, 0.5, 2.0, 1.5])),
                note="shifts longer than the signal (11, −13 and 19 on length 8): they wrap around more than once",
            ),
            Case(
                (_signals, np.zeros(3, dtype=int), np.array([1.0, 1.0, 1.0])),
                note="no shift, no scaling",
            ),
        ),
        hint=(
            "§9.3.8: out[i, j] = scales[i] · x[i, (j − shifts[i]) mod L]: each row moves on its own, "
            "as np.roll(x[i], shifts[i]) does (a positive shift moves the signal right and wraps around, as often "
            "as needed: a shift by L + 3 is a shift by 3). Return a new array; do not change x."
        ),
    ),
    Exercise(
        id="9.5",
        title="the ensemble's predicted probabilities",
        reference=solutions.ensemble_probabilities,
        cases=(
            Case((_logits,), note="4 members, 5 examples, 3 classes"),
            Case((_logits[:1],), note="an ensemble of one: its softmax"),
            Case(
                (np.array([[[1000.0, 0.0]], [[0.0, 1000.0]]]),),
                note="huge logits: needs a stable softmax",
            ),
            Case(
                (np.array([[[1000.0, 999.0, 0.0]], [[-1000.0, -1001.0, -1500.0]]]),),
                note="members on very different scales: shift each row by its own maximum",
            ),
            Case(
                (np.array([[[1500.0, 0.0, -1500.0]], [[0.0, 1.0, 2.0]]]),),
                note="logits spread by 3000 within a row: a shift by the mean or the first logit overflows",
            ),
        ),
        hint=(
            "§9.3.2: turn each member's logits into probabilities with a (stable) softmax over the classes "
            "(last axis, eq. 5.22), then average the probabilities over the members (axis 0)."
        ),
    ),
    Exercise(
        id="9.6",
        title="the posterior of Bayesian linear regression",
        reference=solutions.bayes_posterior,
        cases=(
            Case((_design, _targets, 0.1, 1.0), note="three features, six points"),
            Case((_design, _targets, 0.1, 1e6), note="a very broad prior: close to least squares"),
            Case(
                (_design[:1], _targets[:1], 0.5, 2.0),
                note="one data point: fewer points than weights",
            ),
        ),
        hint=(
            "§9.3.5 (eq. 9.11 for a linear model with a normal prior): posterior covariance Σ = (XᵀX/σ² + I/σ_p²)⁻¹ and mean "
            "μ = Σ Xᵀy/σ², with σ² = noise_var and σ_p² = prior_var. Return (mean, covariance)."
        ),
    ),
]
