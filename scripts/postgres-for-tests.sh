#!/usr/bin/env bash
# Start a throwaway PostgreSQL on loopback for the test suite and print its SQLAlchemy URL.
# Installs Debian's postgresql when missing. Idempotent: reuses a running test server.
set -euo pipefail
PORT="${SHOPMAGE_TEST_PG_PORT:-55432}"
DIR="${SHOPMAGE_TEST_PG_DIR:-/tmp/shopmage-test-pg}"
URL="postgresql+psycopg://postgres@127.0.0.1:${PORT}/shopmage_test"

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ]; then
  (apt-get update -qq && apt-get install -y -qq postgresql >/dev/null) 1>&2
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

if ! "$bindir/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  if [ ! -f "$DIR/PG_VERSION" ]; then
    mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    as_pg "$bindir/initdb -D $DIR -U postgres --auth=trust >/dev/null"
  fi
  as_pg "$bindir/pg_ctl -D $DIR -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1' -l $DIR/log -w start >/dev/null"
fi
"$bindir/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname='shopmage_test'" | grep -q 1 \
  || "$bindir/createdb" -h 127.0.0.1 -p "$PORT" -U postgres shopmage_test
echo "$URL"
