# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: install demo test lint unit eval bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: install
	$(BIN)/recoupe ingest --db $(DEMO_DB) examples/demo/corpus || [ $$? -eq 1 ]
	$(BIN)/recoupe articles --db $(DEMO_DB) --limit 100

test: lint unit

lint: install
	$(BIN)/ruff check src tests eval bench
	$(BIN)/mypy

unit: install
	$(BIN)/python -m pytest

eval: install
	for script in eval/*.py; do case $$script in */_*|*bench.py) ;; *) $(BIN)/python $$script || exit 1;; esac; done

bench: install
	for script in bench/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache .mypy_cache .ruff_cache
