#!/usr/bin/env bash
# Run one command with CACHE_URL pointing at a throwaway Redis server on loopback:
#
#   scripts/with-redis.sh .venv/bin/python -m pytest tests/catalogue/test_page_cache.py
#
# - finds redis-server on PATH; when it is missing and we are root with apt-get, installs
#   Debian's `redis-server` package (as scripts/with-postgres.sh does for PostgreSQL);
# - starts it on 127.0.0.1 on a free port, without persistence, in a temporary directory;
# - exports CACHE_URL=redis://127.0.0.1:PORT/0, runs the command, and always stops the server
#   and removes the directory afterwards. The command's exit status is the script's.
#
# When Redis cannot be installed or started, the script prints why and exits 0 without running
# the command: the shared-cache run is then SKIPPED (the suite has run on the local-memory cache).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$#" = 0 ]; then
    echo "usage: scripts/with-redis.sh COMMAND [ARG…]" >&2
    exit 2
fi

say() { echo "with-redis: $*" >&2; }
skip() {
    say "Redis NOT AVAILABLE: $*"
    say "SKIPPED the run with the shared Redis cache (CACHE_URL); the tests ran on the local-memory cache only."
    exit 0
}

if ! command -v redis-server >/dev/null 2>&1; then
    command -v apt-get >/dev/null 2>&1 || skip "no redis-server found and no apt-get to install Debian's redis-server."
    [ "$(id -u)" = 0 ] || skip "no redis-server found and not root: install it with 'sudo apt-get install redis-server'."
    say "installing Debian's redis-server (apt-get)…"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends redis-server >/dev/null; } \
        || skip "apt-get could not install redis-server (see above)."
    command -v redis-server >/dev/null 2>&1 || skip "redis-server is installed but not on PATH."
fi

ROOT="$(mktemp -d "${TMPDIR:-/tmp}/randwijzer-redis.XXXXXX")"
PYTHON_FOR_PORT="$(command -v python3 || command -v python)"
PORT="$("$PYTHON_FOR_PORT" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
PID=""

cleanup() {
    local status=$?
    if [ -n "$PID" ]; then
        kill "$PID" 2>/dev/null || true
        wait "$PID" 2>/dev/null || true
    fi
    rm -rf "$ROOT"
    say "server stopped, $ROOT removed."
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

redis-server --bind 127.0.0.1 --port "$PORT" --dir "$ROOT" --save "" --appendonly no --protected-mode yes \
    --daemonize no --logfile "$ROOT/server.log" &
PID=$!
for _ in $(seq 50); do
    if "$PYTHON_FOR_PORT" -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 0.2)" 2>/dev/null; then
        break
    fi
    kill -0 "$PID" 2>/dev/null || { cat "$ROOT/server.log" >&2 || true; PID=""; skip "the server did not start (log above)."; }
    sleep 0.1
done
"$PYTHON_FOR_PORT" -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 0.5)" 2>/dev/null \
    || skip "the server did not answer on 127.0.0.1:$PORT."
say "Redis $(redis-server --version | awk '{print $3}' | sed 's/v=//') on 127.0.0.1:$PORT."

export CACHE_URL="redis://127.0.0.1:$PORT/0"
set +e
"$@"
status=$?
set -e
exit "$status"
