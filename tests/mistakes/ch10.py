"""Plausible wrong answers to the chapter 10 exercises."""

import numpy as np

from udlcourse.solutions import ch10 as _ref


def _conv1d_flipped(x, w, b=0.0, stride=1, dilation=1, padding=0):
    return _ref.conv1d(
        x, np.asarray(w)[::-1], b, stride, dilation, padding
    )  # a true convolution: kernel flipped


def _conv1d_no_dilation(x, w, b=0.0, stride=1, dilation=1, padding=0):
    return _ref.conv1d(x, w, b, stride, 1, padding)  # dilation ignored


def _conv1d_pad_left(x, w, b=0.0, stride=1, dilation=1, padding=0):
    xp = np.concatenate([np.zeros(2 * padding), np.asarray(x, float)])  # all padding on one side
    return _ref.conv1d(xp, w, b, stride, dilation, 0)


def _conv1d_stride_after(x, w, b=0.0, stride=1, dilation=1, padding=0):
    return _ref.conv1d(x, w, b, 1, dilation, padding)[::stride][
        : _ref.conv1d_output_length(len(x), len(w), stride, dilation, padding) - 1
    ]  # off by one


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
    return _ref.conv2d(
        image, np.asarray(kernel).T, stride, padding
    )  # rows and columns of the kernel swapped


def _conv2d_no_padding(image, kernel, stride=1, padding=0):
    return _ref.conv2d(image, kernel, stride, 0)


def _pool_mean(image, size):
    image = np.asarray(image, float)
    h, w = image.shape[0] // size, image.shape[1] // size
    return image[: h * size, : w * size].reshape(h, size, w, size).mean(axis=(1, 3))


def _pool_wrong_reshape(image, size):
    image = np.asarray(image, float)
    h, w = image.shape[0] // size, image.shape[1] // size
    return (
        image[: h * size, : w * size].reshape(h, w, size, size).max(axis=(2, 3))
    )  # blocks are not contiguous


def _pool_overlapping(image, size):
    image = np.asarray(image, float)
    h, w = image.shape[0] // size, image.shape[1] // size
    out = np.zeros((h, w))
    for i in range(h):
        for j in range(w):
            out[i, j] = image[i : i + size, j : j + size].max()  # stride 1 instead of stride = size
    return out


# --- added for the checks issue: each names the case (udlcourse/exercises/ch10.py) that catches it ---


def _conv1d_dilation_gap(x, w, b=0.0, stride=1, dilation=1, padding=0):
    # "dilation d leaves d zeros between taps": spacing d + 1; caught by every case (spacing 2 even at d = 1)
    return _ref.conv1d(x, w, b, stride, dilation + 1, padding)


def _conv1d_bias_per_tap(x, w, b=0.0, stride=1, dilation=1, padding=0):
    # the bias added inside the sum over taps (K times); caught by "zero padding 1 keeps the length; bias 0.5"
    return _ref.conv1d(x, w, 0.0, stride, dilation, padding) + len(w) * b


def _conv1d_stride_dilation_swapped(x, w, b=0.0, stride=1, dilation=1, padding=0):
    # taps at i·dilation + k·stride; caught by "kernel 4, stride 3, dilation 2, padding 2"
    xp = np.pad(np.asarray(x, float), padding)
    n = _ref.conv1d_output_length(len(x), len(w), stride, dilation, padding)
    taps = np.arange(n)[:, None] * dilation + np.arange(len(w)) * stride
    return b + xp[np.clip(taps, 0, len(xp) - 1)] @ np.asarray(w, float)


def _conv_matrix_plus_padding(w, length, stride=1, dilation=1, padding=0):
    # the padding added instead of subtracted (j = i·s + k·d + p); caught by "padding 1: the corner taps ..."
    out = _ref.conv1d_output_length(length, len(w), stride, dilation, padding)
    m = np.zeros((out, length))
    for i in range(out):
        for k, wk in enumerate(w):
            j = i * stride + k * dilation + padding
            if 0 <= j < length:
                m[i, j] += wk
    return m


