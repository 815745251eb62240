"""Every worked notebook runs headless from top to bottom, strict, at its default parameters.

Strict (``UDLCOURSE_STRICT=1``, as in every test run): a claim that does not hold or an agreement that fails
stops the notebook, and the failure names the notebook and the cell. Each executed copy is kept in
``build/executed/worked/`` (stamped with a hash of its inputs), where ``make site`` and ``tests/test_site.py``
find it. The exercise editions run at ``SEED = 1`` in the browser suite (tests/test_browser.py), so every
claim is checked at a second seed in every CI run; ``make robustness`` runs more seeds.
"""

import pytest

import udlcourse as udl
from tools import notebooks as tools
from udlcourse.progress import notebook_progress


@pytest.mark.slow
@pytest.mark.parametrize("path", tools.worked_notebooks(), ids=lambda p: p.stem)
def test_worked_notebook_runs_and_its_claims_and_checks_hold(path, monkeypatch):
    monkeypatch.setenv("UDLCOURSE_STRICT", "1")
    executed = tools.execute_fresh(
        path, tools.ROOT / tools.EXECUTED_DIR / "worked" / path.name, reuse=False
    )
    claims = udl.read_claims(executed)
    assert len(claims) >= tools.MIN_CLAIMS, f"{path.name} states {len(claims)} claims"
    assert all(claim["holds"] for claim in claims), [
        c["statement"] for c in claims if not c["holds"]
    ]
    statuses = notebook_progress(executed)
    assert statuses and set(statuses.values()) == {"correct"}, (
        f"{path.name}: exercise statuses {statuses}"
    )
