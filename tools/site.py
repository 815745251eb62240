"""The web edition: the executed worked notebooks as a static site that reads well beside the book.

Command line (``make site`` calls it)::

    python -m tools.site                      # execute every worked notebook (reusing fresh runs), build build/site
    python -m tools.site notebooks/ch02_*.ipynb   # only these chapters (a quick look while writing one)
    python -m tools.site --no-execute         # build from the executed notebooks already in build/executed/worked

Each worked notebook is executed with :func:`tools.notebooks.execute_fresh` into ``build/executed/worked/``
(the same files ``make execute`` and the test run write, so a fresh result is reused). A web copy of each
executed notebook is written to ``build/site-work/source/`` (the notebooks themselves are never edited), and Sphinx
with myst-nb and sphinx-book-theme renders those copies to ``build/site/`` without running them again
(``nb_execution_mode = "off"``). The Sphinx configuration and styles are in ``tools/site/``. Everything builds
offline, and the pages need nothing from the network: MathJax is served from the site
(the ``sphinx-mathjax-offline`` package ships it), and only the Colab links point outside.

What the web copy changes, so that the saved outputs read well in a browser:

* the title cell's Colab badges (images from the web) become plain links: the worked and the exercise edition
  in Colab, and downloads of both notebooks (served from ``notebooks/`` in the site);
* the Colab bootstrap cell is left out;
* each printed check, claim and recorded result (the course's own output types) gets an HTML form;
* each exercise's solution cell is folded, under a line naming it the worked solution;
* each explorable's static figure is followed by a note that the sliders work in JupyterLab or Colab.

Chapters are found by their file names (``notebooks/chNN_*.ipynb``): a new chapter appears with no edit.
"""

from __future__ import annotations

import argparse
import copy
import html
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tools.notebooks import (
    EXECUTED_DIR,
    EXERCISE_DIR,
    NOTEBOOK_NAME,
    ROOT,
    WORKED_DIR,
    NotebookFailed,
    bootstrap_source,
    execute_fresh,
    is_fresh,
    read,
    solution_cells,
    source,
    worked_notebooks,
)
from udlcourse.check import CHECK_MIME_TYPE, CLAIM_MIME_TYPE
from udlcourse.course import REPOSITORY_URL, colab_url
from udlcourse.record import RECORD_MIME_TYPE

SITE_DIR = ROOT / "build" / "site"
WORK_DIR = (
    ROOT / "build" / "site-work"
)  # Sphinx's sources (source/), doctrees and myst-nb's output files
SOURCE_DIR = WORK_DIR / "source"
EXECUTED_WORKED = ROOT / EXECUTED_DIR / "worked"
CONF_DIR = ROOT / "tools" / "site"
DOWNLOADS = "notebooks"  # the site's folder of downloadable notebooks (worked and exercises/)
TITLE = re.compile(r"^# Chapter (\d+): (.+)$", re.MULTILINE)
BADGES = re.compile(r"^\[!\[Open in Colab\].*$\n?", re.MULTILINE)
WIDGET_MIME_TYPES = (
    "application/vnd.jupyter.widget-view+json",
    "application/vnd.jupyter.widget-state+json",
)

# The book's printed contents name no parts (see shared/book/sections.md); the site groups the chapters by
# topic: foundations and supervised learning, architectures, generative models, and the rest.
PARTS = (
    ("Part I: Foundations and supervised learning", range(1, 10)),
    ("Part II: Architectures", range(10, 14)),
    ("Part III: Unsupervised learning and generative models", range(14, 19)),
    ("Part IV: Reinforcement learning, theory and ethics", range(19, 22)),
)
OTHER_PART = "More chapters"


@dataclass(frozen=True)
class Chapter:
    """A chapter page of the site: its worked notebook, its executed copy and its title."""

    notebook: Path  # notebooks/chNN_<slug>.ipynb
    executed: Path  # build/executed/worked/chNN_<slug>.ipynb
    number: int
    title: str  # as in the notebook's heading, without "Chapter N: "

    @property
    def stem(self) -> str:
        return self.notebook.stem

    @property
    def heading(self) -> str:
        return f"Chapter {self.number}: {self.title}"

    @property
    def part(self) -> str:
        return next((name for name, numbers in PARTS if self.number in numbers), OTHER_PART)


