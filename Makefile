# The course's commands. `make lab` and `make test` create .venv on first use.
PYTHON ?= python3
# The CPU build of torch that this project's machines and CI install first. Elsewhere, override it
# (e.g. `make test TORCH=torch`) or keep the torch you have: requirements.txt only asks for torch>=2.2.
TORCH ?= torch==2.13.0
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CELL_TIMEOUT ?= 300
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

SEEDS ?= 1 2
# Test runs are strict: a claim that does not hold stops the notebook, and deprecation and future warnings
# raised by course code are errors. A learner's JupyterLab (make lab) is not: a failed claim prints ✘ there.
test execute bench robustness: export UDLCOURSE_STRICT := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: lab progress grade test browser-deps execute exercises readme check format bench robustness site clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet "$(TORCH)"
	$(PY) -m pip install --quiet -r requirements.txt -e .
	touch $(STAMP)

# JupyterLab on the learner's own workspace/ (git-ignored): seeded with the exercise edition on first use,
# and synced on each start without ever overwriting a notebook the learner changed (tools/workspace.py).
lab: $(STAMP)
	$(PY) -m tools.workspace
	$(VENV)/bin/jupyter lab --notebook-dir=workspace $(ROOT_FLAG)

progress: $(STAMP)
	$(PY) -m udlcourse.progress workspace

# Runs the students' code: see README ("Grading a class") for running it in a container.
grade: $(STAMP)
	@if [ -z "$(SUBMISSIONS)" ]; then echo "usage: make grade SUBMISSIONS=folder-of-submitted-notebooks"; exit 2; fi
	$(PY) -m tools.grade "$(SUBMISSIONS)" --out build/grades --cell-timeout $(CELL_TIMEOUT)

test: $(STAMP) browser-deps
	$(PY) -m pytest tests --timeout=900 --durations=30

# The browser tests (tests/test_browser.py) drive Debian's Chromium with Playwright (in requirements.txt).
# Installs chromium (and an emoji font for the screenshots) when missing and we are root with apt-get.
BROWSER_FONT := /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf
browser-deps:
	@if [ -x /usr/bin/chromium ] && [ -f $(BROWSER_FONT) ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's chromium for the browser tests ..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			chromium fonts-noto-color-emoji >/dev/null; \
	elif [ ! -x /usr/bin/chromium ]; then \
		echo "browser-deps: /usr/bin/chromium is missing: install Debian's chromium (sudo apt-get install chromium)"; \
		echo "  to run the browser tests; without it they are skipped (and fail under CI)."; \
	fi

execute: $(STAMP)
	$(PY) -m tools.notebooks execute --build build/executed --cell-timeout $(CELL_TIMEOUT)

exercises: $(STAMP)
	$(PY) -m tools.notebooks exercises
	$(PY) -m tools.notebooks readme

readme: $(STAMP)
	$(PY) -m tools.notebooks readme

check: $(STAMP)
	$(PY) -m tools.notebooks check

# One code style (ruff, configured in pyproject.toml) for the package, tooling, tests and notebooks; then the
# generated exercise editions and solution modules are written again from the formatted worked notebooks.
format: $(STAMP)
	$(PY) -m ruff check --fix --quiet .
	$(PY) -m ruff format --quiet .
	$(PY) -m tools.notebooks exercises

bench: $(STAMP)
	$(PY) -m tools.notebooks bench --cell-timeout $(CELL_TIMEOUT)

robustness: $(STAMP)
	$(PY) -m tools.notebooks robustness --seeds $(SEEDS) --cell-timeout $(CELL_TIMEOUT)

# The web edition: executes the worked notebooks as `make execute` does (reusing its fresh results, strict) and
# renders them with Sphinx (tools/site.py) into build/site/; open build/site/index.html.
site: $(STAMP)
	UDLCOURSE_STRICT=1 $(PY) -m tools.site --cell-timeout $(CELL_TIMEOUT)

clean:
	rm -rf build .pytest_cache
	find . -name __pycache__ -not -path "./$(VENV)/*" -prune -exec rm -rf {} +
