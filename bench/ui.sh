#!/usr/bin/env bash
# The browser UI's speed targets (issue 7), measured, not tested:
#   bash bench/ui.sh
# Builds a Release `styr` (build-bench/) and the UI (web/dist), serves a fresh demo with
# `styr serve --demo`, and runs bench/ui.mjs in Debian's Chromium (headless): the initial
# JavaScript gzipped (target at most 250 KB, ECharts excluded: it is loaded on demand), and
# the time from navigating to "Mitt uppdrag" until its content shows, for each demo role
# (target within 1 s). Prints the figures and MET or MISSED per target; exit code 0 all the
# same. Environment: STYR_BENCH_RUNS (navigations per role, default 20).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh test
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTYR_TESTS=OFF >/dev/null
if ! built=$(ninja -C build-bench styr 2>&1); then
  grep -v '^\[' <<<"$built" | head -n 40 >&2
  echo "the Release build of styr failed" >&2
  exit 1
fi
npm ci --prefix web --no-audit --no-fund --loglevel=error >/dev/null
npm run --prefix web --silent build >/dev/null
exec node bench/ui.mjs --styr build-bench/styr --web web/dist
