#!/usr/bin/env bash
# Install Debian's chromium (the browser tests drive it with Playwright's Python package).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "error: chromium is missing and this user cannot install it; run: apt-get install chromium" >&2
    exit 1
  fi
fi
echo "Installing Debian's chromium (once)..." >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
command -v chromium >/dev/null
