# Two commands on a fresh machine: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export RANDWIJZER_DATA_DIR ?= $(CURDIR)/var

.PHONY: install install-site setup run test serve clean

# Two stamps: what the site needs (make run) and, on top, the test tools (make test). A `make test`
# after `make run` still installs the test extras; `make run` never does.
$(BIN)/.installed-site: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(BIN)/.installed-test: $(BIN)/.installed-site
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install-site: $(BIN)/.installed-site

install: $(BIN)/.installed-test

setup: install-site
	$(BIN)/randwijzer migrate --no-input -v 0
	$(BIN)/randwijzer load

run: setup
	$(BIN)/randwijzer serve --host $(HOST) --port $(PORT)

test: install browser
	$(BIN)/python -m pytest
	$(MAKE) --no-print-directory test-postgres
	$(MAKE) --no-print-directory test-redis

# What the browser and accessibility tests need: Debian's chromium (apt-get, when missing) and
# axe-core from npm in .cache/npm. Never fails: without them those tests skip and say why.
.PHONY: browser
browser:
	bash scripts/install-browser.sh

# Matcher evaluation beside a BM25 baseline (docs/matching.md).
.PHONY: eval
eval: setup
	$(BIN)/randwijzer evaluate

# Match latency and memory on synthetic 1k/10k/100k catalogues beside SQLite FTS5; writes docs/benchmark.md.
# BENCH_JOBS (1): sizes measured side by side (each in its own process; latencies then share the CPU).
BENCH_JOBS ?= 1
.PHONY: bench
bench: install
	$(BIN)/python bench/match_bench.py --jobs $(BENCH_JOBS)

# Building one Subsidieflash edition for 10,000 subscribers (docs/flash.md).
.PHONY: bench-flash
bench-flash: install
	$(BIN)/python bench/flash_bench.py

# An IPDC import of a synthetic LDES feed of PRODUCTS (5,000) products: first import, re-sync, memory (docs/feeds.md).
PRODUCTS ?= 5000
.PHONY: bench-import
bench-import: install
	$(BIN)/python bench/import_bench.py --products $(PRODUCTS)

clean:
	rm -rf $(VENV) var

# The suite on each database alone (make test runs both). test-postgres installs Debian's
# postgresql when it is missing (as root), starts a throwaway cluster on 127.0.0.1 and removes
# it afterwards (scripts/with-postgres.sh); the browser tests in tests/e2e run their own
# SQLite server and run once, in test-sqlite.
.PHONY: test-sqlite test-postgres
test-sqlite: install browser
	DATABASE_URL= $(BIN)/python -m pytest

test-postgres: install
	bash scripts/with-postgres.sh $(BIN)/python -m pytest --ignore=tests/e2e

# Production serving: migrate, load, collect the static files, then gunicorn with WORKERS
# workers (3) on HOST:PORT, DEBUG off, JSON logs with request ids. See docs/deployment.md.
WORKERS ?= 3
# gunicorn keeps database connections (docs/deployment.md, docs/load.md: one per request costs more than a cached page).
DB_CONN_MAX_AGE ?= 60
.PHONY: serve-prod
serve-prod: setup
	$(BIN)/randwijzer collectstatic --no-input -v 0
	DJANGO_DEBUG=0 LOG_FORMAT=json STATIC_COLLECTED=1 HOST=$(HOST) PORT=$(PORT) WORKERS=$(WORKERS) DB_CONN_MAX_AGE=$(DB_CONN_MAX_AGE) \
		$(BIN)/gunicorn -c python:randwijzer.ops.gunicorn_conf

# Capacity benchmark: gunicorn + a throwaway PostgreSQL on loopback, open-loop arrivals at
# RATES (5,10,25,50,100,200,400 req/s), DURATION (10) seconds per rate for /healthz and for the
# page mix; writes docs/load.md. See bench/load.py. `make load-redis`: the same with one shared
# Redis cache (scripts/with-redis.sh), into its own section of docs/load.md.
RATES ?= 5,10,25,50,100,200,400
DURATION ?= 10
LOAD = $(BIN)/python bench/load.py --rates $(RATES) --duration $(DURATION) --workers $(WORKERS) --write docs/load.md
.PHONY: load load-redis
load: install
	bash scripts/with-postgres.sh $(LOAD)
load-redis: install
	bash scripts/with-redis.sh bash scripts/with-postgres.sh $(LOAD) --section load-redis

# The cache tests once more against a real, throwaway Redis server (CACHE_URL): scripts/with-redis.sh
# installs Debian's redis-server when missing (as root), or prints why it skips. `make run` never uses Redis.
CACHE_TESTS := tests/catalogue/test_page_cache.py tests/catalogue/test_version.py tests/matching/test_memo.py tests/ops/test_cache_setting.py
.PHONY: test-redis
test-redis: install
	bash scripts/with-redis.sh $(BIN)/python -m pytest -p no:cacheprovider $(CACHE_TESTS)
