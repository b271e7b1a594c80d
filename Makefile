# The two commands of the README: `make run` and `make test`. Everything else is set up by them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP_FLAGS ?= --quiet --disable-pip-version-check
CHROMIUM ?= /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8050
# A sample curation history with the demo data (on a fresh instance only); DEMO_CURATION=0: none.
DEMO_CURATION ?= 1

.PHONY: run test lint bench install install-test chromium clean

run: $(VENV)/.installed-run
	@echo "Portal: http://$(HOST):$(PORT)"
	DEMO_CURATION=$(DEMO_CURATION) $(BIN)/gunicorn --no-control-socket -w 2 --threads 4 \
	  -b $(HOST):$(PORT) app:server

test: $(VENV)/.installed-test chromium
	$(BIN)/ruff check .
	$(BIN)/pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

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
	$(BIN)/python -m pip install $(PIP_FLAGS) --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install $(PIP_FLAGS) -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install $(PIP_FLAGS) -e '.[test]'
	@touch $@ $(VENV)/.installed-run

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/pip install $(PIP_FLAGS) -e '.[bench]'
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
