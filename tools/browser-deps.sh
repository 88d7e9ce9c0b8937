#!/usr/bin/env bash
# Set-up for the browser tests: Debian's Chromium and axe-core (npm registry).
# In CI (CI set) a missing Chromium is installed; locally the browser tests skip with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
AXE_VERSION=4.10.3
if [ -n "${CHROMIUM:-}" ] && [ -x "${CHROMIUM}" ]; then
  :  # a browser named by the CHROMIUM variable (e.g. Google Chrome on GitHub's runners)
elif ! command -v chromium >/dev/null 2>&1; then
  if [ -n "${CI:-}" ]; then
    echo "browser-deps: installing Debian's chromium (CI)"
    export DEBIAN_FRONTEND=noninteractive
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq >/dev/null
    $SUDO apt-get install -y -qq chromium >/dev/null
  else
    echo "browser-deps: no chromium here; browser tests will be skipped (apt-get install chromium to run them)"
  fi
fi
if [ ! -f tools/node/node_modules/axe-core/axe.min.js ]; then
  if command -v npm >/dev/null 2>&1; then
    mkdir -p tools/node
    npm install --silent --no-audit --no-fund --prefix tools/node "axe-core@${AXE_VERSION}" >/dev/null \
      || echo "browser-deps: could not install axe-core"
  fi
fi
