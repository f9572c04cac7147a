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
