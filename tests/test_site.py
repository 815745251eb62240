"""The web edition (``make site``, tools/site.py) builds and reads well in a real browser.

Uses the executed worked notebooks in ``build/executed/worked/`` (``execute_fresh`` reuses those that the test
run's earlier execution wrote, and executes any that are missing or stale), builds the site once into
``build/site/`` and checks it:

* the build gives no Sphinx warning, and no internal link or image of any page is broken;
* in Debian's Chromium (Playwright, as tests/test_browser.py), served over HTTP from 127.0.0.1: the home page
  lists every chapter in book order under its part, and the sidebar shows the same; each chapter page shows all
  its figures (the images load), typesets every equation (no raw ``$$`` is left, no MathJax error), shows each
  check, claim and recorded result, has an in-page table of contents, folds each worked solution under its
  exercise's name, says beside each explorable that its sliders work in JupyterLab or Colab, links to both
  editions in Colab and to both downloads, wraps long code lines, fits a phone's width (checked on the first three
  chapters), and asks nothing of the network; the search finds a chapter by a word that only it uses.

Screenshots go to ``build/browser/site-<page>-<laptop|phone>.png``. The browser checks are skipped without
Chromium or Playwright, except under CI (as in tests/test_browser.py).

Markers: the build checks are ``slow``, the browser checks ``browser``. A notebook that does not execute fails
its own page's test, and the site is built without it. Run on its own:
``.venv/bin/python -m pytest tests/test_site.py -v``.
"""

from __future__ import annotations

import collections
import functools
import html.parser
import http.server
import json
import re
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from tests.browser_support import (
    chromium,
    exercise_ids,
    require_browser,
    screenshot,
)
from tools.notebooks import (
    EXERCISE_DIR,
    WORKED_DIR,
    NotebookFailed,
    badges_markdown,
    bootstrap_source,
    read,
    source,
    worked_notebooks,
)
from tools.site import (
    PARTS,
    SITE_DIR,
    Chapter,
    build,
    chapter_of,
    execute_chapters,
    home_page,
    web_copy,
)
from udlcourse.check import CHECK_MIME_TYPE, CLAIM_MIME_TYPE
from udlcourse.course import colab_url
from udlcourse.record import RECORD_MIME_TYPE

# Executing every notebook (when the run has not already) takes long; the browser part about a second a page.
pytestmark = pytest.mark.timeout(3600)

NOTEBOOKS = worked_notebooks()
LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
PHONE_SHOTS = 3  # the first chapters are also photographed at phone size


@pytest.fixture(scope="module")
def site():
    """Execute the worked notebooks (reusing fresh results) and build the site once from those that ran:
    (chapters, warnings, {notebook: why it did not execute})."""
    chapters, failed = [], {}
    for path in NOTEBOOKS:
        try:
            [executed] = execute_chapters([path])
        except NotebookFailed as failure:  # its own test fails; the site is built without it
            failed[path] = str(failure)
            continue
        chapters.append(chapter_of(path, executed))
    started = time.perf_counter()
    warnings = build(chapters)
    print(f"\nsite built in {time.perf_counter() - started:.1f} s", flush=True)
    return chapters, warnings, failed


@pytest.mark.slow
def test_site_builds_without_warnings(site):
    chapters, warnings, _ = site
    assert (SITE_DIR / "index.html").is_file()
    for chapter in chapters:
        assert (SITE_DIR / f"{chapter.stem}.html").is_file(), f"no page for {chapter.stem}"
    assert not warnings, "Sphinx warned while building the site:\n" + "\n".join(warnings)


