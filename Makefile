# The front door: `make help` lists what you can do.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PYBABEL := $(VENV)/bin/pybabel
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve build check test lint catalogs extract update-catalogs new-catalog clean \
  status new-language translated review po from-po publish-language handouts lock benchmark

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

# The virtual environment, rebuilt whenever a requirements file or the package's metadata
# changes: the pinned requirements, then our own package (scripts/resource_site), editable.
$(VENV)/.site-installed: requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

$(VENV)/.dev-installed: $(VENV)/.site-installed requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

# CODE, not LANGUAGE: gettext reads LANGUAGE, and many desktops set it (LANGUAGE=en_US:en).
serve: $(VENV)/.site-installed ## Preview at http://127.0.0.1:8000 (CODE=so: open a language, on the site yet or not)
	$(PY) -m resource_site serve --dev-addr 127.0.0.1:8000 $(if $(CODE),--language "$(CODE)")

# HANDOUTS=1 prints each language's handout to PDF (needs chromium), OFFLINE=1 adds the
# offline archive, SITE_URL=… builds for another address than mkdocs.yml's site_url.
BUILD_OPTIONS = $(if $(HANDOUTS),--handouts) $(if $(OFFLINE),--offline) $(if $(SITE_URL),--site-url "$(SITE_URL)")

build: $(VENV)/.site-installed $(if $(HANDOUTS),$(VENV)/.dev-installed) ## Check everything, then write the site to site/
	$(PY) -m resource_site build $(BUILD_OPTIONS)

check: $(VENV)/.site-installed $(if $(HANDOUTS),$(VENV)/.dev-installed) ## Run every check (EXTERNAL=1 adds outside links)
	$(PY) -m resource_site check $(if $(EXTERNAL),--external) $(BUILD_OPTIONS)

handouts: ## Build with the printable PDF handouts (and OFFLINE=1 for the archive)
	$(MAKE) build HANDOUTS=1

test: $(VENV)/.dev-installed ## Run lint and the whole test suite (browser tests need chromium)
	$(VENV)/bin/ruff check scripts tests
	$(VENV)/bin/ruff format --check scripts tests
	$(PY) -m pytest

lint: $(VENV)/.dev-installed ## Lint and format-check the Python code
	$(VENV)/bin/ruff check scripts tests
	$(VENV)/bin/ruff format --check scripts tests

catalogs: $(VENV)/.site-installed ## Check the interface-string catalogs and compile them (.mo)
	$(PY) -m resource_site catalogs

extract: $(VENV)/.site-installed ## Collect interface strings from overrides/ into locales/messages.pot
	$(PYBABEL) -q extract -F babel.cfg -k gettext --add-comments=Translators: \
	  --no-location --sort-output --project "School and Medical Therapy" --version 1 \
	  -o locales/messages.pot .

update-catalogs: extract ## Add new strings from messages.pot to every language's catalog
	$(PYBABEL) -q update -i locales/messages.pot -d locales -D messages --no-fuzzy-matching

new-catalog: $(VENV)/.site-installed ## Start a catalog for a language: make new-catalog CODE=so
	@test -n "$(CODE)" || { echo "Give the language: make new-catalog CODE=so"; exit 2; }
	$(PYBABEL) -q init -i locales/messages.pot -d locales -D messages -l $(CODE)

status: $(VENV)/.site-installed ## Each language's translation status (FORMAT=json, DIFF=1 for English diffs)
	$(PY) -m resource_site status $(if $(FORMAT),--format $(FORMAT)) $(if $(DIFF),--diff)

new-language: $(VENV)/.site-installed ## Add a language: make new-language CODE=so [NAME=Soomaali DIR=ltr SITE_NAME="…"]
	@test -n "$(CODE)" || { echo "Give the language: make new-language CODE=so"; exit 2; }
	$(PY) -m resource_site new-language "$(CODE)" $(if $(NAME),--name "$(NAME)") $(if $(DIR),--dir "$(DIR)") \
	  $(if $(SITE_NAME),--site-name "$(SITE_NAME)")

translated: $(VENV)/.site-installed ## Record that pages match today's English: make translated CODE=es [PAGES=index.md]
	@test -n "$(CODE)" || { echo "Give the language: make translated CODE=es"; exit 2; }
	$(PY) -m resource_site translated "$(CODE)" $(PAGES)

review: $(VENV)/.site-installed ## Record a fluent review: make review CODE=es REVIEWER="Ana Pérez" [PAGES=index.md]
	@test -n "$(CODE)" -a -n "$(REVIEWER)" || { echo 'Give both: make review CODE=es REVIEWER="Name"'; exit 2; }
	$(PY) -m resource_site review "$(CODE)" $(PAGES) --by "$(REVIEWER)"

po: $(VENV)/.site-installed ## A PO file per page for a CAT tool: make po CODE=so [PAGES=index.md]
	@test -n "$(CODE)" || { echo "Give the language: make po CODE=so"; exit 2; }
	$(PY) -m resource_site po "$(CODE)" $(PAGES)

from-po: $(VENV)/.site-installed ## Write the pages back from their PO files: make from-po CODE=so [PAGES=…]
	@test -n "$(CODE)" || { echo "Give the language: make from-po CODE=so"; exit 2; }
	$(PY) -m resource_site from-po "$(CODE)" $(PAGES)

publish-language: $(VENV)/.site-installed ## Put a complete language on the site: make publish-language CODE=so
	@test -n "$(CODE)" || { echo "Give the language: make publish-language CODE=so"; exit 2; }
	$(PY) -m resource_site publish-language "$(CODE)"

benchmark: $(VENV)/.dev-installed ## Measure build speed and Lighthouse scores into BENCHMARKS.md
	PYTHONPATH=scripts $(PY) -m benchmarks --lighthouse --output BENCHMARKS.md

lock: ## Re-pin requirements*.txt (with hashes) from requirements*.in
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet pip-tools==7.6.2
	.venv-lock/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links --no-emit-trusted-host -o requirements.txt requirements.in
	.venv-lock/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links --no-emit-trusted-host -o requirements-dev.txt requirements-dev.in

clean: ## Remove build output (the site, reports, compiled catalogs)
	rm -rf site .site-run-* build
	find locales -name '*.mo' -delete
