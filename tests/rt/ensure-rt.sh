#!/bin/sh
# Makes sure Request Tracker 5 can run for the integration tests (tests/rt/rt-server.ts).
# Idempotent: does nothing when RT is already installed. On Debian/Ubuntu it installs
# request-tracker5 (with rt5-standalone, which brings the Starlet server) and rt5-db-sqlite.
# Elsewhere it says what is missing; point DESKBOOK_RT_SETUP_DB and DESKBOOK_RT_SERVER at an
# RT 5.0 install's rt-setup-database and rt-server to use it instead.
set -eu

# An explicit DESKBOOK_RT_* path is the only candidate when set; otherwise the usual install paths.
find_binary() {
  override=$1
  shift
  if [ -n "$override" ]; then
    [ -x "$override" ]
    return
  fi
  for candidate in "$@"; do
    [ -x "$candidate" ] && return 0
  done
  return 1
}

missing_parts() {
  missing=""
  find_binary "${DESKBOOK_RT_SETUP_DB:-}" /usr/sbin/rt-setup-database-5 /usr/sbin/rt-setup-database /opt/rt5/sbin/rt-setup-database \
    || missing="$missing rt-setup-database"
  find_binary "${DESKBOOK_RT_SERVER:-}" /usr/share/request-tracker5/libexec/rt-server /usr/sbin/rt-server /opt/rt5/sbin/rt-server \
    || missing="$missing rt-server"
  command -v perl >/dev/null 2>&1 || missing="$missing perl"
  if command -v perl >/dev/null 2>&1; then
    perl -MDBD::SQLite -e 1 2>/dev/null || missing="$missing perl-DBD::SQLite"
    perl -MPlack::Handler::Starlet -e 1 2>/dev/null || missing="$missing perl-Starlet"
  fi
  echo "$missing"
}

missing=$(missing_parts)
if [ -z "$missing" ]; then
  echo "ensure-rt: Request Tracker 5 is installed."
  exit 0
fi

echo "ensure-rt: missing:$missing"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-rt: this is not a Debian-like system (no apt-get), so nothing was installed." >&2
  echo "ensure-rt: install Request Tracker 5.0 with SQLite support (DBD::SQLite) and Starlet," >&2
  echo "ensure-rt: then set DESKBOOK_RT_SETUP_DB and DESKBOOK_RT_SERVER to its rt-setup-database and rt-server." >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root="sudo -n"
else
  echo "ensure-rt: installing needs root. Run as root, or:" >&2
  echo "  sudo apt-get install -y request-tracker5 rt5-standalone rt5-db-sqlite" >&2
  exit 1
fi

packages="request-tracker5 rt5-standalone rt5-db-sqlite"
echo "ensure-rt: installing $packages"
if ! $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $packages; then
  echo "ensure-rt: install failed; refreshing the package lists and trying once more"
  $as_root apt-get update
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $packages
fi

missing=$(missing_parts)
if [ -n "$missing" ]; then
  echo "ensure-rt: still missing after installing:$missing" >&2
  exit 1
fi
echo "ensure-rt: Request Tracker 5 is installed."
