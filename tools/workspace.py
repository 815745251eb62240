"""The learner's workspace: a git-ignored folder that `make lab` opens, so course updates never touch a
learner's work.

On first use ``workspace/`` is seeded with the exercise edition (``workspace/chNN_*.ipynb``, the learner's
own copies) and the worked edition (``workspace/worked/``, read-only). Each later ``make lab`` syncs it:

* a chapter that is new in the course is added;
* a notebook the learner has not changed since it was copied is replaced by the course's new version;
* a notebook the learner has changed is never overwritten: when the course's version of it changed, the new
  version is put beside it in ``workspace/updates/`` and a line says so.

``workspace/.course.json`` remembers the fingerprint of each file as it was copied.

    python -m tools.workspace [--root DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import stat
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ".course.json"


def fingerprint(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _course_files(root: Path) -> list[tuple[Path, str]]:
    """(course file, its path inside the workspace) for every exercise and worked chapter notebook."""
    files = [(p, p.name) for p in sorted((root / "notebooks" / "exercises").glob("ch*.ipynb"))]
    files += [(p, f"worked/{p.name}") for p in sorted((root / "notebooks").glob("ch*.ipynb"))]
    return files


def _copy(source: Path, target: Path, read_only: bool) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        os.chmod(target, stat.S_IRUSR | stat.S_IWUSR)
    shutil.copyfile(source, target)
    if read_only:
        os.chmod(target, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)


def sync(root: Path = ROOT, workspace: Path | None = None) -> list[str]:
    """Create or update the learner workspace (default ``root/workspace``); return what it did, in words.

    Never overwrites a notebook whose content differs from the copy the course made.
    """
    workspace = workspace or root / "workspace"
    workspace.mkdir(parents=True, exist_ok=True)
    manifest_path = workspace / MANIFEST
    manifest = json.loads(manifest_path.read_text()) if manifest_path.is_file() else {}
    messages = []
    for source, relative in _course_files(root):
        target, course = workspace / relative, fingerprint(source)
        read_only = relative.startswith("worked/")
        entry = manifest.get(relative, {})
        if not target.exists():
            _copy(source, target, read_only)
            manifest[relative] = {"copied": course}
            messages.append(f"added      {relative}" + (" (new in the course)" if entry else ""))
            continue
        mine = fingerprint(target)
        if mine == course:
            manifest[relative] = {"copied": course}
            continue
        if mine == entry.get("copied"):  # untouched by the learner: take the course's new version
            _copy(source, target, read_only)
            manifest[relative] = {"copied": course}
            messages.append(f"updated    {relative} (you had not changed it)")
            continue
        if (
            entry.get("offered") != course
        ):  # the learner's edits stay; the new version goes beside them
            update = workspace / "updates" / relative
            _copy(source, update, read_only=False)
            entry = {**entry, "offered": course}
            manifest[relative] = entry
            messages.append(
                f"kept yours {relative}: the course's version changed, and yours has your edits, so it "
                f"was not touched. The new version is in updates/{relative}."
            )
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return messages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.workspace", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    workspace = args.root / "workspace"
    fresh = not workspace.exists()
    messages = sync(args.root, workspace)
    if fresh:
        print(
            f"Your workspace is {workspace}: your copies of the exercise edition, and the worked edition "
            f"(read-only) in worked/. Course updates never overwrite a notebook you changed."
        )
    else:
        for message in messages:
            print(message)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
