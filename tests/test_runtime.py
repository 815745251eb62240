import random
import warnings

import numpy as np
import pytest
import torch

import udlcourse as udl
from udlcourse import runtime


def test_setup_seeds_everything_reproducibly():
    udl.setup(seed=7)
    first = (random.random(), np.random.rand(), torch.rand(1).item())
    udl.setup(seed=7)
    assert (random.random(), np.random.rand(), torch.rand(1).item()) == first
    udl.setup(seed=8)
    assert torch.rand(1).item() != first[2]


def test_setup_returns_the_cpu_here_and_sets_one_thread():
    before = torch.get_num_threads()
    try:
        device = udl.setup(seed=0)
        assert device == torch.device("cpu")
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)


def test_setup_applies_the_course_style():
    import matplotlib.pyplot as plt

    udl.setup(seed=0)
    assert plt.rcParams["axes.spines.top"] is False
    assert plt.rcParams["axes.grid"] is True


@pytest.mark.parametrize("seed", [-1, 1.5, "0", True])
def test_setup_rejects_bad_seeds(seed):
    with pytest.raises(ValueError, match="seed"):
        udl.setup(seed=seed)


@pytest.mark.parametrize("threads", [0, -2, 1.0])
def test_setup_rejects_bad_thread_counts(threads):
    with pytest.raises(ValueError, match="threads"):
        udl.setup(seed=0, threads=threads)


def test_diagnostics_is_one_line_with_the_versions():
    line = udl.diagnostics()
    assert "\n" not in line
    for part in (udl.__version__, torch.__version__, np.__version__, "device cpu", "local"):
        assert part in line


def test_is_interactive_follows_the_front_end(monkeypatch):
    monkeypatch.delenv("UDLCOURSE_INTERACTIVE", raising=False)
    monkeypatch.delenv("VSCODE_PID", raising=False)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    assert not runtime.is_interactive()
    monkeypatch.setenv("JPY_SESSION_NAME", "/notebooks/ch02.ipynb")
    assert runtime.is_interactive()
    monkeypatch.setenv("UDLCOURSE_INTERACTIVE", "0")
    assert not runtime.is_interactive()


def test_strict_warnings_turn_course_deprecations_into_errors():
    with warnings.catch_warnings():
        runtime._strict_warnings()
        for module in ("__main__", "udlcourse.data"):
            with pytest.raises(DeprecationWarning):
                warnings.warn_explicit("old", DeprecationWarning, "x.py", 1, module=module)
        with pytest.raises(FutureWarning):
            warnings.warn_explicit("soon", FutureWarning, "x.py", 1, module="__main__")
        with warnings.catch_warnings(record=True) as caught:
            warnings.warn_explicit("not ours", DeprecationWarning, "x.py", 1, module="somelibrary")
        assert len(caught) <= 1  # a third-party warning is not turned into an error
