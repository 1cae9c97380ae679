#!/usr/bin/env bash
# Runs every test: unit tests, then integration tests against real OpenSearch 3.6.0 + k-NN clusters
# (one node and two nodes) that the build downloads through Maven, starts on loopback and stops.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
find_jdk
cd "$ROOT"
# the browser test drives Debian's chromium with playwright-core (skipped, with a message, if either is missing)
if command -v npm >/dev/null 2>&1 && [ ! -d integ-tests/browser/node_modules/playwright-core ]; then
  npm install --prefix integ-tests/browser --no-audit --no-fund --silent || log "npm install failed: the browser test will be skipped"
fi
mvn -B verify "$@"
