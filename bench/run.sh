#!/usr/bin/env bash
# Runs the benchmarks of docs/benchmarks.md on a Release build and prints their figures.
# Usage: bash bench/run.sh [--national]   (--national adds the 290-municipality runs)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTYR_TESTS=OFF >/dev/null
ninja -C build-bench styr bench_chain >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== styr demo (new database), 5 runs"
for run in 1 2 3 4 5; do
  rm -f "$work"/demo.db*
  /usr/bin/time -f "%e s elapsed, %M KB max resident" build-bench/styr demo --db "$work/demo.db" \
    >/dev/null
done

echo "== trace and coverage on the demo (Google Benchmark)"
build-bench/bench/bench_chain --benchmark_min_time=1

if [[ "${1:-}" == "--national" ]]; then
  echo "== styr generate --municipalities 290"
  /usr/bin/time -f "%e s elapsed, %M KB max resident" \
    build-bench/styr generate --municipalities 290 --seed 1 --db "$work/national.db" 2>/dev/null
  echo "database size: $(du -h "$work/national.db" | cut -f1) ($(stat -c %s "$work/national.db") bytes)"
  echo "== styr check --all (rules and coverage of every municipality)"
  build-bench/styr check --all --db "$work/national.db" | tail -1
fi
