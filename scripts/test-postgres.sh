#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: a new cluster in a temporary folder, on
# loopback only, on a free port, without durability (the data is thrown away). With
# STYR_POSTGRES_DURABLE=1 (the benchmarks) it keeps PostgreSQL's durable defaults.
#   source scripts/test-postgres.sh && styr_postgres_start   # exports STYR_TEST_POSTGRES_URL
#   styr_postgres_stop
# Runs as the `postgres` user, since PostgreSQL refuses to run as root.

styr_postgres_start() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  STYR_POSTGRES_DIR=$(mktemp -d /tmp/styr-postgres.XXXXXX)
  chown postgres "$STYR_POSTGRES_DIR"
  runuser -u postgres -- "$bin/initdb" -D "$STYR_POSTGRES_DIR/data" -A trust -E UTF8 \
    --locale=C.UTF-8 >"$STYR_POSTGRES_DIR/initdb.log" 2>&1 ||
    { cat "$STYR_POSTGRES_DIR/initdb.log"; return 1; }
  local port attempt speed=""
  if [[ "${STYR_POSTGRES_DURABLE:-0}" != 1 ]]; then
    speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 30000))
    # A port that answers is taken; try another.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    if runuser -u postgres -- "$bin/pg_ctl" -D "$STYR_POSTGRES_DIR/data" -w -t 30 \
      -l "$STYR_POSTGRES_DIR/server.log" \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $STYR_POSTGRES_DIR $speed \
          -c max_connections=200" \
      start >/dev/null; then
      export STYR_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port/postgres"
      export STYR_POSTGRES_DIR STYR_POSTGRES_BIN="$bin"
      echo "PostgreSQL for tests: $STYR_TEST_POSTGRES_URL"
      return 0
    fi
  done
  cat "$STYR_POSTGRES_DIR/server.log"
  return 1
}

styr_postgres_stop() {
  if [[ -n "${STYR_POSTGRES_DIR:-}" && -d "$STYR_POSTGRES_DIR/data" ]]; then
    runuser -u postgres -- "$STYR_POSTGRES_BIN/pg_ctl" -D "$STYR_POSTGRES_DIR/data" \
      -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$STYR_POSTGRES_DIR"
  fi
}
