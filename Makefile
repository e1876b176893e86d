# One entry point for people and CI. `make book` builds the HTML; `make test` runs every test.
# Both create .venv and install the pinned toolchain on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
JB_FLAGS := -W -n --keep-going
PYTEST_WORKERS ?= 2

.PHONY: help setup book serve test test-fast execute readme bench clean

help:
	@echo "make book    build the book into _build/html (strict: any warning fails)"
	@echo "make test    run every test: helpers, data, notebooks (nbval), built site in Chromium"
	@echo "make serve   serve _build/html on http://127.0.0.1:8000"
	@echo "make execute re-execute all notebooks in place (commit the result)"
	@echo "make readme  regenerate the generated parts of README.md and data/README.md"
	@echo "make bench   measure build, test and page weight; print and write bench/results.json"

$(STAMP): requirements.txt constraints.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $@

setup: $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build . --builder html $(JB_FLAGS)
	@echo "The book is at file://$(CURDIR)/_build/html/index.html (or run: make serve)"

serve: $(STAMP)
	@test -f _build/html/index.html || $(MAKE) book
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory _build/html

# Unit, data and browser tests plus strict nbval over every notebook, on both cores.
# The browser tests use the built book: `make test` builds it first (fast when nothing changed).
test: book
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadscope \
	  --nbval --nbval-current-env --nbval-sanitize-with tests/sanitize.cfg \
	  -p no:cacheprovider tests chapters

execute: $(STAMP)
	$(BIN)/python -m helpers.execute chapters

readme: $(STAMP)
	$(BIN)/python -m helpers.readme

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf _build chapters/*/_generated
