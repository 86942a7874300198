# The two commands of the README: `make run` and `make test`.
#
# Any CPython >= 3.11 works as PYTHON: pyproject's markers pick PySide6 6.11
# on 3.11 (6.12 aborts there with none_dealloc) and let 3.12+ take 6.12.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: run test test-fast lint bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	  || { echo "'$(PYTHON)' is missing or older than 3.11; try e.g. make PYTHON=python3.12" >&2; exit 1; }
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

## The whole suite: lint, the unit tests, then the real Secret Service tests
## in their own D-Bus session (tests/with_secret_service.sh; with CI=true a
## missing Secret Service fails the run instead of skipping).
test: $(TSTAMP)
	$(PY) -m ruff check rebuild_desktop tests
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not keyring and not slow"
	tests/with_secret_service.sh $(PY) -m pytest -m keyring

## Only the unit tests, without the Secret Service stage.
test-fast: $(TSTAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not keyring and not slow" -q

lint: $(TSTAMP)
	$(PY) -m ruff check rebuild_desktop tests

bench: $(TSTAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks

clean:
	rm -rf $(VENV)
