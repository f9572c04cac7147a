#!/usr/bin/env bash
# Run one command against a throwaway PostgreSQL server on loopback:
#
#   scripts/with-postgres.sh .venv/bin/python -m pytest tests/ops
#
# - finds initdb/pg_ctl (PATH, then /usr/lib/postgresql/*/bin, newest first); when they are
#   missing and we are root with apt-get, installs Debian's `postgresql` package;
# - makes a new cluster in a temporary directory (initdb refuses root, so as root the server
#   runs as the `postgres` user, or `nobody`), trust authentication, C.UTF-8 collation,
#   listening on 127.0.0.1 only, on a free port, its socket in the temporary directory;
# - exports DATABASE_URL=postgres://postgres@127.0.0.1:PORT/randwijzer (and PGHOST, PGPORT,
#   PGUSER, RANDWIJZER_PG_CTL, RANDWIJZER_PG_DATA for tests that restart the server), runs
#   the command, and always stops the server and removes the directory (trap), even when
#   the command fails. The command's exit status is the script's.
#
# When PostgreSQL cannot be installed or started, the script says why and exits 1, so
# `make test` fails loudly. Set POSTGRES_OPTIONAL=1 to make that a printed skip (exit 0) on
# a machine where you cannot install it; CI never sets it.
#
# The cluster is for tests: fsync is off (it is thrown away afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$#" = 0 ]; then
    echo "usage: scripts/with-postgres.sh COMMAND [ARG…]" >&2
    exit 2
fi

say() { echo "with-postgres: $*" >&2; }

unavailable() {
    say "PostgreSQL NOT AVAILABLE: $*"
    if [ "${POSTGRES_OPTIONAL:-0}" = 1 ] && [ "${CI:-}" != true ]; then
        say "SKIPPED the PostgreSQL run (POSTGRES_OPTIONAL=1). The suite has NOT run on PostgreSQL."
        exit 0
    fi
    say "failing: the PostgreSQL run is part of the test suite (POSTGRES_OPTIONAL=1 skips it outside CI)."
    exit 1
}

find_bindir() {
    local dir
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"
        return 0
    fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

BINDIR="$(find_bindir || true)"
if [ -z "$BINDIR" ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
        unavailable "no initdb/pg_ctl found and no apt-get to install Debian's postgresql package."
    fi
    if [ "$(id -u)" != 0 ]; then
        unavailable "no initdb/pg_ctl found and not root: install it with 'sudo apt-get install postgresql'."
    fi
    say "installing Debian's postgresql (apt-get)…"
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql >/dev/null; }; then
        unavailable "apt-get could not install postgresql (see above)."
    fi
    BINDIR="$(find_bindir || true)"
    [ -n "$BINDIR" ] || unavailable "postgresql is installed but initdb/pg_ctl are not under /usr/lib/postgresql/*/bin."
fi

# initdb and postgres refuse to run as root: run them as an unprivileged user.
RUN_AS=()
if [ "$(id -u)" = 0 ]; then
    if id postgres >/dev/null 2>&1; then user=postgres; else user=nobody; fi
    if command -v runuser >/dev/null 2>&1; then RUN_AS=(runuser -u "$user" --); else RUN_AS=(su -s /bin/sh "$user" -c); fi
fi
as_server_user() {
    if [ "${#RUN_AS[@]}" = 0 ]; then "$@"
    elif [ "${RUN_AS[0]}" = runuser ]; then "${RUN_AS[@]}" "$@"
    else "${RUN_AS[@]}" "$(printf '%q ' "$@")"; fi
}

PGROOT="$(mktemp -d "${TMPDIR:-/tmp}/randwijzer-pg.XXXXXX")"
chmod 755 "$PGROOT"
[ -z "${user:-}" ] || chown "$user" "$PGROOT"
PGDATA_DIR="$PGROOT/data"
PGLOG="$PGROOT/server.log"

cleanup() {
    local status=$?
    if [ -f "$PGDATA_DIR/postmaster.pid" ]; then
        as_server_user "$BINDIR/pg_ctl" -D "$PGDATA_DIR" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PGROOT"
    say "server stopped, $PGROOT removed."
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PYTHON_FOR_PORT="$(command -v python3 || command -v python)"
PORT="$("$PYTHON_FOR_PORT" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

if ! as_server_user "$BINDIR/initdb" -D "$PGDATA_DIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PGROOT/initdb.log" 2>&1; then
    cat "$PGROOT/initdb.log" >&2
    unavailable "initdb failed (see above)."
fi
OPTIONS="-c listen_addresses=127.0.0.1 -p $PORT -k $PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
echo "$OPTIONS" >"$PGROOT/options"
if ! as_server_user "$BINDIR/pg_ctl" -D "$PGDATA_DIR" -l "$PGLOG" -o "$OPTIONS" -w -t 60 start >/dev/null; then
    cat "$PGLOG" >&2 || true
    unavailable "the server did not start (log above)."
fi
"$BINDIR/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qAt -c "CREATE DATABASE randwijzer" >/dev/null
say "PostgreSQL $("$BINDIR/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (cluster in $PGROOT)."

export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/randwijzer"
export PGHOST=127.0.0.1 PGPORT="$PORT" PGUSER=postgres
# For the fault tests that restart the server: pg_ctl, the data directory, and how to run it.
export RANDWIJZER_PG_CTL="$BINDIR/pg_ctl" RANDWIJZER_PG_DATA="$PGDATA_DIR" RANDWIJZER_PG_LOG="$PGLOG"
export RANDWIJZER_PG_OPTIONS="$OPTIONS" RANDWIJZER_PG_USER="${user:-}"

set +e
"$@"
status=$?
set -e
exit "$status"