def _conv_matrix_no_stride(w, length, stride=1, dilation=1, padding=0):
    # the band moves one column per row whatever the stride; caught by "stride 2: the band moves two columns per row"
    out = _ref.conv1d_output_length(length, len(w), stride, dilation, padding)
    return _ref.conv_matrix(w, length, 1, dilation, padding)[:out]


def _rf_no_dilation(kernels, strides, dilations):
    # dilation ignored; caught by "doubling dilations (WaveNet style)"
    return _ref.receptive_field(kernels, strides, [1] * len(kernels))


def _rf_sum_of_strides(kernels, strides, dilations):
    size, jump = 1, 1
    for k, s, d in zip(kernels, strides, dilations):
        size += d * (k - 1) * jump
        jump += (
            s - 1
        )  # strides added, not multiplied; caught by "the book's MNIST-1D network: stride 2 in every layer"
    return size


def _conv2d_stride_columns_only(image, kernel, stride=1, padding=0):
    # stride applied to the columns but not the rows; caught by "stride 2 halves the size"
    return _ref.conv2d(image, kernel, 1, padding)[:, ::stride]


def _conv2d_pad_one_side(image, kernel, stride=1, padding=0):
    # 2p zeros before the first row and column only; caught by "padding 1 keeps the size (eq. 10.6)"
    image = np.asarray(image, float)
    padded = np.pad(image, ((2 * padding, 0), (2 * padding, 0)))
    return _ref.conv2d(padded, kernel, stride, 0)


def _conv2d_last_position_missing(image, kernel, stride=1, padding=0):
    # range(H - kh) instead of range(H - kh + 1): the last row and column are lost; caught by the first case
    return _ref.conv2d(image, kernel, stride, padding)[:-1, :-1]


