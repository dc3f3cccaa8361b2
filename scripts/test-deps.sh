#!/usr/bin/env bash
# Installs what the tests need from Debian's packages when it is missing: Chromium for the
# end-to-end tests, Request Tracker 5 with SQLite for the ticketing integration tests.
# On a system without apt-get it says exactly what is missing and stops.
set -euo pipefail

missing=()
[ -x "${DESKBOOK_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
dpkg -s request-tracker5 >/dev/null 2>&1 || missing+=(request-tracker5)
dpkg -s rt5-db-sqlite >/dev/null 2>&1 || missing+=(rt5-db-sqlite)
dpkg -s rt5-standalone >/dev/null 2>&1 || missing+=(rt5-standalone)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need these Debian packages, and this system has no apt-get: ${missing[*]}" >&2
  echo "Install Chromium (set DESKBOOK_CHROMIUM to its path) and Request Tracker 5 with its SQLite driver, then run npm test again." >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "The tests need these Debian packages: ${missing[*]}. Run as root, or: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing test dependencies from Debian: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
