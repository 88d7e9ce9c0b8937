#!/usr/bin/env bash
# Front-end assets the book serves itself (no CDN: pages must load with no other host):
# MathJax 3 from the npm registry, copied into the book by the build (src/digecon/build.py).
set -euo pipefail
cd "$(dirname "$0")/.."
MATHJAX_VERSION=3.2.2
if [ ! -f tools/node/node_modules/mathjax/es5/tex-chtml.js ]; then
  command -v npm >/dev/null 2>&1 || { echo "assets: npm is needed to fetch MathJax (apt-get install npm)"; exit 1; }
  mkdir -p tools/node
  npm install --silent --no-audit --no-fund --prefix tools/node "mathjax@${MATHJAX_VERSION}" >/dev/null
fi
