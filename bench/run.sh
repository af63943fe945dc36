#!/usr/bin/env bash
# Runs the benchmarks of docs/benchmarks.md on a Release build and prints their figures.
#   bash bench/run.sh              the demo, traces, coverage and the occasion overview on SQLite
#                                  and PostgreSQL
#   bash bench/run.sh --national   and 290 municipalities: generate, check, copy both ways, and
#                                  every municipality's occasion overview
# PostgreSQL is a throwaway local server with its durable defaults (scripts/test-postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTYR_TESTS=OFF >/dev/null
ninja -C build-bench styr bench_chain bench_follow_up >/dev/null

work=$(mktemp -d)
source scripts/test-postgres.sh
STYR_POSTGRES_DURABLE=1 styr_postgres_start >/dev/null
trap 'styr_postgres_stop; rm -rf "$work"' EXIT
postgres="$STYR_TEST_POSTGRES_URL"
run() { /usr/bin/time -f "  %e s elapsed, %M KB max resident" "$@"; }
schema() {  # a fresh, empty schema on the server, as a database URL
  psql -q "$postgres" -c "DROP SCHEMA IF EXISTS $1 CASCADE; CREATE SCHEMA $1" 2>/dev/null
  echo "$postgres?options=-csearch_path%3D$1"
}

echo "== styr demo into a new SQLite file, 5 runs"
for attempt in 1 2 3 4 5; do
  rm -f "$work"/demo.db*
  run build-bench/styr demo --db "$work/demo.db" >/dev/null
done
echo "== styr demo into a new PostgreSQL schema, 3 runs"
for attempt in 1 2 3; do
  run build-bench/styr demo --db "$(schema demo)" >/dev/null
done

echo "== traces and coverage on the demo, both backends (Google Benchmark)"
STYR_BENCH_POSTGRES_URL="$(schema bench)" build-bench/bench/bench_chain --benchmark_min_time=1

echo "== the occasion overview with its roll-up, and the same roll-up as recursive SQL (Google Benchmark)"
STYR_BENCH_POSTGRES_URL="$(schema followup)" build-bench/bench/bench_follow_up \
  --benchmark_min_time=1

if [[ "${1:-}" == "--national" ]]; then
  echo "== styr generate --municipalities 290 into SQLite"
  run build-bench/styr generate --municipalities 290 --seed 1 --db "$work/national.db" 2>/dev/null
  echo "  database size: $(du -h "$work/national.db" | cut -f1) ($(stat -c %s "$work/national.db") bytes)"
  echo "== styr check --all on SQLite (rules and coverage of every municipality)"
  build-bench/styr check --all --db "$work/national.db" | tail -n 1
  echo "== styr generate --municipalities 290 into PostgreSQL"
  run build-bench/styr generate --municipalities 290 --seed 1 --db "$(schema national)" 2>/dev/null
  echo "== styr check --all on PostgreSQL"
  build-bench/styr check --all --db "$postgres?options=-csearch_path%3Dnational" | tail -n 1
  echo "== styr copy: the 290 municipalities SQLite -> PostgreSQL -> SQLite (each verified)"
  run build-bench/styr copy --from "$work/national.db" --to "$(schema copied)" | tail -n 1
  run build-bench/styr copy --from "$postgres?options=-csearch_path%3Dcopied" \
    --to "$work/back.db" | tail -n 1
  echo "== every municipality's occasion overview, and the recursive SQL over all of them"
  STYR_BENCH_NATIONAL_DB="$work/national.db" \
    STYR_BENCH_NATIONAL_POSTGRES_URL="$postgres?options=-csearch_path%3Dnational" \
    run build-bench/bench/bench_follow_up --benchmark_filter='^national/'
fi