def _synthetic_notebook() -> dict:
    def code(text, outputs=()):
        return {
            "cell_type": "code",
            "metadata": {},
            "source": text,
            "outputs": list(outputs),
            "execution_count": 1,
        }

    def shown(text, mime, payload):
        return {
            "output_type": "display_data",
            "metadata": {},
            "data": {"text/plain": text, mime: payload},
        }

    return {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {"widgets": {}},
        "cells": [
            {
                "cell_type": "markdown",
                "metadata": {},
                "source": badges_markdown("ch02_x.ipynb") + "\n\n# Chapter 2: X\n\nText.",
            },
            code(bootstrap_source()),
            code("def f(x):\n    ### BEGIN SOLUTION\n    return x\n    ### END SOLUTION"),
            code(
                'f = udl.check("2.1", f)',
                [
                    shown(
                        "✔ Exercise 2.1 (f): correct on all 3 test inputs.",
                        CHECK_MIME_TYPE,
                        {"exercise": "2.1", "status": "correct"},
                    )
                ],
            ),
            code(
                "udl.claim(...)",
                [
                    shown(
                        "✔ Claim holds: a < b (1 < 2)",
                        CLAIM_MIME_TYPE,
                        {"statement": "a < b", "holds": True, "evidence": "1 < 2"},
                    )
                ],
            ),
            code("udl.explore(draw, a=udl.Slider(0, 1, 0.1, 0.5))"),
            code(
                'udl.record("loss", 0.5)',
                [shown("📌 loss = 0.5 <b>", RECORD_MIME_TYPE, {"loss": 0.5})],
            ),
        ],
    }


def test_the_web_copy_gives_course_outputs_a_readable_form_and_leaves_the_notebook_alone(tmp_path):
    notebook = _synthetic_notebook()
    before = json.dumps(notebook, sort_keys=True)
    chapter = Chapter(tmp_path / "ch02_x.ipynb", tmp_path / "executed.ipynb", 2, "X")
    copy = web_copy(notebook, chapter)
    assert json.dumps(notebook, sort_keys=True) == before, "web_copy changed the executed notebook"
    cells = copy["cells"]
    title = source(cells[0])
    assert title.startswith("# Chapter 2: X\n") and "colab-badge.svg" not in title
    assert (
        colab_url("notebooks/ch02_x.ipynb") in title
        and 'href="notebooks/exercises/ch02_x.ipynb"' in title
    )
    assert all(source(c) != bootstrap_source() for c in cells), (
        "the Colab bootstrap cell is left out"
    )
    solution = next(c for c in cells if "BEGIN SOLUTION" in source(c))
    assert "hide-input" in solution["metadata"]["tags"]
    assert (
        solution["metadata"]["mystnb"]["code_prompt_show"]
        == "Show the worked solution of Exercise 2.1"
    )
    html_of = {
        source(c): c["outputs"][0]["data"].get("text/html") for c in cells if c.get("outputs")
    }
    assert 'class="udl-output udl-check udl-ok"' in html_of['f = udl.check("2.1", f)']
    assert 'class="udl-output udl-claim udl-ok"' in html_of["udl.claim(...)"]
    assert html_of['udl.record("loss", 0.5)'].endswith(">📌 loss = 0.5 &lt;b&gt;</div>"), (
        "the text is escaped"
    )
    explorable = next(i for i, c in enumerate(cells) if "udl.explore(" in source(c))
    assert (
        "sliders work" in source(cells[explorable + 1])
        and cells[explorable + 1]["cell_type"] == "markdown"
    )
    assert "widgets" not in copy["metadata"]


def test_a_new_chapter_gets_a_part_without_an_edit(tmp_path):
    chapters = [
        Chapter(tmp_path / f"ch{n:02d}_x.ipynb", tmp_path / "x.ipynb", n, f"Title {n}")
        for n in (1, 12, 23)
    ]
    page = home_page(chapters)
    assert [chapter.part for chapter in chapters] == [PARTS[0][0], PARTS[1][0], "More chapters"]
    for chapter in chapters:
        assert (
            f"{{doc}}`{chapter.title} <{chapter.stem}>`" in page and f"\n{chapter.stem}\n" in page
        )
    assert page.index(PARTS[0][0]) < page.index(PARTS[1][0]) < page.index("More chapters")


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) and tag in ("a", "img", "link", "script", "source"):
                self.links.append(attrs[name])


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.slow
def test_no_internal_link_is_broken(site):
    # every page (the theme's template snippets in _static/ are not pages)
    pages = {path: _parse(path) for path in SITE_DIR.rglob("*.html") if "_static" not in path.parts}
    broken = []
    for page, parsed in pages.items():
        for link in parsed.links:
            parts = urllib.parse.urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue
            target = (
                (page.parent / urllib.parse.unquote(parts.path)).resolve() if parts.path else page
            )
            if target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(SITE_DIR)}: {link}"
            if not target.is_file():
                broken.append(f"{where} (no such file)")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if urllib.parse.unquote(parts.fragment) not in ids:
                    broken.append(f"{where} (no such anchor)")
    assert not broken, f"{len(broken)} broken internal links:\n" + "\n".join(
        sorted(set(broken))[:50]
    )


