# dialog: two commands on a fresh machine.
#   make run   creates .venv, installs what running needs, migrates, seeds the demo when
#              empty, serves (HOST=0.0.0.0: phones on the same network can join)
#   make test  creates .venv, installs what testing needs too, runs the suite but the
#              fault tests (make test-faults)
#   make lint  ruff and mypy (make typecheck: mypy alone, strict, configured in pyproject.toml)

PYTHON ?= python3
VENV   ?= .venv
JOBS   ?= 2
HOST   ?= 127.0.0.1
PORT   ?= 5000
BIN     = $(VENV)/bin
# Two stamps: running needs the package, testing also needs its [dev] extras.
STAMP_RUN = $(VENV)/.installed-run
STAMP_DEV = $(VENV)/.installed-dev

.PHONY: install install-dev run test test-faults test-postgres lint typecheck bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP_RUN)

$(STAMP_DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP_DEV) $(STAMP_RUN)

install: $(STAMP_RUN)

install-dev: $(STAMP_DEV)

run: install
	$(BIN)/dialog db upgrade
	$(BIN)/dialog demo --if-empty --host $(HOST) --port $(PORT)
	$(BIN)/dialog serve --host $(HOST) --port $(PORT)

# Two workers, one test module each at a time; the PostgreSQL run shares one database, so it
# stays serial.
# The fault tests (marked `faults`: a room of 300 phones while `dialog serve` is killed five
# times, and whatever else kills a part on purpose) load the machine on their own, so
# `make test` leaves them out and `make test-faults` runs them alone, one at a time; a fault
# test whose services (PostgreSQL, Redis) are absent skips itself. CI runs both.
test: install-dev
	$(BIN)/pytest -n $(JOBS) --dist loadfile -m "not faults"

test-faults: install-dev
	$(BIN)/pytest -m faults

test-postgres: install-dev
	DIALOG_TEST_DATABASE_URL=$${DIALOG_TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} \
		$(BIN)/pytest -m "not browser and not faults"

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/mypy

# mypy reads [tool.mypy] in pyproject.toml: strict, over dialog/ and phases/.
typecheck: install-dev
	$(BIN)/mypy

bench: install-dev
	$(BIN)/python bench/bench_analysis.py
	$(BIN)/python bench/bench_graph.py
	$(BIN)/python bench/bench_pipeline.py
	$(BIN)/python bench/bench_live.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
