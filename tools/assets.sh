#!/usr/bin/env bash
# Front-end assets the book serves itself (no CDN: pages must load with no other host):
# KaTeX from the npm registry, which renders the mathematics at build time
# (src/digecon_book/katex.py); its CSS and woff2 fonts are copied into the HTML.
set -euo pipefail
cd "$(dirname "$0")/.."
KATEX_VERSION=0.16.22
if [ ! -f tools/node/node_modules/katex/dist/katex.min.css ] \
   || ! grep -q "\"version\": \"${KATEX_VERSION}\"" tools/node/node_modules/katex/package.json; then
  command -v npm >/dev/null 2>&1 || { echo "assets: npm is needed to fetch KaTeX (apt-get install npm)"; exit 1; }
  command -v node >/dev/null 2>&1 || { echo "assets: node is needed to render the mathematics (apt-get install nodejs)"; exit 1; }
  mkdir -p tools/node
  npm install --silent --no-audit --no-fund --prefix tools/node "katex@${KATEX_VERSION}" >/dev/null
fi
