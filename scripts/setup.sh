#!/usr/bin/env bash
# Installs what building and testing Styr needs on Debian 12, from Debian's own packages.
# Runs apt-get only when something is missing, so a prepared machine starts at once.
#   bash scripts/setup.sh        what building and serving needs
#   bash scripts/setup.sh test   and what the tests need besides (Chromium for the UI's)
set -euo pipefail

packages=(
  build-essential cmake ninja-build clang-format-14 pkg-config
  libsqlite3-dev sqlite3 libpq-dev postgresql
  nlohmann-json3-dev libcli11-dev libfmt-dev libspdlog-dev libsodium-dev
  libhowardhinnant-date-dev tzdata
  libboost1.81-dev zlib1g-dev libcurl4-openssl-dev python3-aiosmtpd
  libgtest-dev libgmock-dev libbenchmark-dev
)

if [[ "${1:-}" == test ]]; then
  packages+=(chromium)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

# Node.js and npm for the browser UI and the API document's validator: the machine's own
# if it has them.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if ((${#missing[@]} > 0)); then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
