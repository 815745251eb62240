import random
import time

import numpy as np
import pytest
import torch

from udlcourse import data


@pytest.mark.parametrize("make", [data.linear_1d, data.toy_1d, data.gabor])
def test_toy_sets_have_the_requested_sizes_and_are_seeded(make):
    split = make(n_train=9, n_test=11, seed=3)
    assert [len(a) for a in split] == [9, 9, 11, 11]
    again = make(n_train=9, n_test=11, seed=3)
    assert all(np.array_equal(a, b) for a, b in zip(split, again))
    other = make(n_train=9, n_test=11, seed=4)
    assert not np.array_equal(split.y_train, other.y_train)


def test_linear_1d_without_noise_lies_on_the_line():
    split = data.linear_1d(n_train=20, noise=0.0, intercept=1.0, slope=-2.0)
    np.testing.assert_allclose(split.y_train, 1.0 - 2.0 * split.x_train)


def test_gabor_without_noise_follows_the_model():
    split = data.gabor(noise=0.0)
    from udlcourse.models import gabor_model

    np.testing.assert_allclose(
        split.y_train, gabor_model(split.x_train, *data.GABOR_TRUE_PARAMETERS)
    )


def test_tensors_have_float_inputs_and_the_right_device():
    split = data.toy_1d(as_tensors=True)
    assert all(isinstance(a, torch.Tensor) and a.dtype == torch.float32 for a in split)


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: data.linear_1d(n_train=0), "n_train"),
        (lambda: data.linear_1d(n_test=2.5), "n_test"),
        (lambda: data.toy_1d(noise=-1.0), "noise"),
        (lambda: data.gabor(n_train="ten"), "n_train"),
        (lambda: data.mnist1d(num_samples=5), "num_samples"),
        (lambda: data.mnist1d(seed=-3), "seed"),
    ],
)
def test_bad_arguments_raise_value_errors_naming_the_argument(call, name):
    with pytest.raises(ValueError, match=name):
        call()


def test_mnist1d_standard_split_is_cached_and_leaves_the_global_generators_alone(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("UDLCOURSE_CACHE_DIR", str(tmp_path))
    data._MNIST1D_MEMORY.clear()
    np.random.seed(123)
    random.seed(123)
    expected = (np.random.rand(), random.random())
    np.random.seed(123)
    random.seed(123)
    split = data.mnist1d(num_samples=400, seed=5)
    assert (np.random.rand(), random.random()) == expected
    assert split.x_train.shape == (320, 40) and split.x_test.shape == (80, 40)
    assert split.x_train.dtype == np.float32 and split.y_train.dtype == np.int64
    assert set(np.unique(split.y_train)) <= set(range(10))
    assert list(tmp_path.glob("mnist1d-*.npz")), "the generated data set is cached on disk"

    data._MNIST1D_MEMORY.clear()
    started = time.perf_counter()
    from_disk = data.mnist1d(num_samples=400, seed=5)
    assert time.perf_counter() - started < 1.0
    assert all(np.array_equal(a, b) for a, b in zip(split, from_disk))
    from_disk.x_train[:] = 0  # callers get copies: changing one does not change the cache
    assert not np.array_equal(data.mnist1d(num_samples=400, seed=5).x_train, from_disk.x_train)


def test_mnist1d_default_is_the_papers_4000_1000_split():
    split = data.mnist1d(as_tensors=True)
    assert tuple(split.x_train.shape) == (4000, 40) and tuple(split.x_test.shape) == (1000, 40)
    assert split.y_train.dtype == torch.long
