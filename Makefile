# Two commands: `make run` (set up and serve the demo on SQLite) and `make test` (every check).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= config.settings.local

.PHONY: run test setup setup-test assets system-packages browser check lint contracts typecheck migrations-check pytest lock worker clean

## Set up everything and serve the demo partnership on http://127.0.0.1:8000
run: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py demo_seed
	@echo ""
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## Install what tests need, then run ruff, ruff format, mypy, makemigrations --check and pytest
test: setup-test check pytest

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.base-installed: $(BIN)/python requirements/base.txt
	$(BIN)/python -m pip install --quiet -r requirements/base.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.base-installed requirements/dev.txt
	$(BIN)/python -m pip install --quiet -r requirements/dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

assets: node_modules/.installed

setup: $(VENV)/.base-installed assets system-packages
	@mkdir -p var

setup-test: $(VENV)/.dev-installed assets system-packages browser
	@mkdir -p var

APT_INSTALL = SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq

## Debian's Pango (WeasyPrint's PDFs) and metric-compatible fonts, when missing
system-packages:
	@if ! ls /usr/lib/*/libpangoft2-1.0.so.0 >/dev/null 2>&1 || \
		[ ! -e /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ]; then \
		echo "Installing Pango and fonts (Debian packages) for PDF documents"; \
		$(APT_INSTALL) libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation >/dev/null; \
	fi

## Debian's chromium for the browser tests, when missing (never a downloaded browser)
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		$(APT_INSTALL) chromium >/dev/null; \
	fi

check: lint typecheck contracts migrations-check

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## Architecture contracts: import layers (import-linter, pyproject.toml [tool.importlinter])
contracts:
	$(BIN)/lint-imports --no-cache

typecheck:
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/mypy safeguarding config bench conftest.py

migrations-check:
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	@if git ls-files '*/migrations/*_auto_*' | grep -q .; then \
		echo "Migrations must be named for what they do (found *_auto_* files)."; exit 1; fi

## pytest in two processes (pytest-xdist; PYTEST_WORKERS=0 runs one), failing loudly when no
## test ran (exit code 5)
PYTEST_WORKERS ?= 2
pytest:
	@set +e; DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup --no-loadscope-reorder $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "ERROR: pytest collected no tests: that is a failure, not a pass."; exit 1; fi; \
	exit $$status

## Regenerate the pinned requirements from requirements/*.in in a fresh virtual environment
lock:
	rm -rf var/lock-venv && $(PYTHON) -m venv var/lock-venv
	var/lock-venv/bin/pip install --quiet --upgrade pip packaging
	cd requirements && ../var/lock-venv/bin/pip install --quiet -r base.in && ../var/lock-venv/bin/pip install --quiet $$(grep -v '^-c' dev.in | grep -v '^#')
	var/lock-venv/bin/python scripts/lock_requirements.py

## Run the background task worker (production runs it as its own process)
worker: setup
	USE_TASK_WORKER=1 $(BIN)/python manage.py db_worker

clean:
	rm -rf $(VENV) node_modules var