def chapter_of(notebook: Path, executed: Path) -> Chapter:
    cells = read(notebook).get("cells", [])
    found = TITLE.search(source(cells[0])) if cells else None
    number = int(NOTEBOOK_NAME.match(notebook.name).group(1))
    title = (
        found.group(2).strip()
        if found
        else notebook.stem.split("_", 1)[1].replace("_", " ").capitalize()
    )
    return Chapter(notebook, executed, number, title)


# -- executing -----------------------------------------------------------------------------------------------
def execute_chapters(
    paths: list[Path], executed_dir: Path = EXECUTED_WORKED, cell_timeout: int | None = None
) -> list[Path]:
    """Execute each worked notebook into ``executed_dir`` with execute_fresh (a fresh result is reused).
    Raises NotebookFailed naming every notebook that failed."""
    executed, failures = [], []
    for path in paths:
        output = executed_dir / path.name
        if is_fresh(path, output):
            print(f"fresh   {path.name}", flush=True)
            executed.append(output)
            continue
        started = time.perf_counter()
        try:
            execute_fresh(path, output, **({"cell_timeout": cell_timeout} if cell_timeout else {}))
        except NotebookFailed as failure:
            print(f"FAILED  {failure}", flush=True)
            failures.append(str(failure))
            continue
        print(f"ok      {path.name}  {time.perf_counter() - started:.1f} s", flush=True)
        executed.append(output)
    if failures:
        raise NotebookFailed(
            f"{len(failures)} notebook(s) failed, so the site was not built:\n"
            + "\n".join(failures)
        )
    return executed


# -- the web copy of a notebook -------------------------------------------------------------------------------
def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def output_html(data: dict[str, Any]) -> str | None:
    """An HTML form of a course output (a check, a claim or a recorded result), from its printed text and its
    payload; None for any other output."""
    text = html.escape(_text(data.get("text/plain", "")))
    if RECORD_MIME_TYPE in data:
        return f'<div class="udl-output udl-record" title="a recorded result: udl.read_records finds it">{text}</div>'
    if CLAIM_MIME_TYPE in data:
        holds = bool(data[CLAIM_MIME_TYPE].get("holds"))
        return (
            f'<div class="udl-output udl-claim {"udl-ok" if holds else "udl-failed"}">{text}</div>'
        )
    if CHECK_MIME_TYPE in data:
        status = data[CHECK_MIME_TYPE].get("status")
        kind = {"correct": "udl-ok", "not attempted": "udl-pending"}.get(status, "udl-failed")
        return f'<div class="udl-output udl-check {kind}">{text}</div>'
    return None


def launch_links(chapter: Chapter) -> str:
    """The chapter's links: both editions in Colab, and downloads of both notebooks."""
    worked, exercises = (
        f"{WORKED_DIR}/{chapter.notebook.name}",
        f"{EXERCISE_DIR}/{chapter.notebook.name}",
    )
    links = [
        ("udl-colab", colab_url(worked), "Open the worked edition in Colab", ""),
        ("udl-colab", colab_url(exercises), "Open the exercise edition in Colab", ""),
        (
            "udl-download",
            f"{DOWNLOADS}/{chapter.notebook.name}",
            "Download the worked notebook",
            " download",
        ),
        (
            "udl-download",
            f"{DOWNLOADS}/exercises/{chapter.notebook.name}",
            "Download the exercise notebook",
            " download",
        ),
    ]
    anchors = "\n".join(
        f'<a class="udl-button {kind}" href="{html.escape(url)}"{extra}>{label}</a>'
        for kind, url, label, extra in links
    )
    return f'<div class="udl-launch">\n{anchors}\n</div>'


def _markdown_cell(text: str) -> dict[str, Any]:
    return {"cell_type": "markdown", "metadata": {}, "source": text}


def explorable_note(chapter: Chapter) -> dict[str, Any]:
    return _markdown_cell(
        "```{admonition} Explorable\n:class: note\n"
        "This explorable's figure is drawn at its sliders' starting values. The sliders work when you run the "
        f"notebook: [open it in Colab]({colab_url(f'{WORKED_DIR}/{chapter.notebook.name}')}) "
        "or in JupyterLab on your machine (`make lab`).\n"
        "```"
    )


