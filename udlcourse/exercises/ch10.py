"""Chapter 10 (Convolutional networks): 1D convolution (output length, by hand, as a matrix), the receptive
field of stacked layers, 2D convolution and max pooling."""

import numpy as np

from udlcourse.check import Case, Exercise


def conv1d_output_length(length, kernel_size, stride=1, dilation=1, padding=0):
    """Length of the output of a 1D convolution (§10.2): floor((L + 2p - d(K - 1) - 1) / s) + 1."""
    return (length + 2 * padding - dilation * (kernel_size - 1) - 1) // stride + 1


def conv1d(x, weights, bias=0.0, stride=1, dilation=1, padding=0):
    """1D convolution as defined in the book (eq. 10.3, a cross-correlation): one input and one output channel.

    z[i] = bias + sum_k weights[k] * x_padded[i * stride + k * dilation], with `padding` zeros on both sides.
    """
    x = np.asarray(x, dtype=float)
    weights = np.asarray(weights, dtype=float)
    x_padded = np.pad(x, padding)
    out_length = (len(x_padded) - dilation * (len(weights) - 1) - 1) // stride + 1
    starts = np.arange(out_length) * stride
    taps = starts[:, None] + np.arange(len(weights)) * dilation
    return bias + x_padded[taps] @ weights


def conv_matrix(weights, length, stride=1, dilation=1, padding=0):
    """The (out_length, length) matrix Ω with Ω @ x == conv1d(x, weights, 0, stride, dilation, padding) (Fig. 10.4)."""
    weights = np.asarray(weights, dtype=float)
    out_length = (length + 2 * padding - dilation * (len(weights) - 1) - 1) // stride + 1
    matrix = np.zeros((out_length, length))
    for i in range(out_length):
        for k, w in enumerate(weights):
            j = i * stride + k * dilation - padding
            if 0 <= j < length:
                matrix[i, j] += w
    return matrix


def receptive_field(kernel_sizes, strides, dilations):
    """Inputs that one output of a stack of 1D convolutions sees: 1 + sum_l d_l (K_l - 1) prod_{j<l} s_j."""
    size, jump = 1, 1
    for kernel_size, stride, dilation in zip(kernel_sizes, strides, dilations):
        size += dilation * (kernel_size - 1) * jump
        jump *= stride
    return size


def conv2d(image, kernel, stride=1, padding=0):
    """2D convolution of one channel as in eq. 10.6 (a cross-correlation), with zero padding and a square stride."""
    image = np.pad(np.asarray(image, dtype=float), padding)
    kernel = np.asarray(kernel, dtype=float)
    kh, kw = kernel.shape
    out_h = (image.shape[0] - kh) // stride + 1
    out_w = (image.shape[1] - kw) // stride + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = np.sum(image[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel)
    return out


def max_pool(image, size):
    """Max pooling over non-overlapping size x size blocks (§10.4.1); rows/columns that do not fill a block are dropped."""
    image = np.asarray(image, dtype=float)
    h, w = image.shape[0] // size, image.shape[1] // size
    blocks = image[:h * size, :w * size].reshape(h, size, w, size)
    return blocks.max(axis=(1, 3))


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
        reference=conv1d_output_length,
        cases=(
            Case((40, 3), note="kernel 3, no padding: 'valid' convolution"),
            Case((40, 3), dict(stride=2), note="stride 2 (the book's MNIST-1D network)"),
            Case((10, 3), dict(dilation=2, padding=2), note="dilation 2 with padding 2"),
            Case((11, 4), dict(stride=3, dilation=2, padding=1), note="stride, dilation and padding at once"),
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
        reference=conv1d,
        cases=(
            Case((_x, _w3), note="kernel 3, stride 1, no padding (eq. 10.3)"),
            Case((_x, _w3, 0.5), dict(padding=1), note="zero padding 1 keeps the length; bias 0.5"),
            Case((_x, _w3, 0.0), dict(stride=2, padding=1), note="stride 2"),
            Case((_x, _w4, -1.0), dict(stride=3, dilation=2, padding=2), note="kernel 4, stride 3, dilation 2, padding 2"),
            Case((_x, np.array([2.0]), 0.0), dict(stride=2), note="kernel size 1"),
            Case((np.arange(5.0), np.array([1.0, 0.0, -1.0]), 0.0), note="an asymmetric kernel: do not flip it"),
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
        reference=conv_matrix,
        cases=(
            Case((_w3, 6), note="kernel 3, stride 1, no padding: a band of shape (4, 6)"),
            Case((_w3, 6), dict(padding=1), note="padding 1: the corner taps fall on padded zeros and vanish"),
            Case((_w3, 7), dict(stride=2, padding=1), note="stride 2: the band moves two columns per row"),
            Case((_w4, 9), dict(stride=1, dilation=2, padding=3), note="dilation 2: gaps in every row"),
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
        reference=receptive_field,
        cases=(
            Case(([3], [1], [1]), note="one layer with kernel 3"),
            Case(([3, 3, 3], [1, 1, 1], [1, 1, 1]), note="three kernel-3 layers, stride 1: grows by 2 each"),
            Case(([3, 3, 3], [2, 2, 2], [1, 1, 1]), note="the book's MNIST-1D network: stride 2 in every layer"),
            Case(([3, 3, 3, 3], [1, 1, 1, 1], [1, 2, 4, 8]), note="doubling dilations (WaveNet style)"),
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
        reference=conv2d,
        cases=(
            Case((_image, _kernel), note="3×3 kernel on a 6×7 image, no padding"),
            Case((_image, _kernel), dict(padding=1), note="padding 1 keeps the size (eq. 10.6)"),
            Case((_image, _kernel), dict(stride=2, padding=1), note="stride 2 halves the size"),
            Case((_image, np.array([[1.0, 2.0], [0.0, -1.0]])), note="an asymmetric 2×2 kernel: do not flip it"),
            Case((np.arange(12.0).reshape(3, 4), np.array([[1.0, -1.0, 0.5]])), note="a 1×3 kernel: not square"),
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
        reference=max_pool,
        cases=(
            Case((np.arange(16.0).reshape(4, 4), 2), note="4×4 → 2×2"),
            Case((_image, 2), note="6×7 image: the last column does not fill a block and is dropped"),
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
