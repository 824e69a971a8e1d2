# Two commands for a new user: `make demo` and `make test` (both install first).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install browser lint demo test bench readme clean

install: $(STAMP)

# Reinstall only when the project's dependencies change.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -e ".[dev,notebooks,dask]"
	@# an editable install leaves graphbuild's own modules uncompiled, and where PYTHONDONTWRITEBYTECODE is set
	@# (CI, containers) every run would compile them again: 0.15 s of each build's start
	$(BIN)/python -m compileall -q graphbuild
	@touch $(STAMP)

demo: install
	$(BIN)/graphbuild build examples/ --out out/ --force
	@echo
	@echo "Open the graph in a browser:  file://$(CURDIR)/out/graph.html"

# Debian's headless Chromium for tests/test_browser.py, installed when missing and we are root (CI starts bare).
browser:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver; \
	else echo "make browser: no chromium and not root: the browser tests will skip (apt-get install chromium chromium-driver)"; fi

lint: install
	$(BIN)/ruff check graphbuild tests benchmarks

test: install browser lint
	$(BIN)/python -m pytest -q

# The README's saved-query outputs, from a fresh run on examples/ (tests/test_readme_queries.py checks them).
readme: demo
	$(BIN)/cog -r -I tools -D out=out README.md

bench: install
	$(BIN)/python benchmarks/extraction.py

clean:
	rm -rf $(VENV) out build dist *.egg-info .pytest_cache
