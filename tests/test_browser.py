"""A learner who opens the course in JupyterLab sees what we promise.

Starts the course's JupyterLab (from .venv, on 127.0.0.1, a free port, a random token, a temporary copy of
``notebooks/``) and drives Debian's Chromium headless with Playwright. For each notebook in
``NOTEBOOKS``:

* the worked notebook runs all its cells (Run → Run All Cells) with no error output and no failed check;
* its explorable is shown once and answers a slider: the figure and the printed numbers change;
* the exercise edition runs to its last cell at ``SEED = 1`` and reports every unattempted exercise as such;
  under ``UDLCOURSE_STRICT=1`` (``make test``) a claim that fails at that seed shows as an error.

Screenshots of each step go to ``build/browser/<notebook>-<step>.png``. Needs /usr/bin/chromium
(``make browser-deps``) and the playwright package (requirements.txt); skipped when they are missing,
except under CI (the ``CI`` environment variable), where that is a failure.

Run on its own: ``.venv/bin/python -m pytest tests/test_browser.py -m browser -v``.
"""

from __future__ import annotations

import json
import re
import shutil
import signal
import time
from dataclasses import dataclass

import pytest

from tests.browser_support import (
    EXERCISE_EDITION_SEED,
    ROOT,
    SCREENSHOTS,
    JupyterLab,
    LabPage,
    chromium,
    error_outputs,
    exercise_ids,
    require_browser,
)

pytestmark = [pytest.mark.browser, pytest.mark.timeout(600)]


@dataclass(frozen=True)
class Notebook:
    """A chapter notebook and its explorable.

    ``slider`` is the label of the slider to move (None: the explorable's first slider); ``shown`` is a
    regular expression for the number that the slider sets in the explorable's printed output (None: only
    check that the printed output changes).
    """

    name: str
    slider: str | None = None
    shown: str | None = None

    def __str__(self) -> str:
        return self.name


CHECKED_IN_DETAIL = [
    Notebook("ch02_supervised_learning", slider="intercept φ₀", shown=r"phi0 = (-?\d+\.\d+)"),
    Notebook("ch01_introduction", slider="offset β", shown=r"beta = (-?\d+\.\d+)"),
]
# Every other chapter gets the generic check: its explorable's first slider moves the figure and the numbers.
NOTEBOOKS = CHECKED_IN_DETAIL + [
    Notebook(path.stem)
    for path in sorted((ROOT / "notebooks").glob("ch*.ipynb"))
    if path.stem not in {notebook.name for notebook in CHECKED_IN_DETAIL}
]

ARROW_PRESSES = 3


def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    require_browser()
    server = JupyterLab(tmp_path_factory.mktemp("jupyterlab"))
    # A run stopped with SIGTERM (a cancelled CI job, `timeout`) still shuts the server and browser down.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        with server:
            yield server
    finally:  # keep the server's log next to the screenshots
        if server.log_path.exists():
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copy(server.log_path, SCREENSHOTS / "jupyterlab.log")
        signal.signal(signal.SIGTERM, previous)


@pytest.fixture(scope="module")
def browser():
    require_browser()
    with chromium() as browser:
        yield browser


def _open(lab, browser, notebook: str, label: str):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(60_000)
    page = LabPage(context.new_page(), lab, notebook, label)
    return context, page


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=str)
def worked(request, lab, browser):
    """The worked notebook, open in JupyterLab after Run All: (Notebook, LabPage, the code cells' state)."""
    notebook = request.param
    path = f"{notebook.name}.ipynb"
    assert (ROOT / "notebooks" / path).exists(), f"notebooks/{path} is missing"
    context, page = _open(lab, browser, path, notebook.name)
    try:
        page.open()
        cells = page.run_all()
        page.screenshot("run-all", page.page.locator(".jp-CodeCell").last)
        yield notebook, page, cells
    finally:
        context.close()
        lab.shutdown_kernels_of(path)


def test_worked_notebook_runs_without_errors(worked):
    notebook, page, cells = worked
    errors = error_outputs(cells)
    assert not errors, f"{notebook.name}: cells show errors after Run All:\n\n" + "\n\n".join(
        errors
    )
    assert re.search(r"\d", cells[-1]["prompt"]), (
        f"{notebook.name}: the last cell did not run ({cells[-1]['prompt']})"
    )
    text = "\n".join(c["text"] for c in cells)
    assert "✘" not in text, f"{notebook.name}: a check failed in the worked edition"
    assert "not attempted yet" not in text, (
        f"{notebook.name}: the worked edition has an unattempted exercise"
    )
    ids = exercise_ids(ROOT / "notebooks" / f"{notebook.name}.ipynb")
    for exercise in ids:
        assert f"✔ Exercise {exercise}" in text, (
            f"{notebook.name}: no '✔ Exercise {exercise}' in the outputs"
        )


def test_each_explorable_is_shown_once(worked):
    notebook, page, _ = worked
    calls = _code_source(ROOT / "notebooks" / f"{notebook.name}.ipynb").count("udl.explore(")
    shown = page.page.locator(".udl-explorable:not(.udl-explorable .udl-explorable)").count()
    assert shown == calls, (
        f"{notebook.name}: the notebook calls udl.explore {calls} time(s) but JupyterLab shows {shown} "
        "explorables. (Twice as many: the cell's last line returns the widget box, which Jupyter displays "
        "a second time as the cell's value.)"
    )


