# One entry point for people and CI. `make book` builds the HTML; `make test` runs every test.
# Both create .venv and install the pinned toolchain on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA_STAMP := $(VENV)/.data-installed
JB_FLAGS := -W -n --keep-going
PYTEST_WORKERS ?= 2

.PHONY: help setup check-python check-data book serve test execute readme bench clean zh-pot zh-update book-zh check-zh pdf

help:
	@echo "make check-data  validate data/ and print every problem as file:line: column: problem"
	@echo "make book    build the book into _build/html (strict: any warning fails)"
	@echo "make test    run every test: helpers, data, notebooks (nbval), lint (ruff), built site in Chromium"
	@echo "make serve   serve _build/html on http://127.0.0.1:8000"
	@echo "make execute re-execute the stale notebooks in place (ALL=1: all of them); commit the result"
	@echo "make readme  regenerate the generated parts of README.md and data/README.md"
	@echo "make bench   measure build, test and page weight; print and write bench/results.json"
	@echo "             BEFORE=<commit>: that commit's build-and-test rows too, in the same run (before/after);"
	@echo "             then make readme regenerates the README's Performance table from it (commit both)"
	@echo "make zh-update  regenerate the message templates and update locales/zh_CN (commit the .po diff)"
	@echo "make book-zh    build the Chinese edition into _build/zh_CN/html (published under _build/html/zh_CN once released)"
	@echo "make check-zh   check the Chinese catalogs: fuzzy, untranslated, lost glue roles/links/placeholders, out of sync"
	@echo "make pdf     print each built edition as one PDF into its _downloads/ (make test does this too)"

# Refuse early, in one line, on a Python the pins were not made for.
check-python:
	@v=$$($(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null) || \
	  { echo "make: '$(PYTHON)' was not found; install Python 3.11 or run make PYTHON=/path/to/python3.11" >&2; exit 1; }; \
	[ "$$v" = 3.11 ] || { echo "make: this book needs Python 3.11 (the pinned toolchain is tested on it); '$(PYTHON)' is $$v. Run make PYTHON=python3.11" >&2; exit 1; }

$(STAMP): requirements.txt constraints.txt pyproject.toml | check-python
	@echo "setup: creating $(VENV) and installing the pinned toolchain (about 150 packages, ~850 MB;"
	@echo "setup: 1-2 minutes from a warm pip cache, longer on a slow network). This happens once."
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@[ "$$($(BIN)/python -c 'import sys; print("%d.%d" % sys.version_info[:2])')" = 3.11 ] || \
	  { echo "make: $(VENV) was made with another Python; delete it (rm -rf $(VENV)) and run make again" >&2; exit 1; }
	@echo "setup: [1/4] pip, setuptools and wheel at their pinned versions"
	@$(BIN)/python -m pip install --quiet --upgrade "pip==26.3" -c constraints.txt setuptools wheel
	@echo "setup: [2/4] the book's packages from requirements.txt, locked by constraints.txt (the long step)"
	@$(BIN)/python -m pip install --quiet --progress-bar off -r requirements.txt -c constraints.txt
	@echo "setup: [3/4] the book's own helpers (src/helpers), editable"
	@$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@echo "setup: [4/4] pip check"
	@$(BIN)/python -m pip check
	@touch $@ $(DATA_STAMP)
	@echo "setup: done"

setup: $(STAMP)

# What check-data needs, and no more: the venv with pandas at its pinned version (seconds, not the
# whole toolchain). The helpers are read from src/ (the full setup installs them).
$(DATA_STAMP): constraints.txt | check-python
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "setup: pandas for check-data (the rest of the toolchain installs when a target needs it)"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check pandas -c constraints.txt
	@touch $@

# Validate the data package before anything is built. $$SZIP_ROOT (if set) names another checkout.
check-data: $(DATA_STAMP)
	@PYTHONPATH=$(CURDIR)/src $(BIN)/python -m helpers.check_data

book: check-data $(STAMP)
	$(BIN)/jupyter-book build . --builder html $(JB_FLAGS)
	@if [ "$(ZH_RELEASED)" = True ]; then $(MAKE) --no-print-directory book-zh; fi
	@echo "The book is at file://$(CURDIR)/_build/html/index.html (or run: make serve)"

serve: $(STAMP)
	@test -f _build/html/index.html || $(MAKE) book
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory _build/html

# Strict nbval over the notebooks that are stale (all of them in a fresh clone, as in CI): it executes
# each once, compares its outputs with the committed ones and records it as fresh, so the build that
# follows executes nothing. A notebook already fresh was executed with the current inputs and its outputs
# written in place (see src/book_site/freshness.py): nbval would only run it again. NBVAL=all checks
# every notebook. Then the book (the browser tests use it), the Chinese edition once it is released (book-zh,
# check-zh: see book_i18n_released in _config.yml), each edition's PDF (make pdf), and every other test, on
# both cores (the browser tests and tests/test_pdf.py run over each built edition): whole modules
# to a worker, the longest first (the two browser modules, one per worker; see tests/conftest.py). The linter
# (ruff, config in pyproject.toml) runs first: it takes a second and fails before anything slow starts.
NBVAL ?= stale
NBVAL_FLAGS := --nbval --nbval-current-env --nbval-sanitize-with tests/sanitize.cfg -p book_site.pytest_freshness
test: check-data $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	@set -e; nbs=$$($(BIN)/python -m book_site stale $(if $(filter all,$(NBVAL)),--all)); \
	if [ -n "$$nbs" ]; then \
	  echo "nbval: $$(echo $$nbs | wc -w) notebooks to execute and compare with their committed outputs"; \
	  $(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadscope $(NBVAL_FLAGS) -p no:cacheprovider $$nbs; \
	else echo "nbval: every notebook is fresh (executed with the current inputs; NBVAL=all checks them anyway)"; fi
	$(BIN)/jupyter-book build . --builder html $(JB_FLAGS)
	@if [ "$(ZH_RELEASED)" = True ]; then $(MAKE) --no-print-directory book-zh check-zh; \
	else echo "test: the Chinese edition is not released (book_i18n_released in _config.yml): not built here"; fi
	$(MAKE) --no-print-directory pdf PDF_FLAGS=--skip-without-chromium
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadscope --no-loadscope-reorder -p no:cacheprovider tests

# The stale notebooks (ALL=1: every notebook), executed in place two at a time.
execute: $(STAMP)
	$(BIN)/python -m helpers.execute $(if $(ALL),--all)

readme: $(STAMP)
	$(BIN)/python -m helpers.readme

# On a quiet machine (timings of a busy one mean little). BEFORE=<commit> measures that commit's cold build,
# no-change, touch-only and one-value rebuilds and `make test` first, in the same run, each in a clone under
# /tmp; the README's Performance table (make readme) then shows before/after. BENCH_RUNS=3 (default) per row.
bench: $(STAMP)
	$(BIN)/python bench/run.py $(if $(BEFORE),--before $(BEFORE))

# The Chinese edition (issue 25). jupyter-book build takes no -D, so it is built with sphinx-build on the
# generated conf.py (git-ignored). Released editions are listed once, in _config.yml (book_i18n_released):
# until zh_CN is listed there, book-zh builds and tests it but does not copy it into the published site,
# and English pages do not link to it.
ZH_BUILD := _build/zh_CN
POT := _build/gettext/pot
ZH_RELEASED = $(shell $(BIN)/python -c "import yaml; print('zh_CN' in ((yaml.safe_load(open('_config.yml'))['sphinx']['config']).get('book_i18n_released') or []))")
conf.py: _config.yml $(STAMP)
	@$(BIN)/jupyter-book config sphinx . >/dev/null

zh-pot: conf.py
	$(BIN)/sphinx-build -q -b gettext -D nb_execution_mode=off -d _build/gettext/doctrees . $(POT)
	$(BIN)/pybabel extract -F babel.cfg --no-default-keywords -k zh -k zh_n:1,2 --add-comments=TRANSLATORS: \
	  --sort-by-file -o $(POT)/helpers.pot .

zh-update: zh-pot
	$(BIN)/sphinx-intl update -p $(POT) -l zh_CN -d locales -w 100 >/dev/null
	$(BIN)/python -m book_site.check_translations zh_CN --prune

book-zh: conf.py
	$(BIN)/sphinx-build -q $(JB_FLAGS) -b html -D language=zh_CN -D nb_execution_mode=off \
	  -d $(ZH_BUILD)/doctrees . $(ZH_BUILD)/html
	@if [ "$(ZH_RELEASED)" = True ]; then rm -rf _build/html/zh_CN && \
	  cp -a $(ZH_BUILD)/html _build/html/zh_CN && echo "book-zh: published at _build/html/zh_CN/"; \
	else echo "book-zh: built at file://$(CURDIR)/$(ZH_BUILD)/html/index.html (not released: not copied into _build/html)"; fi

# Each built edition as one PDF (src/book_site/pdf.py): English from _build/html, Chinese from its own build
# whenever there is one (make book-zh; the tests then check its pages and PDF too, released or not), copied
# into the published site with it once released. `make book` does
# not print them (about a minute per edition on 2 cores, for an edit-and-look loop that wants seconds);
# `make test` does, after its build, and tests them; so the published site has them.
PDF_EDITIONS ?= en $(if $(wildcard $(ZH_BUILD)/html/index.html),zh_CN)
pdf: $(STAMP)
	@test -f _build/html/index.html || { echo "make: no _build/html: run make book first" >&2; exit 1; }
	$(BIN)/python -m book_site.pdf $(PDF_FLAGS) $(PDF_EDITIONS)
	@if [ "$(ZH_RELEASED)" = True ] && [ -d _build/html/zh_CN ] && [[ "$(PDF_EDITIONS)" == *zh_CN* ]]; then mkdir -p _build/html/zh_CN/_downloads && \
	  cp $(ZH_BUILD)/html/_downloads/shenzhen-ip-2022.zh_CN.pdf _build/html/zh_CN/_downloads/; fi

check-zh: zh-pot
	$(BIN)/python -m book_site.check_translations zh_CN --pot $(POT)

clean:
	rm -rf _build chapters/_generated chapters/*/_generated
