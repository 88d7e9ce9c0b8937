# The two commands of the README:  `make book`  and  `make test`.
# Both set up .venv from the pinned lock file on first use (Python 3.11, nothing else needed).

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
UV_VERSION := 0.13.8
# Bytecode is compiled once, at install (--compile-bytecode), and Python may cache the bytecode
# of the book's own modules: a shell that sets PYTHONDONTWRITEBYTECODE=1 would otherwise make
# every kernel and build recompile them (about half of a cold build's CPU time).
unexport PYTHONDONTWRITEBYTECODE
export UV_COMPILE_BYTECODE := 1

.PHONY: book test venv lint pytest browser-deps bench lock clean help

help:
	@echo "make book   - set up .venv if needed, execute every notebook (papermill) and build _build/html"
	@echo "make test   - set up .venv if needed, run ruff and pytest (notebooks, strict build, browser)"
	@echo "make bench  - measure build times and page weights into _build/bench.json"
	@echo "make lock   - recompile requirements.lock and environment.yml from requirements.in"

$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip sync --compile-bytecode --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install --compile-bytecode --python $(BIN)/python --no-deps -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (digecon)" >/dev/null
	bash tools/assets.sh
	touch $(STAMP)

venv: $(STAMP)

book: $(STAMP)
	$(BIN)/python -m digecon_book.build

lint: $(STAMP)
	$(BIN)/ruff check src tests tools bench

browser-deps:
	@bash tools/browser-deps.sh

pytest: $(STAMP) browser-deps
	$(BIN)/python -m pytest -n 2 --dist loadfile -q -rs

test: $(STAMP) lint pytest

bench: $(STAMP) browser-deps
	$(BIN)/python bench/bench.py

lock:
	$(BIN)/uv pip compile requirements.in -o requirements.lock --python-version 3.11 --no-header
	$(BIN)/python tools/environment_yml.py > environment.yml

clean:
	rm -rf _build