def test_explorable_answers_its_slider(worked):
    notebook, page, _ = worked
    p = page.page
    box = p.locator(".udl-explorable").first
    assert box.count(), (
        f"{notebook.name}: no ipywidgets explorable (.udl-explorable) is shown in JupyterLab"
    )
    box.wait_for(state="visible")
    if notebook.slider:
        slider = box.locator(
            ".widget-slider", has=p.locator(".widget-label", has_text=notebook.slider)
        ).first
    else:
        slider = box.locator(".widget-slider").first
    assert slider.count(), f"{notebook.name}: no slider {notebook.slider or ''!r} in the explorable"
    output = box.locator(".widget-output").first
    figure = output.locator("img").first
    figure.wait_for(state="visible")
    text_before, src_before = output.inner_text(), figure.get_attribute("src")
    value_before = slider.locator(".widget-readout").inner_text().strip()
    page.screenshot("explorable-before", box)

    handle = slider.locator(".noUi-handle, .ui-slider-handle").first  # ipywidgets 8, ipywidgets 7
    handle.focus()
    for _ in range(ARROW_PRESSES):
        handle.press("ArrowRight")

    value_after = _settled(
        lambda: slider.locator(".widget-readout").inner_text().strip(),
        changed_from=value_before,
        timeout=30,
    )
    assert value_after != value_before, f"{notebook.name}: the slider did not move ({value_before})"
    # Each key press redraws the output: wait until it shows the final value and stays the same.
    shown = re.compile(notebook.shown) if notebook.shown else None

    def state():
        text, src = output.inner_text(), figure.get_attribute("src") if figure.count() else None
        if shown:  # not settled before the printed number is the slider's
            match = shown.search(text)
            if not match or float(match.group(1)) != pytest.approx(float(value_after)):
                return None
        return text, src

    text_after, src_after = _settled(state, changed_from=(text_before, src_before), timeout=60) or (
        None,
        None,
    )
    page.screenshot("explorable-after", box)
    assert src_after != src_before, (
        f"{notebook.name}: the figure did not change when the slider moved"
    )
    assert text_after != text_before, (
        f"{notebook.name}: the shown numbers did not follow the slider ({value_before} -> {value_after}): "
        f"{text_before!r} -> {output.inner_text()!r}"
    )
    if shown:
        before, after = shown.search(text_before), shown.search(text_after)
        assert before, (
            f"{notebook.name}: no {notebook.shown!r} in the explorable's output: {text_before!r}"
        )
        assert float(before.group(1)) == pytest.approx(float(value_before)), (
            f"{notebook.name}: the output shows {before.group(1)} but the slider read {value_before}"
        )
        assert float(after.group(1)) > float(before.group(1)), (
            f"{notebook.name}: moving the slider right should raise the shown value "
            f"({before.group(1)} -> {after.group(1)})"
        )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=str)
def test_exercise_edition_reports_unattempted_exercises(notebook, lab, browser):
    path = f"exercises/{notebook.name}.ipynb"
    source = ROOT / "notebooks" / path
    assert source.exists(), f"the exercise edition {path} is missing: run `make exercises`"
    ids = exercise_ids(source)
    assert ids, f"{path} calls no exercise check"
    context, page = _open(lab, browser, path, f"{notebook.name}-exercises")
    try:
        page.open()
        cells = page.run_all()
        page.screenshot("run-all", page.page.locator(".jp-CodeCell").last)
        errors = error_outputs(cells)
        assert not errors, f"{path}: cells show errors after Run All:\n\n" + "\n\n".join(errors)
        text = "\n".join(c["text"] for c in cells)
        assert "✘" not in text, (
            f"{path}: a claim or agreement failed at SEED = {EXERCISE_EDITION_SEED}"
        )
        first = page.page.locator(".jp-OutputArea-output", has_text="not attempted yet").first
        if first.count():
            page.screenshot("not-attempted", first)
        for exercise in ids:
            assert re.search(rf"Exercise {re.escape(exercise)}\b.*not attempted yet", text), (
                f"{path}: exercise {exercise} is not reported as 'not attempted yet'"
            )
        last = cells[-1]
        assert re.search(r"\d", last["prompt"]), (
            f"{path}: Run All did not reach the last cell ({last['prompt']})"
        )
        assert last["text"].strip(), f"{path}: the last cell shows no output"
        if "udl.record(" in _last_code_source(source):
            assert "📌" in last["text"], (
                f"{path}: the recorded results (📌) are not shown: {last['text']!r}"
            )
    finally:
        context.close()
        lab.shutdown_kernels_of(path)


def _settled(read, changed_from, timeout: float, quiet: float = 1.5):
    """Poll ``read()`` until it differs from ``changed_from``, is not None, and stays the same for ``quiet``
    seconds; return it (or the last value read when ``timeout`` seconds pass first)."""
    deadline = time.monotonic() + timeout
    last, since = None, time.monotonic()
    while True:
        value = read()
        if value != last:
            last, since = value, time.monotonic()
        elif value is not None and value != changed_from and time.monotonic() - since >= quiet:
            return value
        if time.monotonic() > deadline:
            return last
        time.sleep(0.2)


def _code_cells(notebook) -> list[str]:
    return [
        "".join(c["source"])
        for c in json.loads(notebook.read_text())["cells"]
        if c["cell_type"] == "code"
    ]


def _code_source(notebook) -> str:
    return "\n".join(_code_cells(notebook))


def _last_code_source(notebook) -> str:
    cells = _code_cells(notebook)
    return cells[-1] if cells else ""
