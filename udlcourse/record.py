"""Headline numbers: show them in the notebook and read them back from an executed notebook.

``record("test_accuracy", 0.83)`` prints the number and stores it in the cell's output under a course
MIME type. After a papermill run, ``read_records("build/ch08.ipynb")`` returns ``{"test_accuracy": 0.83,
...}``: the way to collect results across a parameter sweep.
"""

from __future__ import annotations

import json
import math
import numbers
import re
from pathlib import Path
from typing import Any

import numpy as np

RECORD_MIME_TYPE = "application/vnd.udlcourse.record+json"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _plain(value: Any, name: str) -> Any:
    """Convert numpy/torch scalars and arrays to JSON-friendly Python values."""
    if hasattr(value, "detach"):  # a torch tensor
        value = value.detach().cpu().numpy()
    if isinstance(value, np.ndarray):
        return (
            [_plain(v, name) for v in value.tolist()] if value.ndim else _plain(value.item(), name)
        )
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        value = float(value)
        if not math.isfinite(value):
            raise ValueError(f"value for record {name!r} must be finite, got {value}")
        return value
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v, name) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v, name) for k, v in value.items()}
    raise ValueError(
        f"value for record {name!r} must be a number, string, list or dict, got {type(value).__name__}"
    )


def record(name: str, value: Any) -> None:
    """Show a headline result and store it in the notebook's output so that ``read_records`` finds it.

    Args:
        name: a Python-identifier-like name, e.g. ``"test_loss"``.
        value: a number, string, or a list/dict of them (numpy and torch scalars are converted).

    Returns nothing, so that a ``record`` call at the end of a cell does not show the value twice.
    """
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(f"name must be an identifier such as 'test_loss', got {name!r}")
    plain = _plain(value, name)
    shown = f"{plain:.4g}" if isinstance(plain, float) else json.dumps(plain)
    try:
        from IPython.display import display

        display({"text/plain": f"📌 {name} = {shown}", RECORD_MIME_TYPE: {name: plain}}, raw=True)
    except ImportError:  # plain Python without IPython
        print(f"📌 {name} = {shown}")


def load_notebook(path: str | Path) -> dict[str, Any]:
    """A saved notebook as plain JSON; ValueError naming the file if it is missing or not a notebook."""
    path = Path(path)
    if path.suffix != ".ipynb" or not path.is_file():
        raise ValueError(f"path must be an existing .ipynb file, got {str(path)!r}")
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f"{path.name} is not a readable notebook: {error}") from None
    if not isinstance(notebook, dict):
        raise ValueError(f"{path.name} is not a readable notebook: it holds no cells")
    return notebook


def _outputs_of(path: str | Path, mime_type: str) -> list[tuple[int, Any]]:
    """(cell index, payload) for every output of ``mime_type`` in an executed notebook, in order."""
    notebook = load_notebook(path)
    found = []
    for index, cell in enumerate(notebook.get("cells", [])):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if mime_type in data:
                found.append((index, data[mime_type]))
    return found


def read_records(path: str | Path) -> dict[str, Any]:
    """Return every value recorded with :func:`record` in an executed notebook, by name.

    A name recorded twice keeps its last value, as a rerun cell would.
    """
    records: dict[str, Any] = {}
    for _, payload in _outputs_of(path, RECORD_MIME_TYPE):
        records.update(payload)
    return records


def read_claims(path: str | Path) -> list[dict[str, Any]]:
    """Return the outcome of every :func:`udlcourse.claim` in an executed notebook, in order.

    Each item is ``{"cell": index, "statement": ..., "holds": True/False, "evidence": ...}``, so a
    parameter sweep can tell which of the book's claims held in each run.
    """
    from udlcourse.check import CLAIM_MIME_TYPE

    return [{"cell": index, **payload} for index, payload in _outputs_of(path, CLAIM_MIME_TYPE)]
