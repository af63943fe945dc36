#!/usr/bin/env bash
# Sets everything up, builds Styr and runs it on the embedded Lerum demo database.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTYR_TESTS=OFF -DSTYR_BENCHMARKS=OFF \
  >/dev/null
ninja -C build -j "$(nproc)" styr

build/styr demo --db "${STYR_DEMO_DB:-demo.db}"
