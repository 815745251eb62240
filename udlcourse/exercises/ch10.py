"""Chapter 10 (Convolutional networks): 1D convolution (output length, by hand, as a matrix), the receptive
field of stacked layers, 2D convolution and max pooling."""

import numpy as np

from udlcourse.check import Case, Exercise
from udlcourse.solutions import ch10 as solutions

_rng = np.random.default_rng(10)
_x = _rng.normal(size=11)
_w3 = np.array([0.5, -1.0, 2.0])
_w4 = _rng.normal(size=4)
_image = _rng.normal(size=(6, 7))
_kernel = _rng.normal(size=(3, 3))

EXERCISES = [
    Exercise(
        id="10.1",
        title="the output length of a 1D convolution",
        reference=solutions.conv1d_output_length,
        cases=(
            Case((40, 3), note="kernel 3, no padding: 'valid' convolution"),
            Case((40, 3), dict(stride=2), note="stride 2 (the book's MNIST-1D network)"),
            Case((10, 3), dict(dilation=2, padding=2), note="dilation 2 with padding 2"),
            Case(
                (11, 4),
                dict(stride=3, dilation=2, padding=1),
                note="stride, dilation and padding at once",
            ),
            Case((5, 1), dict(stride=2), note="kernel size 1: every other input"),
        ),
        hint=(
            "§10.2 (padding; stride, kernel size and dilation): the padded input has L + 2p entries; a kernel of size K with dilation d spans "
            "d(K − 1) + 1 of them; it fits at positions 0, s, 2s, ... so the count is "
            "floor((L + 2p − d(K − 1) − 1) / s) + 1. Use integer division //."
        ),
    ),
    Exercise(
        id="10.2",
        title="1D convolution with stride, dilation and zero padding",
        reference=solutions.conv1d,
        cases=(
            Case((_x, _w3), note="kernel 3, stride 1, no padding (eq. 10.3)"),
            Case((_x, _w3, 0.5), dict(padding=1), note="zero padding 1 keeps the length; bias 0.5"),
            Case((_x, _w3, 0.0), dict(stride=2, padding=1), note="stride 2"),
            Case(
                (_x, _w4, -1.0),
                dict(stride=3, dilation=2, padding=2),
                note="kernel 4, stride 3, dilation 2, padding 2",
            ),
            Case((_x, np.array([2.0]), 0.0), dict(stride=2), note="kernel size 1"),
            Case(
                (np.arange(5.0), np.array([1.0, 0.0, -1.0]), 0.0),
                note="an asymmetric kernel: do not flip it",
            ),
        ),
        hint=(
            "Eq. 10.3 and §10.2 (padding; stride, kernel size and dilation): pad x with `padding` zeros on both sides (np.pad), then output i is "
            "bias + Σ_k weights[k]·x_padded[i·stride + k·dilation] (no kernel flip: the book's convolution, like "
            "torch's, is a cross-correlation). The output length is that of Exercise 10.1."
        ),
    ),
    Exercise(
        id="10.3",
        title="the convolution as a matrix",
        reference=solutions.conv_matrix,
        cases=(
            Case((_w3, 6), note="kernel 3, stride 1, no padding: a band of shape (4, 6)"),
            Case(
                (_w3, 6),
                dict(padding=1),
                note="padding 1: the corner taps fall on padded zeros and vanish",
            ),
            Case(
                (_w3, 7),
                dict(stride=2, padding=1),
                note="stride 2: the band moves two columns per row",
            ),
            Case(
                (_w4, 9),
                dict(stride=1, dilation=2, padding=3),
                note="dilation 2: gaps in every row",
            ),
        ),
        hint=(
            "Fig. 10.4: row i of the matrix holds the weights that produce output i, i.e. Ω[i, i·stride + "
            "k·dilation − padding] = weights[k] for every tap k that lands inside 0..length−1 (taps on padded "
            "zeros are simply left out). Its shape is (output length, length)."
        ),
    ),
    Exercise(
        id="10.4",
        title="the receptive field of stacked convolutions",
        reference=solutions.receptive_field,
        cases=(
            Case(([3], [1], [1]), note="one layer with kernel 3"),
            Case(
                ([3, 3, 3], [1, 1, 1], [1, 1, 1]),
                note="three kernel-3 layers, stride 1: grows by 2 each",
            ),
            Case(
                ([3, 3, 3], [2, 2, 2], [1, 1, 1]),
                note="the book's MNIST-1D network: stride 2 in every layer",
            ),
            Case(
                ([3, 3, 3, 3], [1, 1, 1, 1], [1, 2, 4, 8]),
                note="doubling dilations (WaveNet style)",
            ),
            Case(([5, 1, 3], [2, 1, 3], [1, 1, 2]), note="mixed kernels, strides and dilations"),
        ),
        hint=(
            "§10.2 (receptive fields): each layer l widens the receptive field by d_l·(K_l − 1) steps of its INPUT, and one "
            "step of layer l's input is s_1·s_2·…·s_(l−1) original inputs (the strides of the layers BEFORE it). "
            "Start from 1 and add d_l·(K_l − 1)·(product of earlier strides)."
        ),
    ),
    Exercise(
        id="10.5",
        title="2D convolution of one channel",
        reference=solutions.conv2d,
        cases=(
            Case((_image, _kernel), note="3×3 kernel on a 6×7 image, no padding"),
            Case((_image, _kernel), dict(padding=1), note="padding 1 keeps the size (eq. 10.6)"),
            Case((_image, _kernel), dict(stride=2, padding=1), note="stride 2 halves the size"),
            Case(
                (_image, np.array([[1.0, 2.0], [0.0, -1.0]])),
                note="an asymmetric 2×2 kernel: do not flip it",
            ),
            Case(
                (np.arange(12.0).reshape(3, 4), np.array([[1.0, -1.0, 0.5]])),
                note="a 1×3 kernel: not square",
            ),
        ),
        hint=(
            "Eq. 10.6: pad the image with `padding` zeros on every side, then output [i, j] is the sum of "
            "kernel * (the kernel-sized patch whose top-left corner is at [i·stride, j·stride]). Rows and columns "
            "are independent: the kernel may be non-square. No flip (cross-correlation, as in torch)."
        ),
    ),
    Exercise(
        id="10.6",
        title="max pooling",
        reference=solutions.max_pool,
        cases=(
            Case((np.arange(16.0).reshape(4, 4), 2), note="4×4 → 2×2"),
            Case(
                (_image, 2), note="6×7 image: the last column does not fill a block and is dropped"
            ),
            Case((-np.abs(_image[:6, :6]), 3), note="all values negative, 3×3 blocks"),
            Case((_image, 1), note="size 1: nothing changes"),
        ),
        hint=(
            "§10.4.1 (Fig. 10.11b): split the image into non-overlapping size×size blocks (stride = size) and keep the largest "
            "value of each. Crop the rows and columns that do not fill a whole block first, as torch's "
            "max_pool2d does. With numpy: reshape to (H/size, size, W/size, size) and take max over axes 1 and 3."
        ),
    ),
]
