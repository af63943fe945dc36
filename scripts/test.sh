#!/usr/bin/env bash
# Sets everything up, checks formatting, builds with AddressSanitizer and UndefinedBehavior-
# Sanitizer and warnings as errors, starts a throwaway PostgreSQL server, and runs every test
# against both backends. Ends with CTest's pass/fail summary.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "== formatting (clang-format 14)"
mapfile -t sources < <(git ls-files -co --exclude-standard -- '*.cpp' '*.hpp')
clang-format-14 --dry-run --Werror "${sources[@]}"

echo "== API document (a real OpenAPI validator, from npm with the committed lockfile)"
npm ci --prefix api --no-audit --no-fund --loglevel=error >/dev/null
node api/validate.mjs

echo "== build (ASan + UBSan, -Werror)"
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTYR_SANITIZE=ON \
  -DSTYR_WERROR=ON >/dev/null
ninja -C build-test -j "$(nproc)"

echo "== tests (SQLite, and PostgreSQL on a throwaway server)"
source scripts/test-postgres.sh
styr_postgres_start
trap styr_postgres_stop EXIT
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1
ctest --test-dir build-test --output-on-failure -j "$(nproc)"
