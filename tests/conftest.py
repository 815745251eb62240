"""Shared test set-up: a non-interactive matplotlib backend and a private data cache."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture
def headless(monkeypatch):
    """Pretend no notebook front end is attached (as under papermill or nbval)."""
    monkeypatch.setenv("UDLCOURSE_INTERACTIVE", "0")


@pytest.fixture
def interactive(monkeypatch):
    """Pretend a live notebook front end is attached (as in JupyterLab)."""
    monkeypatch.setenv("UDLCOURSE_INTERACTIVE", "1")
