# Huis van het Kind platform. `make demo` and `make test` are the two commands a newcomer needs.
PYTHON ?= python3.11
UV_VERSION := 0.13.9
PORT ?= 8000
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
HVHK := $(VENV)/bin/hvhk
DEV := HVHK_DEBUG=1

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: install demo serve test lint format check messages clean help vendor audit

help:
	@echo "make demo   install, migrate, load the demo networks and serve on http://127.0.0.1:$(PORT)"
	@echo "make test   lint, checks and the whole test suite on SQLite and PostgreSQL"
	@echo "make lint   ruff format --check, ruff check and the layers' import contracts (lint-imports)"
	@echo "make format ruff format and ruff check --fix"

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(VENV)/.installed: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.installed

# Links in the demo's e-mails point at the port it serves on (unless HVHK_BASE_URL is set); the worker runs beside
# the web server (scripts/demo-serve), and Ctrl-C stops both.
demo: export HVHK_BASE_URL ?= http://127.0.0.1:$(PORT)
demo: install
	$(DEV) $(HVHK) migrate --noinput
	$(DEV) $(HVHK) demo
	@echo "Serving the demo on http://127.0.0.1:$(PORT)/ (accounts and password in README.md; mails in var/mail)"
	$(DEV) PORT=$(PORT) scripts/demo-serve

serve: install
	$(DEV) $(HVHK) runserver 127.0.0.1:$(PORT)

lint: install
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/lint-imports --no-cache

format: install
	$(VENV)/bin/ruff format src tests bench
	$(VENV)/bin/ruff check --fix src tests bench

check: install
	$(DEV) $(HVHK) check --fail-level WARNING
	$(DEV) $(HVHK) makemigrations --check --dry-run --noinput

messages: install
	cd src/hvhk && $(DEV) ../../$(HVHK) makemessages --locale en --locale fr --locale tr --locale ar --no-obsolete --no-location
	cd src/hvhk && $(DEV) ../../$(HVHK) compilemessages

test: lint check
	scripts/run-tests

audit: install
	scripts/audit

clean:
	rm -rf $(VENV) $(TOOLS) var .pytest_cache .ruff_cache

# Front-end libraries come from npm (package.json, package-lock.json) and are committed under static/vendor,
# so neither a demo nor production needs npm or a CDN.
VENDOR := src/hvhk/core/static/vendor
vendor:
	npm ci --no-audit --no-fund --ignore-scripts
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/htmx $(VENDOR)/leaflet/images
	cp node_modules/htmx.org/dist/htmx.min.js node_modules/htmx.org/LICENSE $(VENDOR)/htmx/
	cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css node_modules/leaflet/LICENSE $(VENDOR)/leaflet/
	cp node_modules/leaflet/dist/images/*.png $(VENDOR)/leaflet/images/
	# no source maps are shipped, so their references go (collectstatic would fail on them)
	sed -i '/sourceMappingURL/d' $(VENDOR)/leaflet/leaflet.js $(VENDOR)/htmx/htmx.min.js
