# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: run test test-fast lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(TSTAMP): $(STAMP)
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

## Open the app (a throwaway demo vault when no vault exists yet).
run: $(STAMP)
	$(PY) -m rebuild_desktop --demo-if-empty

## The whole suite: unit tests, then the real Secret Service tests under their own D-Bus session.
test: $(TSTAMP)
	$(PY) -m ruff check rebuild_desktop tests
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not keyring and not slow"
	tests/with_secret_service.sh $(PY) -m pytest -m keyring

lint: $(TSTAMP)
	$(PY) -m ruff check rebuild_desktop tests

bench: $(TSTAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks

clean:
	rm -rf $(VENV)
