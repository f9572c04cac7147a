# Two commands on a fresh machine: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export RANDWIJZER_DATA_DIR ?= $(CURDIR)/var

.PHONY: install setup run test serve clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(BIN)/.installed

setup: install
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
.PHONY: bench
bench: install
	$(BIN)/python bench/match_bench.py

# Building one Subsidieflash edition for 10,000 subscribers (docs/flash.md).
.PHONY: bench-flash
bench-flash: install
	$(BIN)/python bench/flash_bench.py

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
.PHONY: serve-prod
serve-prod: setup
	$(BIN)/randwijzer collectstatic --no-input -v 0
	DJANGO_DEBUG=0 LOG_FORMAT=json STATIC_COLLECTED=1 HOST=$(HOST) PORT=$(PORT) WORKERS=$(WORKERS) \
		$(BIN)/gunicorn -c python:randwijzer.ops.gunicorn_conf

# Load test: gunicorn + a throwaway PostgreSQL on loopback, CLIENTS (100) clients for
# DURATION (60) seconds; writes docs/load.md. See bench/load.py.
.PHONY: load
load: install
	bash scripts/with-postgres.sh $(BIN)/python bench/load.py --write docs/load.md

# The cache tests once more against a real, throwaway Redis server (CACHE_URL): scripts/with-redis.sh
# installs Debian's redis-server when missing (as root), or prints why it skips. `make run` never uses Redis.
CACHE_TESTS := tests/catalogue/test_page_cache.py tests/catalogue/test_version.py tests/matching/test_memo.py tests/ops/test_cache_setting.py
.PHONY: test-redis
test-redis: install
	bash scripts/with-redis.sh $(BIN)/python -m pytest -p no:cacheprovider $(CACHE_TESTS)