def web_copy(executed: dict[str, Any], chapter: Chapter) -> dict[str, Any]:
    """The notebook that the site renders: ``executed`` with the changes listed in this module's docstring."""
    notebook = copy.deepcopy(executed)
    checked = solution_cells(notebook["cells"], where=f"{chapter.notebook.name} ")
    cells = []
    for index, cell in enumerate(notebook["cells"]):
        text = source(cell)
        if cell["cell_type"] == "code" and text == bootstrap_source():
            continue
        if index == 0 and cell["cell_type"] == "markdown":
            text = BADGES.sub("", text).lstrip("\n")
            heading = TITLE.search(text)
            if heading:  # the heading first (it is the page's title), then the links
                cell["source"] = (
                    text[: heading.end()]
                    + "\n\n"
                    + launch_links(chapter)
                    + "\n"
                    + text[heading.end() :]
                )
            else:
                cell["source"] = launch_links(chapter) + "\n\n" + text
        if cell["cell_type"] == "code":
            for output in cell.get("outputs", []):
                data = output.get("data")
                if not data:
                    continue
                for mime in WIDGET_MIME_TYPES:
                    data.pop(mime, None)
                shown = output_html(data)
                if shown:
                    data["text/html"] = shown
            cell["outputs"] = [o for o in cell.get("outputs", []) if "data" not in o or o["data"]]
            if index in checked:
                exercise = f" of Exercise {checked[index]}"
                metadata = cell.setdefault("metadata", {})
                metadata.setdefault("tags", []).append("hide-input")
                metadata["mystnb"] = {
                    "code_prompt_show": f"Show the worked solution{exercise}",
                    "code_prompt_hide": f"Hide the worked solution{exercise}",
                }
        cells.append(cell)
        if cell["cell_type"] == "code" and "udl.explore(" in text:
            cells.append(explorable_note(chapter))
    notebook["cells"] = cells
    notebook.get("metadata", {}).pop("widgets", None)
    return notebook


