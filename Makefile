# AVEC — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
export AVEC_DATA_DIR ?= ./var

.PHONY: run test install install-test browser db demo serve lint typecheck bench clean

run: install db demo serve ## install, migrate, load demo data, start the server with the embedded model

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip wheel setuptools

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -e .
	touch $@

install: $(VENV)/.installed

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PIP) install -e '.[test]'
	touch $@

install-test: $(VENV)/.installed-test browser

browser: ## Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium)
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; fi; \
	fi

db: install
	$(VENV)/bin/avec db upgrade

demo: install
	$(VENV)/bin/avec demo

serve: install
	$(VENV)/bin/avec serve

test: install-test ## install what the tests need, then run them all
	$(PY) -m pytest

lint:
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy

bench: install-test ## the benchmarks of docs/benchmarks.md (LiteLLM goes into its own .bench-venv)
	$(PIP) install -e '.[test,bench]'
	$(PY) benchmarks/gateway_overhead.py
	$(PY) benchmarks/privacy.py

clean:
	rm -rf $(VENV) var test-artifacts
