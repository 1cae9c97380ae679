#!/usr/bin/env bash
# Runs every test: unit tests, then integration tests against real OpenSearch 3.6.0 + k-NN clusters
# (one node and two nodes) that the build downloads through Maven, starts on loopback and stops.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
find_jdk
cd "$ROOT"
mvn -B verify "$@"
