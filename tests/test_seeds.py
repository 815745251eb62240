"""Every worked notebook's claims hold at another seed too (CI runs the default seed under nbval as well).

Strict (``UDLCOURSE_STRICT=1``, as in every test run): a claim that fails at ``SEED = 1`` fails this test and
names the notebook and the cell. ``make robustness`` runs more seeds, one of them with two torch threads.
"""

import pytest

import udlcourse as udl
from tools import notebooks as tools

OTHER_SEED = 1


@pytest.mark.slow
@pytest.mark.parametrize("path", tools.worked_notebooks(), ids=lambda p: p.stem)
def test_claims_hold_at_another_seed(path, tmp_path, monkeypatch):
    monkeypatch.setenv("UDLCOURSE_STRICT", "1")
    executed = tools.execute(path, tmp_path / path.name, parameters={"SEED": OTHER_SEED})
    claims = udl.read_claims(executed)
    assert len(claims) >= tools.MIN_CLAIMS and all(claim["holds"] for claim in claims)