# -- in the browser ---------------------------------------------------------------------------------------------
class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(site):
    """The built site over HTTP on 127.0.0.1 (a free port), as `python -m http.server` would serve it."""
    handler = functools.partial(_QuietHandler, directory=str(SITE_DIR))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def browser(server):
    require_browser("The site's browser tests")
    with chromium() as browser:
        yield browser


class Visit:
    """A page of the site open in Chromium, with every request it made that failed or left the site."""

    def __init__(self, browser, server: str, viewport: dict):
        self.server = server
        self.context = browser.new_context(viewport=viewport)
        self.context.set_default_timeout(60_000)
        self.page = self.context.new_page()
        self.failed: list[str] = []
        self.outside: list[str] = []
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))
        self.page.on(
            "response",
            lambda r: (
                self.failed.append(f"{r.url} ({r.status})")
                if r.status >= 400 and not r.url.endswith("/favicon.ico")
                else None
            ),
        )
        self.page.on(
            "request",
            lambda r: (
                None
                if r.url.startswith(server) or r.url.startswith("data:")
                else self.outside.append(r.url)
            ),
        )

    def open(self, path: str) -> None:
        self.page.goto(f"{self.server}/{path}", wait_until="load")
        # MathJax typesets after the load event: wait until it has finished (pages without math have no MathJax)
        self.page.wait_for_function(
            "() => !window.MathJax || (MathJax.startup && MathJax.startup.promise)"
        )
        self.page.evaluate("() => window.MathJax ? MathJax.startup.promise.then(() => true) : true")

    def screenshot(self, name: str, element=None) -> Path:
        return screenshot(self.page, f"site-{name}", element)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser, server):
    opened: list[Visit] = []

    def open_visit(viewport=LAPTOP) -> Visit:
        opened.append(Visit(browser, server, viewport))
        return opened[-1]

    yield open_visit
    for each in opened:
        each.close()


@pytest.mark.browser
def test_home_page_lists_every_chapter_by_part_in_book_order(site, visit):
    chapters, _, _ = site
    parts = list(dict.fromkeys(chapter.part for chapter in chapters))
    laptop = visit()
    laptop.open("index.html")
    page = laptop.page
    listed = page.eval_on_selector_all(
        ".udl-chapters tbody tr td:nth-child(1) a",
        "links => links.map(a => a.getAttribute('href'))",
    )
    assert listed == [f"{chapter.stem}.html" for chapter in chapters], (
        "the home page's chapter table"
    )
    headings = page.eval_on_selector_all(
        "section h3", "hs => hs.map(h => h.textContent.replace('#', '').trim())"
    )
    assert [h for h in headings if h.startswith(("Part", "More"))] == parts
    captions = page.eval_on_selector_all(
        ".bd-sidebar-primary p.caption", "cs => cs.map(c => c.textContent.trim())"
    )
    assert captions == parts, "the sidebar's parts"
    sidebar = page.eval_on_selector_all(
        ".bd-sidebar-primary nav.bd-links a.reference.internal",
        "links => links.map(a => a.textContent.trim())",
    )
    assert [s for s in sidebar if s.startswith("Chapter")] == [c.heading for c in chapters], (
        "the sidebar's chapters"
    )
    for text in ("Who it is for", "How to run it", "papermill", "make lab", "Colab"):
        assert text in page.inner_text("article"), f"the home page does not say {text!r}"
    laptop.screenshot("index-laptop")
    phone = visit(PHONE)
    phone.open("index.html")
    phone.screenshot("index-phone")
    assert not laptop.failed + phone.failed, f"requests failed: {laptop.failed + phone.failed}"
    assert not laptop.outside + phone.outside, (
        f"the home page asked the network: {laptop.outside + phone.outside}"
    )


