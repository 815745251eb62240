"""Where the code runs: seeding, device choice, thread count, and whether a person is watching.

Every chapter notebook starts with ``device = udl.setup(seed)``; learners paste ``udl.diagnostics()``
into bug reports.
"""

from __future__ import annotations

import os
import platform
import random
import sys
import warnings

import numpy as np
import torch


def in_colab() -> bool:
    """True when running inside Google Colab."""
    return "google.colab" in sys.modules


def is_interactive() -> bool:
    """True when a live notebook front end (JupyterLab, Notebook, Colab, VS Code) shows our output.

    Headless runs (papermill, nbval, nbclient) get False, so widgets are replaced by static figures
    and progress bars by a short printed summary. Set ``UDLCOURSE_INTERACTIVE=1`` or ``=0`` to force it.
    """
    forced = os.environ.get("UDLCOURSE_INTERACTIVE")
    if forced is not None:
        return forced.strip().lower() in {"1", "true", "yes"}
    if in_colab():
        return True
    # jupyter_server sets JPY_SESSION_NAME for kernels it starts for an open notebook;
    # papermill and nbval start kernels without it.
    return "JPY_SESSION_NAME" in os.environ or "VSCODE_PID" in os.environ


def pick_device() -> torch.device:
    """Return CUDA if available, else Apple's MPS if available, else the CPU."""
    if torch.cuda.is_available():
        return torch.device("cuda")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def seed_everything(seed: int) -> None:
    """Seed Python's, numpy's and torch's random number generators."""
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    random.seed(int(seed))
    np.random.seed(int(seed))
    torch.manual_seed(int(seed))


def _strict_warnings() -> None:
    """Turn deprecation warnings raised by course code into errors (in test runs, ``UDLCOURSE_STRICT=1``)."""
    course_code = r"(__main__|udlcourse(\..*)?)$"
    for category in (DeprecationWarning, FutureWarning):
        warnings.filterwarnings("error", category=category, module=course_code)


THREADS_VARIABLE = "UDLCOURSE_THREADS"


def setup(seed: int = 0, threads: int | None = 1) -> torch.device:
    """Prepare a notebook: seed every generator, apply the plot style, set threads, pick the device.

    Args:
        seed: seed for Python, numpy and torch.
        threads: torch CPU threads. One is fastest for the course's small models on a busy laptop
            (two threads were measured ten times slower than one for a small CNN on a 2-core machine);
            ``None`` leaves torch's default. The environment variable ``UDLCOURSE_THREADS`` overrides
            it (``make robustness`` uses it to change the order of floating-point sums as another
            machine would).

    Returns:
        The device to put models and tensors on.
    """
    from udlcourse import plot  # imported here: plot imports matplotlib, which is slow to import

    forced = os.environ.get(THREADS_VARIABLE, "").strip()
    if forced:
        if not forced.isdigit() or int(forced) < 1:
            raise ValueError(f"{THREADS_VARIABLE} must be a positive integer, got {forced!r}")
        threads = int(forced)
    if threads is not None:
        if not isinstance(threads, int) or isinstance(threads, bool) or threads < 1:
            raise ValueError(f"threads must be a positive integer or None, got {threads!r}")
        torch.set_num_threads(threads)
    seed_everything(seed)
    plot.use_course_style()
    from udlcourse.check import is_strict

    if is_strict():
        _strict_warnings()
    return pick_device()


def diagnostics() -> str:
    """One line describing this environment, for bug reports: ``print(udl.diagnostics())``."""
    from udlcourse import __version__

    where = "Colab" if in_colab() else "local"
    line = (
        f"udlcourse {__version__} | Python {platform.python_version()} | torch {torch.__version__} | "
        f"numpy {np.__version__} | device {pick_device().type} | {where} | {platform.system()}"
    )
    return line
