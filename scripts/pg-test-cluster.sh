#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for tests (fsync off, its own port, under /tmp) and prints its URL.
# Usage: eval "$(scripts/pg-test-cluster.sh start)"   → exports CSPI_TEST_PG_URL
#        scripts/pg-test-cluster.sh stop
set -euo pipefail
PGPORT="${CSPI_TEST_PG_PORT:-55432}"
PGDIR="${CSPI_TEST_PG_DIR:-/tmp/cspi-pg-test}"
bindir() {
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  dirname "$(command -v initdb)"
}
BIN="$(bindir)"
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
case "${1:-start}" in
  start)
    if ! as_pg "$BIN/pg_ctl -D $PGDIR status" >/dev/null 2>&1; then
      rm -rf "$PGDIR"; mkdir -p "$PGDIR"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDIR"
      as_pg "$BIN/initdb -D $PGDIR -U postgres -A trust --no-sync" >/dev/null
      as_pg "$BIN/pg_ctl -D $PGDIR -l $PGDIR/log -w -o '-p $PGPORT -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c listen_addresses=127.0.0.1 -c max_connections=200' start" >/dev/null
    fi
    echo "export CSPI_TEST_PG_URL=postgres://postgres@127.0.0.1:$PGPORT/postgres"
    ;;
  stop)
    as_pg "$BIN/pg_ctl -D $PGDIR -m fast stop" >/dev/null 2>&1 || true
    ;;
esac