def _outputs(notebook: dict, mime_type: str) -> int:
    return sum(
        mime_type in o.get("data", {})
        for c in notebook["cells"]
        if c["cell_type"] == "code"
        for o in c.get("outputs", [])
    )


_PAGE_STATE_JS = """() => {
  const article = document.querySelector('article.bd-article');
  const images = [...article.querySelectorAll('img')];
  const prose = article.cloneNode(true);
  prose.querySelectorAll('pre, code, .cell_output, script').forEach(e => e.remove());
  return {
    title: article.querySelector('h1').textContent.replace('#', '').trim(),
    images: images.length,
    brokenImages: images.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src')),
    figures: article.querySelectorAll('.cell_output img').length,
    maths: article.querySelectorAll('.math').length,
    untypeset: [...article.querySelectorAll('.math')].filter(m => !m.querySelector('mjx-container'))
                 .map(m => m.textContent.slice(0, 80)),
    rawMath: (prose.textContent.match(/\\$\\$|\\\\\\(|\\\\\\[|\\\\begin\\{/g) || []).length,
    records: article.querySelectorAll('.udl-output.udl-record').length,
    claims: article.querySelectorAll('.udl-output.udl-claim.udl-ok').length,
    failed: [...article.querySelectorAll('.udl-output.udl-failed')].map(e => e.textContent),
    checks: [...article.querySelectorAll('.udl-output.udl-check.udl-ok')].map(e => e.textContent),
    mathErrors: [...article.querySelectorAll('mjx-merror')].map(e => e.textContent.slice(0, 80)),
    solutions: [...article.querySelectorAll('details.hide > summary')].map(s => s.innerText.trim()),
    explorableNotes: [...article.querySelectorAll('.admonition.note')]
                       .filter(n => /sliders work/.test(n.textContent)).length,
    links: [...article.querySelectorAll('.udl-launch a')].map(a => a.getAttribute('href')),
    sections: article.querySelectorAll('section h2').length,
    toc: document.querySelectorAll('#pst-page-toc-nav a').length,
    scrolling: [...article.querySelectorAll('pre')].filter(p => p.scrollWidth > p.clientWidth + 1)
                 .map(p => p.textContent.slice(0, 80)),
  };
}"""


