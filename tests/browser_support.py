"""JupyterLab and Chromium for the browser tests (tests/test_browser.py).

``JupyterLab`` starts the course's own JupyterLab on 127.0.0.1 with a free port, a random token, a
throwaway copy of ``notebooks/`` and throwaway settings, and always shuts it down with its kernels.
``LabPage`` drives one notebook in a Playwright page the way a learner would: the menus, the
kernel dialog, the sliders.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "build" / "browser"
# Without the networking switches Chromium's connections are refused on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Lab settings for the test: every cell stays in the page (no windowed rendering), no news pop-up.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}
# The seed of the exercise editions' runs (the worked notebooks run at their default seed).
EXERCISE_EDITION_SEED = 1
ERROR_TEXT = re.compile(
    r"Traceback \(most recent call last\)|^\s*\w*(Error|Exception)\b", re.MULTILINE
)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _children(pid: int) -> list[int]:
    """Every living descendant of ``pid`` (Linux /proc; an empty list elsewhere)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        child, ppid = int(text.split()[0]), int(text.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(child)
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie has exited already
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return not Path("/proc").is_dir()


class JupyterLab:
    """The course's JupyterLab, serving a temporary copy of ``notebooks/``; use it as a context manager."""

    def __init__(self, workdir: Path, startup_timeout: float = 90.0):
        self.workdir = Path(workdir)
        self.root_dir = self.workdir / "notebooks"
        self.port = free_port()
        self.token = secrets.token_hex(24)
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.workdir / "jupyterlab.log"
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen | None = None

    # -- life cycle ------------------------------------------------------------------------------
    def __enter__(self) -> "JupyterLab":
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        # A copy, so that running the notebooks never writes into the repository.
        shutil.copytree(
            ROOT / "notebooks",
            self.root_dir,
            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
        )
        # The exercise editions run at another seed, so every CI run checks each claim at two seeds.
        for notebook in sorted((self.root_dir / "exercises").glob("ch*.ipynb")):
            set_seed(notebook, EXERCISE_EDITION_SEED)
        settings = self.workdir / "lab-settings"
        for name, values in LAB_SETTINGS.items():
            path = settings / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        env = dict(os.environ)
        # A learner's JupyterLab: the front end decides what is interactive, matplotlib draws inline.
        for name in ("UDLCOURSE_INTERACTIVE", "MPLBACKEND", "JUPYTER_CONFIG_DIR"):
            env.pop(name, None)
        env["JUPYTER_CONFIG_DIR"] = str(self.workdir / "jupyter-config")
        env["JUPYTER_RUNTIME_DIR"] = str(self.workdir / "jupyter-runtime")
        command = [
            str(VENV_BIN / "jupyter"),
            "lab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root_dir}",
            f"--LabApp.user_settings_dir={settings}",
            f"--LabApp.workspaces_dir={self.workdir / 'workspaces'}",
            "--LabApp.news_url=",
            "--allow-root",
        ]
        self._log = open(self.log_path, "wb")
        # Its own process group, so that stop() can end the server with everything it started.
        self.process = subprocess.Popen(
            command,
            cwd=self.workdir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + self.startup_timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"JupyterLab exited with code {self.process.returncode}:\n{self.log_tail()}"
                )
            try:
                self.api("GET", "/api/status", timeout=2)
                return
            except (OSError, urllib.error.URLError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"JupyterLab did not answer within {self.startup_timeout:.0f} s:\n"
                    f"{self.log_tail()}"
                )
            time.sleep(0.25)

    def stop(self) -> None:
        """Shut down the server and every kernel it started; kill what does not stop in time."""
        process, self.process = self.process, None
        if process is None:
            return
        try:
            family = _children(process.pid)
            if process.poll() is None:
                try:  # the clean way: the server shuts its kernels down too
                    self.api("POST", "/api/shutdown", timeout=5)
                except (OSError, urllib.error.URLError):
                    pass
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    pass
            for sig, wait in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
                if process.poll() is None:
                    try:
                        os.killpg(process.pid, sig)
                    except ProcessLookupError:
                        pass
                    try:
                        process.wait(timeout=wait)
                    except subprocess.TimeoutExpired:
                        pass
            # Kernels run in sessions of their own: end by id any that outlived the server.
            for pid in family:
                if _alive(pid):
                    try:
                        os.killpg(pid, signal.SIGKILL) if os.getpgid(pid) == pid else os.kill(
                            pid, signal.SIGKILL
                        )
                    except (ProcessLookupError, PermissionError):
                        pass
        finally:
            self._log.close()

    # -- helpers ---------------------------------------------------------------------------------
    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def api(self, method: str, path: str, timeout: float = 10):
        request = urllib.request.Request(
            f"{self.url}{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels_of(self, notebook: str) -> None:
        """Shut down the kernel of the notebook at this path (relative to the served folder)."""
        for session in self.api("GET", "/api/sessions"):
            if session.get("path") == notebook and session.get("kernel"):
                try:
                    self.api("DELETE", f"/api/kernels/{session['kernel']['id']}")
                except (OSError, urllib.error.URLError):
                    pass

    def notebook_url(self, notebook: str) -> str:
        """The address that opens this notebook in a fresh, empty Lab workspace."""
        workspace = "test-" + re.sub(r"\W", "-", notebook)
        return f"{self.url}/lab/workspaces/{workspace}/tree/{notebook}?token={self.token}"


# JavaScript run in the page: the state of the open notebook's code cells.
_CELLS_JS = """() => {
  const panel = [...document.querySelectorAll('.jp-NotebookPanel')].find(p => !p.classList.contains('lm-mod-hidden'));
  if (!panel) return null;
  const cells = [...panel.querySelectorAll('.jp-Notebook .jp-Cell.jp-CodeCell')];
  return cells.map(cell => {
    const prompt = cell.querySelector('.jp-InputArea-prompt');
    const outputs = [...cell.querySelectorAll('.jp-OutputArea-output')];
    return {
      prompt: prompt ? prompt.textContent.trim() : '',
      text: outputs.map(o => o.innerText).join('\\n'),
      stderr: [...cell.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
              .map(o => o.innerText),
    };
  });
}"""


class LabPage:
    """One notebook opened in JupyterLab in a Playwright page."""

    def __init__(self, page, lab: JupyterLab, notebook: str, label: str):
        self.label = label  # names the screenshots: build/browser/<label>-<step>.png
        self.page = page
        self.lab = lab
        self.notebook = notebook

    def open(self, timeout: float = 90.0) -> None:
        self.page.goto(self.lab.notebook_url(self.notebook), wait_until="domcontentloaded")
        panel = self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
        panel.locator(".jp-Cell").first.wait_for(timeout=timeout * 1000)
        # A notebook without kernel metadata asks for a kernel: take the suggested one, as a learner would.
        deadline = time.monotonic() + timeout
        while not self.kernel_ready():
            dialog = self.page.locator(".jp-Dialog")
            if dialog.count() and dialog.first.is_visible():
                dialog.locator(".jp-mod-accept").first.click()
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"the kernel of {self.notebook} did not become idle within {timeout:.0f} s "
                    f"(status: {self.kernel_status()!r})\n{self.lab.log_tail()}"
                )
            self.page.wait_for_timeout(250)

    def kernel_ready(self) -> bool:
        """The page shows the notebook connected to an idle kernel, with no dialog open."""
        if self.page.locator(".jp-Dialog").count() or self.kernel_status() != "idle":
            return False
        name = self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Toolbar-kernelName")
        if not name.count() or name.first.inner_text().strip() in ("", "No Kernel"):
            return False
        sessions = self.lab.api("GET", "/api/sessions")
        return any(
            s.get("path") == self.notebook
            and (s.get("kernel") or {}).get("execution_state") == "idle"
            for s in sessions
        )

    def kernel_status(self) -> str:
        indicator = self.page.locator(
            ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator"
        )
        if not indicator.count():
            return ""
        return indicator.first.get_attribute("data-status") or ""

    def menu(self, menu: str, *commands: str) -> None:
        """Click a main-menu entry, e.g. ``menu("Run", "runmenu:run-all")`` (the first command found)."""
        self.page.locator(
            ".lm-MenuBar-item", has_text=re.compile(rf"^{re.escape(menu)}$")
        ).first.click()
        item = self.page.locator(
            ", ".join(f".lm-Menu-item[data-command='{c}']" for c in commands)
        ).first
        item.wait_for(state="visible")
        item.click()

    def cells(self) -> list[dict]:
        return self.page.evaluate(_CELLS_JS) or []

    def run_all(self, timeout: float = 420.0) -> list[dict]:
        """Clear all outputs, Run → Run All Cells, and wait until the run ends; returns the code cells' state."""
        self.menu("Edit", "editmenu:clear-all", "notebook:clear-all-cell-outputs")
        self.page.wait_for_function(
            "() => ![...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-InputArea-prompt')]"
            ".some(p => /\\d/.test(p.textContent))",
            timeout=30_000,
        )
        self.menu("Run", "runmenu:run-all", "notebook:run-all-cells")
        deadline = time.monotonic() + timeout
        while True:
            cells = self.cells()
            running = any("*" in c["prompt"] for c in cells)
            errored = any(ERROR_TEXT.search(t) for c in cells for t in c["stderr"])
            finished = bool(cells) and re.search(r"\d", cells[-1]["prompt"]) is not None
            if not running and (finished or errored) and self.kernel_status() == "idle":
                return cells
            if time.monotonic() > deadline:
                prompts = [c["prompt"] for c in cells]
                self.screenshot("run-all-timeout")
                raise AssertionError(
                    f"Run All of {self.notebook} did not finish within {timeout:.0f} s; "
                    f"prompts: {prompts}\n{self.lab.log_tail()}"
                )
            self.page.wait_for_timeout(500)

    def screenshot(self, name: str, element=None) -> Path:
        """Save what the page shows to build/browser/<label>-<name>.png, scrolled to ``element`` if given."""
        return screenshot(self.page, f"{self.label}-{name}", element)


def screenshot(page, name: str, element=None) -> Path:
    """Save what ``page`` shows to build/browser/<name>.png, scrolled to ``element`` if given."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    if element is not None:
        element.scroll_into_view_if_needed()
        page.wait_for_timeout(300)  # let the scrolling settle before the picture
    page.screenshot(path=str(path))
    return path


def set_seed(notebook: Path, seed: int) -> None:
    """Set ``SEED = <seed>`` in the notebook's parameters cell (the file is changed in place)."""
    content = json.loads(notebook.read_text())
    for cell in content["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            text, count = re.subn(
                r"^SEED = \d+", f"SEED = {seed}", "".join(cell["source"]), flags=re.MULTILINE
            )
            if count == 1:
                cell["source"] = text.splitlines(keepends=True)
                notebook.write_text(json.dumps(content, indent=1, ensure_ascii=False))
                return
    raise AssertionError(f"{notebook.name}: its parameters cell sets no `SEED = <integer>`")


def error_outputs(cells: list[dict]) -> list[str]:
    """The error outputs (tracebacks, exception messages) that the cells show, with their prompts."""
    return [
        f"cell {c['prompt']}\n{text}"
        for c in cells
        for text in c["stderr"]
        if ERROR_TEXT.search(text)
    ]


def exercise_ids(notebook: Path) -> list[str]:
    """The exercise numbers whose checks the notebook calls, e.g. ``["2.1", "2.2"]``."""
    cells = json.loads(notebook.read_text())["cells"]
    source = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return list(dict.fromkeys(re.findall(r"""\bcheck\(\s*["'](\d+\.\d+)["']""", source)))


def missing_dependencies() -> str | None:
    """Why the browser tests cannot run here, or None when Chromium and Playwright are both present."""
    problems = []
    if not CHROMIUM.is_file() or not os.access(CHROMIUM, os.X_OK):
        problems.append(
            f"Debian's Chromium ({CHROMIUM}) is missing: run `make browser-deps` as root "
            "or `sudo apt-get install chromium`"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problems.append(
            f"the playwright Python package is missing from {sys.executable}: run `make test` "
            "(it installs requirements.txt)"
        )
    if not (VENV_BIN / "jupyter").is_file():
        problems.append(f"{VENV_BIN / 'jupyter'} is missing: run `make test` once to create .venv")
    return "; ".join(problems) or None


def require_browser(what: str = "The browser tests") -> None:
    """Skip the calling test when Chromium or playwright is missing; under CI (the ``CI`` environment
    variable) that is a failure naming ``what``."""
    problem = missing_dependencies()
    if problem is None:
        return
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        pytest.fail(f"{what} must run in CI, but {problem}.", pytrace=False)
    pytest.skip(f"browser tests skipped: {problem}. (Under CI this is a failure.)")


@contextlib.contextmanager
def chromium():
    """Debian's Chromium, headless, driven by Playwright; closed with Playwright on exit."""
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()