# -- the home page --------------------------------------------------------------------------------------------
def home_page(chapters: list[Chapter]) -> str:
    """The site's index.md: what the course is, how to run it, and the chapters by part (with the sidebar's
    table of contents)."""
    lines = [
        "# Understanding Deep Learning: the notebook course",
        "",
        "An interactive, tested notebook course for the textbook *Understanding Deep Learning* by Simon J. D. "
        "Prince (MIT Press, 2023): one notebook per chapter, which explains the chapter's ideas in its own "
        "words, computes them from scratch and then with the library call, draws a figure after every step, "
        "asks you to write small functions that are checked at once, and states the book's key claims as "
        "checks that run.",
        "",
        "This is the **web edition**: each chapter's worked notebook, executed, with every figure, equation, "
        "printed check, claim (✔) and recorded result (📌). Read it beside the book, on a tablet or a phone; "
        "to change a parameter, move a slider or write the exercises yourself, run the notebook.",
        "",
        "## Who it is for",
        "",
        "- **Learners** reading the book (second-year-undergraduate level: some Python, calculus and linear "
        "algebra).",
        "- **Instructors** who teach from it: an exercise edition to hand out, a worked edition to keep, "
        "headless runs with papermill.",
        "- **Maintainers** who carry it on: a small tested helper package and one convention for everything.",
        "",
        "Every notebook runs offline on a laptop CPU in about a minute or less.",
        "",
        "## How to run it",
        "",
        "- **Google Colab**: every chapter page, and the table below, links to the worked edition (solutions "
        "filled in) and the exercise edition (each solution replaced by `raise NotImplementedError`). The "
        "first code cell installs the course's helper package there.",
        f"- **JupyterLab on your machine**: clone [the course's repository]({REPOSITORY_URL}) and run `make lab` "
        "(Python 3.10 or "
        "newer). It installs everything into `.venv` and opens JupyterLab on your own copy of the exercise "
        "edition; `make progress` says which exercises you have right.",
        "- **Headless with papermill**: every notebook has a cell tagged `parameters`; override them and read "
        "the recorded results back:",
        "",
        "  ```bash",
        "  .venv/bin/papermill notebooks/ch02_supervised_learning.ipynb build/ch02-n50.ipynb -p N_TRAIN 50 -p SEED 3",
        "  .venv/bin/python -c \"import udlcourse as udl; print(udl.read_records('build/ch02-n50.ipynb'))\"",
        "  ```",
        "",
        "## Chapters",
        "",
    ]
    parts: dict[str, list[Chapter]] = {}
    for chapter in chapters:
        parts.setdefault(chapter.part, []).append(chapter)
    for part, members in parts.items():
        lines += [
            f"### {part}",
            "",
            "```{list-table}",
            ":header-rows: 1",
            ":class: udl-chapters",
            "",
            "* - Chapter",
            "  - Run in Colab",
            "  - Download",
        ]
        for chapter in members:
            name = chapter.notebook.name
            worked = colab_url(f"{WORKED_DIR}/{name}")
            exercises = colab_url(f"{EXERCISE_DIR}/{name}")
            lines += [
                f"* - {chapter.number} · {{doc}}`{chapter.title} <{chapter.stem}>`",
                f"  - [worked]({worked}) · [exercises]({exercises})",
                f'  - <a href="{DOWNLOADS}/{name}" download>worked</a> · '
                f'<a href="{DOWNLOADS}/exercises/{name}" download>exercises</a>',
            ]
        lines += ["```", ""]
    for part, members in parts.items():
        lines += ["```{toctree}", ":hidden:", f":caption: {part}", ""]
        lines += [chapter.stem for chapter in members] + ["```", ""]
    lines += [
        "---",
        "",
        "Code is MIT-licensed; notebook prose and figures are CC BY 4.0. The course cites *Understanding Deep "
        "Learning* by section, equation and figure; it reproduces no text, figures or code from the book.",
        "",
    ]
    return "\n".join(lines)


# -- building -------------------------------------------------------------------------------------------------
def _write_if_changed(path: Path, text: str) -> None:
    """Write ``text`` unless the file already holds it (Sphinx then rebuilds only pages that changed)."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _copy_if_changed(source_path: Path, target: Path) -> bool:
    """Copy unless ``target`` already holds the same bytes; True if it copied."""
    if target.is_file() and target.read_bytes() == source_path.read_bytes():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source_path, target)
    return True


def mathjax_folder() -> Path:
    """The MathJax 3 distribution that the sphinx-mathjax-offline package ships."""
    spec = importlib.util.find_spec("sphinx-mathjax-offline")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            "the sphinx-mathjax-offline package is missing: install requirements.txt"
        )
    return Path(list(spec.submodule_search_locations)[0]) / "static" / "mathjax"


def prepare_sources(chapters: list[Chapter], source_dir: Path = SOURCE_DIR) -> bool:
    """Write the Sphinx sources: conf.py, styles, MathJax, the home page, a web copy of each executed notebook and
    the downloadable notebooks. Files that did not change are left alone; chapters no longer there removed.
    Returns True if conf.py changed (every page must then be built again)."""
    source_dir.mkdir(parents=True, exist_ok=True)
    configured = _copy_if_changed(CONF_DIR / "conf.py", source_dir / "conf.py")
    for path in (CONF_DIR / "static").rglob("*"):
        if path.is_file():
            _copy_if_changed(path, source_dir / "_static" / path.relative_to(CONF_DIR / "static"))
    mathjax = mathjax_folder()
    for relative in [
        "tex-chtml-full.js",
        *(
            p.relative_to(mathjax)
            for p in (mathjax / "output" / "chtml" / "fonts").rglob("*")
            if p.is_file()
        ),
    ]:
        _copy_if_changed(mathjax / relative, source_dir / "_static" / "mathjax" / relative)
    _write_if_changed(source_dir / "index.md", home_page(chapters))
    wanted = set()
    for chapter in chapters:
        copy_text = (
            json.dumps(
                web_copy(read(chapter.executed), chapter),
                indent=1,
                ensure_ascii=False,
                sort_keys=True,
            )
            + "\n"
        )
        _write_if_changed(source_dir / chapter.notebook.name, copy_text)
        wanted.add(chapter.notebook.name)
        _copy_if_changed(
            chapter.notebook, source_dir / "_extra" / DOWNLOADS / chapter.notebook.name
        )
        exercise = ROOT / EXERCISE_DIR / chapter.notebook.name
        if exercise.is_file():
            _copy_if_changed(
                exercise, source_dir / "_extra" / DOWNLOADS / "exercises" / chapter.notebook.name
            )
    for stale in source_dir.glob("ch*.ipynb"):
        if stale.name not in wanted:
            stale.unlink()
    for stale in (source_dir / "_extra" / DOWNLOADS).rglob("ch*.ipynb"):
        if stale.name not in wanted:
            stale.unlink()
    return configured


def run_sphinx(
    source_dir: Path = SOURCE_DIR, site_dir: Path = SITE_DIR, fresh: bool = False
) -> list[str]:
    """Render ``source_dir`` to ``site_dir`` with Sphinx (in a subprocess); returns its warnings.
    Raises RuntimeError with Sphinx's output if the build fails."""
    doctrees = (
        source_dir.parent / "doctrees"
    )  # myst-nb's output files go beside it (tools/site/conf.py)
    if fresh:
        shutil.rmtree(site_dir, ignore_errors=True)
        shutil.rmtree(doctrees, ignore_errors=True)
    warnings_file = source_dir.parent / "warnings.txt"
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-q",
        "-d",
        str(doctrees),
        "-w",
        str(warnings_file),
        str(source_dir),
        str(site_dir),
    ]
    env = dict(os.environ, PYTHONWARNINGS="ignore::DeprecationWarning")
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"Sphinx failed ({' '.join(command)}):\n{done.stdout}\n{done.stderr}")
    text = warnings_file.read_text(encoding="utf-8") if warnings_file.is_file() else ""
    return [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]


