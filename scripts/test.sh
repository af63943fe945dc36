#!/usr/bin/env bash
# Sets everything up, checks formatting, builds the browser UI, builds with AddressSanitizer
# and UndefinedBehaviorSanitizer and warnings as errors, starts a throwaway PostgreSQL server,
# and runs every test against both backends, the UI's in Debian's Chromium. Ends with CTest's
# pass/fail summary.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh test

echo "== formatting (clang-format 14)"
mapfile -t sources < <(git ls-files -co --exclude-standard -- '*.cpp' '*.hpp')
clang-format-14 --dry-run --Werror "${sources[@]}"

echo "== API document (a real OpenAPI validator, from npm with the committed lockfile)"
npm ci --prefix api --no-audit --no-fund --loglevel=error >/dev/null
node api/validate.mjs

echo "== browser UI (packages from the committed lockfile, then Vite's build)"
npm ci --prefix web --no-audit --no-fund --loglevel=error >/dev/null
npm run --prefix web --silent build >/dev/null

echo "== build (ASan + UBSan, -Werror)"
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTYR_SANITIZE=ON \
  -DSTYR_WERROR=ON -DSTYR_WEB_TESTS=ON >/dev/null
ninja -C build-test -j "$(nproc)"

echo "== tests (SQLite, and PostgreSQL on a throwaway server)"
source scripts/test-postgres.sh
styr_postgres_start
trap styr_postgres_stop EXIT
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1
ctest --test-dir build-test --output-on-failure -j "$(nproc)"