@pytest.mark.browser
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_chapter_page_reads_well(site, visit, path):
    chapters, _, failed = site
    if path in failed:
        pytest.fail(
            f"{path.stem} did not execute, so the site has no page for it:\n{failed[path]}",
            pytrace=False,
        )
    chapter = next(c for c in chapters if c.notebook == path)
    executed = read(chapter.executed)
    laptop = visit()
    laptop.open(f"{chapter.stem}.html")
    state = laptop.page.evaluate(_PAGE_STATE_JS)
    laptop.screenshot(f"{chapter.stem}-laptop")
    first_figure = laptop.page.locator("article .cell_output img").first
    if first_figure.count():
        laptop.screenshot(f"{chapter.stem}-figure-laptop", first_figure)
    name = chapter.stem

    assert state["title"] == chapter.heading
    assert not state["brokenImages"], f"{name}: images that did not load: {state['brokenImages']}"
    assert state["figures"] == _outputs(executed, "image/png"), (
        f"{name}: not every figure of the notebook is shown"
    )
    assert not state["untypeset"], (
        f"{name}: equations MathJax did not typeset: {state['untypeset'][:5]}"
    )
    markdown = "\n".join(source(c) for c in executed["cells"] if c["cell_type"] == "markdown")
    assert ("$" in markdown) <= (state["maths"] > 0), (
        f"{name}: the notebook has equations, the page none"
    )
    assert not state["mathErrors"], f"{name}: MathJax could not typeset: {state['mathErrors'][:5]}"
    assert state["rawMath"] == 0, (
        f"{name}: raw LaTeX ($$, \\(, \\[ or \\begin) is left in the page's text"
    )
    assert state["records"] == _outputs(executed, RECORD_MIME_TYPE), (
        f"{name}: recorded results are missing"
    )
    assert state["claims"] == _outputs(executed, CLAIM_MIME_TYPE), f"{name}: claims are missing"
    assert not state["failed"], f"{name}: the page shows failed checks or claims: {state['failed']}"
    exercises = exercise_ids(chapter.notebook)
    for exercise in exercises:
        assert any(f"✔ Exercise {exercise} " in text for text in state["checks"]), (
            f"{name}: no ✔ for {exercise}"
        )
    assert [s for s in state["solutions"] if "worked solution" in s] == [
        f"Show the worked solution of Exercise {e}" for e in exercises
    ], f"{name}: solutions are not folded"
    explorables = sum(
        "udl.explore(" in source(c) for c in executed["cells"] if c["cell_type"] == "code"
    )
    assert state["explorableNotes"] == explorables, f"{name}: an explorable lacks its note"
    stem = chapter.notebook.name
    assert state["links"] == [
        colab_url(f"{WORKED_DIR}/{stem}"),
        colab_url(f"{EXERCISE_DIR}/{stem}"),
        f"notebooks/{stem}",
        f"notebooks/exercises/{stem}",
    ], f"{name}: launch links"
    assert state["toc"] >= state["sections"] > 0, (
        f"{name}: the in-page table of contents lacks sections"
    )
    assert not state["scrolling"], (
        f"{name}: code scrolls sideways on a laptop: {state['scrolling'][:3]}"
    )
    assert not laptop.failed, f"{name}: requests failed: {laptop.failed}"
    assert not laptop.outside, f"{name}: the page asked the network: {laptop.outside[:5]}"

    if NOTEBOOKS.index(path) < PHONE_SHOTS:
        phone = visit(PHONE)
        phone.open(f"{chapter.stem}.html")
        phone.screenshot(f"{chapter.stem}-phone")
        solution = phone.page.locator("details.hide").first
        if solution.count():
            solution.locator("summary").click()
            phone.screenshot(f"{chapter.stem}-solution-phone", solution)
        overflow = phone.page.evaluate(
            "() => document.documentElement.scrollWidth - window.innerWidth"
        )
        assert overflow <= 1, f"{name}: the page is {overflow} px wider than a phone's screen"


def _distinctive_word(chapter, chapters) -> str:
    """A word of the chapter's prose that no other chapter's prose uses (the most frequent such)."""

    def words(notebook: Path) -> collections.Counter:
        text = " ".join(source(c) for c in read(notebook)["cells"] if c["cell_type"] == "markdown")
        text = re.sub(r"\$[^$]*\$|`[^`]*`|\(http[^)]*\)", " ", text)
        return collections.Counter(w.lower() for w in re.findall(r"\b[A-Za-z]{7,}\b", text))

    others = set().union(*(words(c.executed) for c in chapters if c is not chapter))
    own = words(chapter.executed)
    candidates = [w for w, _ in own.most_common() if w not in others]
    assert candidates, f"{chapter.stem} uses no word of its own"
    return candidates[0]


@pytest.mark.browser
def test_search_finds_a_chapter_by_its_own_word(site, visit):
    chapters, _, _ = site
    laptop = visit()
    for chapter in dict.fromkeys([chapters[0], chapters[-1]]):
        word = _distinctive_word(chapter, chapters)
        laptop.open(f"search.html?q={urllib.parse.quote(word)}")
        laptop.page.wait_for_function(
            "() => /Search finished|found/.test("
            "(document.querySelector('#search-results .search-summary') || {}).textContent || '')"
        )
        found = laptop.page.eval_on_selector_all(
            "#search-results ul.search li a", "links => links.map(a => a.getAttribute('href'))"
        )
        assert any(
            href.split("?")[0].split("#")[0].endswith(f"{chapter.stem}.html") for href in found
        ), f"searching {word!r} (a word of {chapter.stem} only) finds {found}"
    laptop.screenshot("search-laptop")
    assert not laptop.failed, f"requests failed: {laptop.failed}"