def build(
    chapters: list[Chapter],
    site_dir: Path = SITE_DIR,
    source_dir: Path = SOURCE_DIR,
    fresh: bool = False,
) -> list[str]:
    """Build the site for ``chapters`` (already executed); returns Sphinx's warnings."""
    configured = prepare_sources(chapters, source_dir)
    return run_sphinx(source_dir, site_dir, fresh or configured)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.site", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, help="worked notebooks (default: every chapter)"
    )
    parser.add_argument(
        "--no-execute",
        action="store_true",
        help="use the executed notebooks in build/executed/worked as they are",
    )
    parser.add_argument(
        "--out", type=Path, default=SITE_DIR, help="the site's folder (default: build/site)"
    )
    parser.add_argument(
        "--fresh", action="store_true", help="rebuild every page, not only those that changed"
    )
    parser.add_argument("--cell-timeout", type=int, default=None)
    args = parser.parse_args(argv)
    paths = [Path(p).resolve() for p in args.paths] or worked_notebooks()
    started = time.perf_counter()
    if args.no_execute:
        missing = [p.name for p in paths if not (EXECUTED_WORKED / p.name).is_file()]
        if missing:
            print(
                f"not executed yet (run `make execute` or leave out --no-execute): {', '.join(missing)}"
            )
            return 1
    else:
        try:
            execute_chapters(paths, cell_timeout=args.cell_timeout)
        except NotebookFailed as failure:
            print(failure)
            return 1
    executed_at = time.perf_counter()
    chapters = [chapter_of(p, EXECUTED_WORKED / p.name) for p in paths]
    out = args.out.resolve()  # another folder than build/site gets its own work folder beside it
    work = WORK_DIR if out == SITE_DIR else out.parent / f"{out.name}-work"
    warnings = build(chapters, out, work / "source", fresh=args.fresh)
    for warning in warnings:
        print(warning)
    where = out.relative_to(ROOT) if out.is_relative_to(ROOT) else out
    print(
        f"site: {where}/index.html, {len(chapters)} chapters (executing {executed_at - started:.1f} s, "
        f"building {time.perf_counter() - executed_at:.1f} s{f', {len(warnings)} warnings' if warnings else ''})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
