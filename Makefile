# Everything a fresh machine needs: `make run` (the bot) and `make test` (the suite).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test lint bench install dev clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed
dev: $(VENV)/.dev-installed

# Exit code 3: no token yet; tomtat has said how to get one, so make adds no error of its own.
run: $(VENV)/.installed
	@$(VENV)/bin/tomtat run || [ $$? -eq 3 ]

test: $(VENV)/.dev-installed
	HF_HUB_OFFLINE=1 $(PY) -m pytest -q

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check bot summarizer storage tests benchmarks
	$(VENV)/bin/mypy bot summarizer storage

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
