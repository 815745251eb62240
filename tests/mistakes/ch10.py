"""Plausible wrong answers to the chapter 10 exercises."""

import numpy as np

from udlcourse.exercises import ch10 as _ref


def _conv1d_flipped(x, w, b=0.0, stride=1, dilation=1, padding=0):
    return _ref.conv1d(x, np.asarray(w)[::-1], b, stride, dilation, padding)  # a true convolution: kernel flipped


def _conv1d_no_dilation(x, w, b=0.0, stride=1, dilation=1, padding=0):
    return _ref.conv1d(x, w, b, stride, 1, padding)  # dilation ignored


def _conv1d_pad_left(x, w, b=0.0, stride=1, dilation=1, padding=0):
    xp = np.concatenate([np.zeros(2 * padding), np.asarray(x, float)])  # all padding on one side
    return _ref.conv1d(xp, w, b, stride, dilation, 0)


def _conv1d_stride_after(x, w, b=0.0, stride=1, dilation=1, padding=0):
    return _ref.conv1d(x, w, b, 1, dilation, padding)[::stride][: _ref.conv1d_output_length(len(x), len(w), stride, dilation, padding) - 1]  # off by one


def _conv_matrix_transposed(w, length, stride=1, dilation=1, padding=0):
    return _ref.conv_matrix(w, length, stride, dilation, padding).T  # wrong orientation


def _conv_matrix_no_padding_shift(w, length, stride=1, dilation=1, padding=0):
    out = _ref.conv1d_output_length(length, len(w), stride, dilation, padding)
    m = np.zeros((out, length))
    for i in range(out):
        for k, wk in enumerate(w):
            j = i * stride + k * dilation  # forgot to subtract the padding
            if 0 <= j < length:
                m[i, j] = wk
    return m


def _conv_matrix_flipped(w, length, stride=1, dilation=1, padding=0):
    return _ref.conv_matrix(np.asarray(w)[::-1], length, stride, dilation, padding)


def _rf_sum(kernels, strides, dilations):
    return int(sum(d * k for k, d in zip(kernels, dilations)))  # added the kernel sizes


def _rf_no_strides(kernels, strides, dilations):
    return _ref.receptive_field(kernels, [1] * len(kernels), dilations)  # ignored the strides


def _rf_own_stride(kernels, strides, dilations):
    size, jump = 1, 1
    for k, s, d in zip(kernels, strides, dilations):
        jump *= s  # multiplied by the layer's own stride too early
        size += d * (k - 1) * jump
    return size


def _conv2d_flipped(image, kernel, stride=1, padding=0):
    return _ref.conv2d(image, np.asarray(kernel)[::-1, ::-1], stride, padding)


def _conv2d_transposed_kernel(image, kernel, stride=1, padding=0):
    return _ref.conv2d(image, np.asarray(kernel).T, stride, padding)  # rows and columns of the kernel swapped


def _conv2d_no_padding(image, kernel, stride=1, padding=0):
    return _ref.conv2d(image, kernel, stride, 0)


def _pool_mean(image, size):
    image = np.asarray(image, float)
    h, w = image.shape[0] // size, image.shape[1] // size
    return image[: h * size, : w * size].reshape(h, size, w, size).mean(axis=(1, 3))


def _pool_wrong_reshape(image, size):
    image = np.asarray(image, float)
    h, w = image.shape[0] // size, image.shape[1] // size
    return image[: h * size, : w * size].reshape(h, w, size, size).max(axis=(2, 3))  # blocks are not contiguous


def _pool_overlapping(image, size):
    image = np.asarray(image, float)
    h, w = image.shape[0] // size, image.shape[1] // size
    out = np.zeros((h, w))
    for i in range(h):
        for j in range(w):
            out[i, j] = image[i : i + size, j : j + size].max()  # stride 1 instead of stride = size
    return out


MISTAKES = {
    "10.1": [
        lambda L, K, stride=1, dilation=1, padding=0: (L + 2 * padding - K) // stride + 1,  # dilation ignored
        lambda L, K, stride=1, dilation=1, padding=0: (L + padding - dilation * (K - 1) - 1) // stride + 1,  # one side
        lambda L, K, stride=1, dilation=1, padding=0: (L + 2 * padding - dilation * (K - 1) - 1) / stride + 1,  # no floor
        lambda L, K, stride=1, dilation=1, padding=0: (L + 2 * padding - dilation * (K - 1) - 1) // stride,  # no +1
    ],
    "10.2": [_conv1d_flipped, _conv1d_no_dilation, _conv1d_pad_left, _conv1d_stride_after],
    "10.3": [_conv_matrix_transposed, _conv_matrix_no_padding_shift, _conv_matrix_flipped],
    "10.4": [_rf_sum, _rf_no_strides, _rf_own_stride],
    "10.5": [_conv2d_flipped, _conv2d_transposed_kernel, _conv2d_no_padding],
    "10.6": [_pool_mean, _pool_wrong_reshape, _pool_overlapping],
}
