#!/usr/bin/env bash
# Sets everything up, builds Styr and its browser UI and serves the embedded Lerum demo:
# prints the demo's chain and coverage analysis, then the server's URL and the demo logins,
# and serves until Ctrl-C.
#   STYR_DEMO_DB (demo.db), STYR_PORT (8080) and STYR_ADDRESS (127.0.0.1) change where.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTYR_TESTS=OFF -DSTYR_BENCHMARKS=OFF \
  >/dev/null
ninja -C build -j "$(nproc)" styr
# The browser UI, from the committed lockfile; styr serve serves web/dist at /.
npm ci --prefix web --no-audit --no-fund --loglevel=error >/dev/null
npm run --prefix web --silent build >/dev/null

db="${STYR_DEMO_DB:-demo.db}"
build/styr demo --db "$db"
echo
exec build/styr serve --demo --db "$db" --port "${STYR_PORT:-8080}" \
  --address "${STYR_ADDRESS:-127.0.0.1}"
