#!/usr/bin/env bash
# Simulated users through the REST API: which parts of the profile model help; writes bench/simulator-report.md.
# Usage: bench/simulator-bench.sh [users=200] [sessions=16] [scenarios=main,tastes,intent]
set -euo pipefail
source "$(dirname "$0")/lib-bench.sh"
run_bench sim 9285 9385 SimulatorBench "$ROOT" "$ROOT/bench/simulator-report.md" "${1:-200}" "${2:-16}" "${3:-main,tastes,intent}"
