# dialog: two commands on a fresh machine.
#   make run   creates .venv, installs, migrates, seeds the demo when empty, serves
#   make test  creates .venv, installs, runs the whole suite
#   make lint  ruff and mypy (make typecheck: mypy alone, strict, configured in pyproject.toml)

PYTHON ?= python3
VENV   ?= .venv
JOBS   ?= 2
HOST   ?= 127.0.0.1
PORT   ?= 5000
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: install run test test-postgres lint typecheck bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/dialog db upgrade
	$(BIN)/dialog demo --if-empty --port $(PORT)
	$(BIN)/dialog serve --host $(HOST) --port $(PORT)

# Two workers, one test module each at a time; the PostgreSQL run shares one database, so it
# stays serial.
test: install
	$(BIN)/pytest -n $(JOBS) --dist loadfile

test-postgres: install
	DIALOG_TEST_DATABASE_URL=$${DIALOG_TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} \
		$(BIN)/pytest -m "not browser"

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

# mypy reads [tool.mypy] in pyproject.toml: strict, over dialog/ and phases/.
typecheck: install
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/bench_analysis.py
	$(BIN)/python bench/bench_graph.py
	$(BIN)/python bench/bench_pipeline.py
	$(BIN)/python bench/bench_live.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
