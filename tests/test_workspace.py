"""The learner's workspace: seeded once, new chapters added, a learner's edits never overwritten."""

import json
import os
import shutil
from pathlib import Path

from tools import workspace

ROOT = Path(__file__).resolve().parent.parent


def _course(root, chapters):
    (root / "notebooks" / "exercises").mkdir(parents=True, exist_ok=True)
    for name in chapters:
        shutil.copy(ROOT / "notebooks" / f"{name}.ipynb", root / "notebooks" / f"{name}.ipynb")
        shutil.copy(
            ROOT / "notebooks" / "exercises" / f"{name}.ipynb",
            root / "notebooks" / "exercises" / f"{name}.ipynb",
        )


def _change(path, text):
    notebook = json.loads(path.read_text())
    notebook["cells"][0]["source"] = text
    os.chmod(path, 0o644)
    path.write_text(json.dumps(notebook))


def test_workspace_seeds_updates_and_never_overwrites_a_learners_edits(tmp_path):
    ch01, ch02, ch03 = "ch01_introduction", "ch02_supervised_learning", "ch03_shallow_networks"
    _course(tmp_path, [ch01, ch02])
    space = tmp_path / "workspace"
    workspace.sync(tmp_path, space)
    assert sorted(p.name for p in space.glob("ch*.ipynb")) == [f"{ch01}.ipynb", f"{ch02}.ipynb"]
    worked = space / "worked" / f"{ch01}.ipynb"
    assert worked.is_file() and not (worked.stat().st_mode & 0o222), (
        "the worked edition is read-only"
    )

    mine = space / f"{ch01}.ipynb"
    _change(mine, "# my notes and answers")
    _change(tmp_path / "notebooks" / "exercises" / f"{ch01}.ipynb", "# Chapter 1, revised")
    _change(tmp_path / "notebooks" / "exercises" / f"{ch02}.ipynb", "# Chapter 2, revised")
    _course(tmp_path, [ch03])  # a new chapter arrives with a course update
    messages = "\n".join(workspace.sync(tmp_path, space))

    assert "my notes and answers" in mine.read_text(), "the learner's edits survive"
    assert f"kept yours {ch01}.ipynb" in messages and f"updates/{ch01}.ipynb" in messages
    assert "Chapter 1, revised" in (space / "updates" / f"{ch01}.ipynb").read_text()
    assert "Chapter 2, revised" in (space / f"{ch02}.ipynb").read_text(), (
        "an untouched copy is updated"
    )
    assert f"updated    {ch02}.ipynb" in messages
    assert (space / f"{ch03}.ipynb").is_file() and f"added      {ch03}.ipynb" in messages
    assert workspace.sync(tmp_path, space) == [], "a second sync has nothing to say"
