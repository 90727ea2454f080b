# Two commands do everything on a fresh machine with Python 3.11+, make and Node/npm:
#   make run    set up, migrate, load the demo data, and serve with a Celery worker and beat
#   make test   set up, lint, and run the whole test suite
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
UV := $(or $(shell command -v uv 2>/dev/null),.tools/bin/uv)

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_LINK_MODE := copy

.PHONY: setup run test bench lint format assets clean

setup: $(VENV)/.synced var/build/.built

# uv comes from PyPI when the machine has none.
.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv

$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --omit=optional --loglevel=error
	@touch $@

var/build/.built: node_modules/.package-lock.json $(wildcard static/scss/*.scss)
	npm run --silent build
	@touch $@

assets: var/build/.built

# Embedded defaults: DEBUG on, SQLite and the Celery broker under var/, e-mail to the console.
run: setup
	@DEBUG=$${DEBUG:-true} PORT=$(PORT) $(PY) -m config.devserver

test: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/bandit -c pyproject.toml -r . --severity-level medium --confidence-level low -q
	$(VENV)/bin/pytest

# Speed at scale on PostgreSQL (README, "Performance"): BENCH_DATABASE_URL (default
# postgres://postgres@127.0.0.1:5432/opcc_bench, created if missing), seeded with AREAS areas
# unless it holds them already (BENCH_RESEED=1 seeds again). Results in var/bench/.
AREAS ?= 43
bench: setup
	$(PY) -m bench.run --areas $(AREAS)

# Mixed roles with locust for 60 s at 20 users against the demo data; fails on any failed request.
.PHONY: load
load: setup
	$(PY) -m bench.load

lint:
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) .tools node_modules var
