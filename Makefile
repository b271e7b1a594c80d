# The two commands of the README: `make run` and `make test`. Everything else is set up by them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP_FLAGS ?= --quiet --disable-pip-version-check
# uv installs what uv.lock pins (one universal lock for every Python from 3.11 on); `make lock`
# refreshes it after a change to pyproject.toml, `make lock UPGRADE=1` moves every pin to the newest.
UV_VERSION ?= 0.13.9
UV := UV_PROJECT_ENVIRONMENT=$(abspath $(VENV)) $(BIN)/uv
SYNC := $(UV) sync --frozen --inexact --quiet
CHROMIUM ?= /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8050
# A sample curation history with the demo data (on a fresh instance only); DEMO_CURATION=0: none.
DEMO_CURATION ?= 1

.PHONY: run test lint lock screenshots bench install install-test chromium clean

run: $(VENV)/.installed-run
	@echo "Portal: http://$(HOST):$(PORT)"
	DEMO_CURATION=$(DEMO_CURATION) $(BIN)/gunicorn --no-control-socket -w 2 --threads 4 \
	  -b $(HOST):$(PORT) app:server

test: $(VENV)/.installed-test chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# A PNG of every page at 390 and 1366 px into screenshots/ (LANGS="de en" for both languages).
LANGS ?= de
screenshots: $(VENV)/.installed-test chromium
	$(BIN)/python scripts/screenshots.py --lang $(LANGS)

lock: | $(BIN)/uv
	$(UV) lock $(if $(UPGRADE),--upgrade)

bench: $(VENV)/.installed-bench
	$(BIN)/python -m bench

install: $(VENV)/.installed-run
install-test: $(VENV)/.installed-test

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 oder neuer wird gebraucht.")'
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "python3-venv fehlt: installiere es mit apt-get"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv && \
	    rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); \
	  else echo "Python-venv fehlt: bitte 'apt-get install python3-venv' ausführen."; exit 1; fi; }

$(BIN)/uv: | $(BIN)/python
	$(BIN)/pip install $(PIP_FLAGS) 'uv==$(UV_VERSION)'

# The portal runs from this checkout; uv installs only the locked dependencies, never the project.
$(VENV)/.installed-run: uv.lock pyproject.toml | $(BIN)/uv
	$(SYNC)
	@touch $@

$(VENV)/.installed-test: uv.lock pyproject.toml | $(BIN)/uv
	$(SYNC) --extra test
	@touch $@ $(VENV)/.installed-run

$(VENV)/.installed-bench: uv.lock pyproject.toml | $(BIN)/uv
	$(SYNC) --extra bench
	@touch $@

# Playwright's own browser download fails here: the browser tests use Debian's Chromium.
chromium:
	@if [ -x "$(CHROMIUM)" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Chromium fehlt: installiere Debians chromium und chromium-driver"; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver; \
	else \
	  echo "Chromium fehlt ($(CHROMIUM)). Bitte als root ausführen: apt-get install -y chromium chromium-driver"; \
	  exit 1; \
	fi

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache
