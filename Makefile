# 协同守护 · Protecting Together — `make serve` to preview, `make test` to test. See README.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: help setup serve test check build pack schemas verify bench clean

help:
	@echo "make serve   build and preview at http://127.0.0.1:8000 with live reload"
	@echo "make test    run the whole test suite"
	@echo "make check   content checks only (kb check)"
	@echo "make build   check, generate and build the site into site/"
	@echo "make pack    the offline training pack: dist/protecting-together-pack.zip"
	@echo "make bench   measure build time and size at 100, 1,000 and 5,000 cases (slow; not a test)"
	@echo "make schemas write the JSON Schemas of the front matter to schemas/"
	@echo "make verify  check provision cards against ../shared/reference/laws"
	@echo "make clean   remove site/ and caches (keeps .venv/)"

# The virtual environment, from the lock file (re-made when the lock file changes).
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "python3 >= 3.11 is required")'
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Third-party browser code (axe-core, iframe-worker) from the npm lock file.
NODE_STAMP := node_modules/.installed-$(shell cat package-lock.json | cksum | cut -d' ' -f1)
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(STAMP) $(NODE_STAMP)

serve: $(STAMP) $(NODE_STAMP)
	$(BIN)/kb serve

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/kb check

build: $(STAMP) $(NODE_STAMP)
	$(BIN)/kb build

pack: $(STAMP) $(NODE_STAMP)
	$(BIN)/kb pack

bench: $(STAMP) $(NODE_STAMP)
	$(BIN)/kb bench

schemas: $(STAMP)
	$(BIN)/kb schemas

verify: $(STAMP)
	$(BIN)/kb verify-citations --texts ../shared/reference/laws

clean:
	rm -rf site site.old site-offline dist .kb-build-* .pytest_cache