def _pool_ceil(image, size):
    # incomplete blocks kept (ceil mode) instead of dropped; caught by "6×7 image: the last column ... is dropped"
    image = np.asarray(image, float)
    h, w = -(-image.shape[0] // size), -(-image.shape[1] // size)
    padded = np.full((h * size, w * size), -np.inf)
    padded[: image.shape[0], : image.shape[1]] = image
    return padded.reshape(h, size, w, size).max(axis=(1, 3))


def _pool_zero_padded_ceil(image, size):
    # incomplete blocks padded with zeros; caught by "all values negative, 3×3 blocks" only if a block is partial,
    # and by "6×7 image" through the shape
    image = np.asarray(image, float)
    h, w = -(-image.shape[0] // size), -(-image.shape[1] // size)
    padded = np.zeros((h * size, w * size))
    padded[: image.shape[0], : image.shape[1]] = image
    return padded.reshape(h, size, w, size).max(axis=(1, 3))


MISTAKES = {
    "10.1": [
        lambda L, K, stride=1, dilation=1, padding=0: (
            (L + 2 * padding - K) // stride + 1
        ),  # dilation ignored
        lambda L, K, stride=1, dilation=1, padding=0: (
            (L + padding - dilation * (K - 1) - 1) // stride + 1
        ),  # one side
        lambda L, K, stride=1, dilation=1, padding=0: (
            (L + 2 * padding - dilation * (K - 1) - 1) / stride + 1
        ),  # no floor
        lambda L, K, stride=1, dilation=1, padding=0: (
            (L + 2 * padding - dilation * (K - 1) - 1) // stride
        ),  # no +1
        # forgot the −1 (off by one when the stride divides evenly); caught by "stride 2 (the book's MNIST-1D network)"
        lambda L, K, stride=1, dilation=1, padding=0: (
            (L + 2 * padding - dilation * (K - 1)) // stride + 1
        ),
        # span d·K instead of d(K − 1) + 1 (the same when d = 1); caught by "dilation 2 with padding 2"
        lambda L, K, stride=1, dilation=1, padding=0: (
            (L + 2 * padding - dilation * K) // stride + 1
        ),
        # floor taken as a float (np.floor): an integer count returned as a float; caught by the dtype check, any case
        lambda L, K, stride=1, dilation=1, padding=0: (
            np.floor((L + 2 * padding - dilation * (K - 1) - 1) / stride) + 1
        ),
    ],
    "10.2": [
        _conv1d_flipped,
        _conv1d_no_dilation,
        _conv1d_pad_left,
        _conv1d_stride_after,
        _conv1d_dilation_gap,
        _conv1d_bias_per_tap,
        _conv1d_stride_dilation_swapped,
    ],
    "10.3": [
        _conv_matrix_transposed,
        _conv_matrix_no_padding_shift,
        _conv_matrix_flipped,
        _conv_matrix_plus_padding,
        _conv_matrix_no_stride,
    ],
    "10.4": [_rf_sum, _rf_no_strides, _rf_own_stride, _rf_no_dilation, _rf_sum_of_strides],
    "10.5": [
        _conv2d_flipped,
        _conv2d_transposed_kernel,
        _conv2d_no_padding,
        _conv2d_stride_columns_only,
        _conv2d_pad_one_side,
        _conv2d_last_position_missing,
    ],
    "10.6": [
        _pool_mean,
        _pool_wrong_reshape,
        _pool_overlapping,
        _pool_ceil,
        _pool_zero_padded_ceil,
    ],
}


def _conv1d_loop(x, w, b=0.0, stride=1, dilation=1, padding=0):
    xp = [0.0] * padding + list(x) + [0.0] * padding
    out = []
    i = 0
    while i + dilation * (len(w) - 1) < len(xp):
        out.append(b + sum(w[k] * xp[i + k * dilation] for k in range(len(w))))
        i += stride
    return np.array(out)


def _conv1d_torch(x, w, b=0.0, stride=1, dilation=1, padding=0):
    import torch

    t = torch.nn.functional.conv1d(
        torch.tensor(np.asarray(x, float))[None, None],
        torch.tensor(np.asarray(w, float))[None, None],
        torch.tensor([float(b)], dtype=torch.float64),
        stride=stride,
        dilation=dilation,
        padding=padding,
    )
    return t[0, 0].numpy()


def _conv_matrix_columns(w, length, stride=1, dilation=1, padding=0):
    return np.stack(
        [_ref.conv1d(np.eye(length)[j], w, 0.0, stride, dilation, padding) for j in range(length)],
        axis=1,
    )


def _conv2d_torch(image, kernel, stride=1, padding=0):
    import torch

    return torch.nn.functional.conv2d(
        torch.tensor(np.asarray(image, float))[None, None],
        torch.tensor(np.asarray(kernel, float))[None, None],
        stride=stride,
        padding=padding,
    )[0, 0].numpy()


def _max_pool_loops(image, size):
    image = np.asarray(image, float)
    return np.array(
        [
            [
                image[i * size : (i + 1) * size, j * size : (j + 1) * size].max()
                for j in range(image.shape[1] // size)
            ]
            for i in range(image.shape[0] // size)
        ]
    )


# Correct ways of writing each exercise that the text allows (loops, library calls, float32 where it fits).
ALTERNATIVES = {
    "10.1": [
        lambda L, K, stride=1, dilation=1, padding=0: (
            -(-(L + 2 * padding - dilation * (K - 1)) // stride)
        ),  # ceiling
        lambda L, K, stride=1, dilation=1, padding=0: len(
            range(0, L + 2 * padding - dilation * (K - 1), stride)
        ),
    ],
    "10.2": [_conv1d_loop, _conv1d_torch],
    "10.3": [_conv_matrix_columns],
    "10.4": [
        lambda kernels, strides, dilations: (
            1
            + sum(
                d * (k - 1) * int(np.prod(strides[:i]))
                for i, (k, d) in enumerate(zip(kernels, dilations))
            )
        )
    ],
    "10.5": [
        _conv2d_torch,
        lambda image, kernel, stride=1, padding=0: _ref.conv2d(image, kernel, 1, padding)[
            ::stride, ::stride
        ],
    ],
    "10.6": [_max_pool_loops],
}
