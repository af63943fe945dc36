#!/usr/bin/env bash
# The deadline-day storm (issue 5), on the demo, on SQLite and on PostgreSQL:
#   bash bench/storm.sh
# Builds a Release `styr` and bench_storm (build-bench/). For each backend: a fresh demo
# (`styr demo`), accounts for the storm's users (`bench_storm prepare`: the writers of every
# report-back to the annual report 2025-AR, the heads who approve them, and the staff of those
# units, 500 in all), `styr serve --demo` on it (the demo's date, default threads), and
# `bench_storm run`: every user signs in, then for 60 s saves, submits, approves and reads
# through the API, each on their own keep-alive connection; afterwards every report-back is
# read back and compared with what the server acknowledged. Prints the latency percentiles
# per kind of request, the errors and the lost writes (a measurement, not a test: the exit
# code is bench_storm's, 1 on errors or lost writes).
# Environment: STYR_STORM_USERS (500), STYR_STORM_SECONDS (60), STYR_STORM_THINK_MS (1000, a
# user's mean wait between two requests), STYR_STORM_BACKENDS ("sqlite postgres"),
# STYR_STORM_THREADS (styr serve's --threads; its default when unset).
set -euo pipefail
cd "$(dirname "$0")/.."

users="${STYR_STORM_USERS:-500}"
seconds="${STYR_STORM_SECONDS:-60}"
think_ms="${STYR_STORM_THINK_MS:-1000}"
backends="${STYR_STORM_BACKENDS:-sqlite postgres}"
threads=()
if [[ -n "${STYR_STORM_THREADS:-}" ]]; then threads=(--threads "$STYR_STORM_THREADS"); fi

bash scripts/setup.sh
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTYR_TESTS=OFF >/dev/null
if ! built=$(ninja -C build-bench styr bench_storm 2>&1); then
  grep -v '^\[' <<<"$built" | head -n 40 >&2
  echo "the Release build failed" >&2
  exit 1
fi
# One connection a user, in bench_storm and in styr.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

work=$(mktemp -d)
styr_pid=""
postgres_started=0
source scripts/test-postgres.sh
cleanup() {
  if [[ -n "$styr_pid" ]]; then
    kill -TERM "$styr_pid" 2>/dev/null || true
    wait "$styr_pid" 2>/dev/null || true
  fi
  if ((postgres_started)); then styr_postgres_stop; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

status=0
for backend in $backends; do
  case "$backend" in
    sqlite) db="$work/storm.db" ;;
    postgres)
      if ((!postgres_started)); then
        STYR_POSTGRES_DURABLE=1 styr_postgres_start >/dev/null
        postgres_started=1
      fi
      db="$STYR_TEST_POSTGRES_URL"
      ;;
    *) echo "unknown backend $backend" >&2; exit 2 ;;
  esac
  echo "== $backend: the demo, and accounts for $users users"
  build-bench/styr demo --db "$db" >/dev/null
  build-bench/bench/bench_storm prepare --db "$db" --plan "$work/plan.json" --users "$users"

  build-bench/styr serve --db "$db" --demo --port 0 "${threads[@]}" >"$work/styr.out" \
    2>"$work/styr.err" &
  styr_pid=$!
  port=""
  for _ in $(seq 1 300); do
    port=$(sed -n 's|^Styr is serving http://[^:]*:\([0-9]*\)/.*|\1|p' "$work/styr.out")
    [[ -n "$port" ]] && break
    if ! kill -0 "$styr_pid" 2>/dev/null; then
      cat "$work/styr.out" "$work/styr.err" >&2
      exit 1
    fi
    sleep 0.1
  done
  [[ -n "$port" ]] || { echo "styr serve printed no port" >&2; exit 1; }

  echo "== $backend: the storm, $seconds s (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  /usr/bin/time -f "  bench_storm: %e s elapsed, %U s user, %S s system" \
    build-bench/bench/bench_storm run --url "http://127.0.0.1:$port" --plan "$work/plan.json" \
    --seconds "$seconds" --think-ms "$think_ms" || status=$?
  echo "  load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  peak=$(sed -n 's/^VmHWM:\s*//p' "/proc/$styr_pid/status")
  echo "  styr serve: peak resident $peak"
  kill -TERM "$styr_pid"
  wait "$styr_pid" 2>/dev/null || true
  styr_pid=""
  # The PostgreSQL demo is written again into a fresh database next time.
  if [[ "$backend" == postgres ]]; then
    PGOPTIONS="-c client_min_messages=warning" psql -q "$db" \
      -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public" >/dev/null
  fi
done
exit "$status"
