# The two commands a new user needs: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
SP := $(VENV)/bin/safetyplan

.PHONY: run test setup train lint nlu-report bench clean lock

run: setup
	@$(SP) run

test: setup
	@$(PY) -m pytest

setup:
	@bash scripts/bootstrap.sh

train: setup
	@$(SP) train

lint: setup
	@$(VENV)/bin/ruff check bot actions exporters tests scripts

nlu-report: setup
	@$(PY) scripts/nlu_report.py

bench: setup
	@$(PY) scripts/bench_export.py
	@$(PY) scripts/bench_conversation.py

lock: setup
	@$(PY) -m pip freeze --exclude-editable | grep -v -E '^(pip|setuptools|wheel)==' > constraints.txt.new
	@{ printf '# The tested lock for the whole dependency tree (pip constraints). Regenerate with\n# `make lock` after changing pyproject.toml, then run `make test`.\n'; cat constraints.txt.new; } > constraints.txt
	@rm constraints.txt.new

clean:
	rm -rf var/models var/runtime var/logs
