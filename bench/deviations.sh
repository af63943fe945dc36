#!/usr/bin/env bash
# Deviations (issue 6), on a Release build (build-bench/):
#   bash bench/deviations.sh              reporting a gravity-4 deviation on the demo, SQLite and
#                                         PostgreSQL (200 reports each, read models warm)
#   bash bench/deviations.sh --national   and the time-limit sweep over 290 generated
#                                         municipalities in SQLite: 10 deviations each reported
#                                         over 10 days with the sweep every 5 minutes, then one
#                                         sweep after a day without any
# PostgreSQL is a throwaway local server with its durable defaults (scripts/test-postgres.sh).
# Prints the figures; a measurement, not a test. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTYR_TESTS=OFF >/dev/null
ninja -C build-bench styr bench_deviations >/dev/null

work=$(mktemp -d)
source scripts/test-postgres.sh
STYR_POSTGRES_DURABLE=1 styr_postgres_start >/dev/null
trap 'styr_postgres_stop; rm -rf "$work"' EXIT
postgres="$STYR_TEST_POSTGRES_URL"
schema() {  # a fresh, empty schema on the server, as a database URL
  psql -q "$postgres" -c "DROP SCHEMA IF EXISTS $1 CASCADE; CREATE SCHEMA $1" 2>/dev/null
  echo "$postgres?options=-csearch_path%3D$1"
}

echo "== report a gravity-4 deviation on the demo, SQLite"
build-bench/styr demo --db "$work/demo.db" >/dev/null
build-bench/bench/bench_deviations report --db "$work/demo.db" --count 200
echo "== report a gravity-4 deviation on the demo, PostgreSQL"
url="$(schema deviations)"
build-bench/styr demo --db "$url" >/dev/null
build-bench/bench/bench_deviations report --db "$url" --count 200

if [[ "${1:-}" == "--national" ]]; then
  echo "== the time-limit sweep over 290 municipalities, SQLite"
  build-bench/styr generate --municipalities 290 --seed 1 --db "$work/national.db" >/dev/null 2>&1
  build-bench/bench/bench_deviations national --db "$work/national.db" --per-organisation 10 \
    --days 10 --tick-minutes 5
fi
