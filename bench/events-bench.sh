#!/usr/bin/env bash
# Events/s through POST /_plugins/_interest/events vs. plain _bulk; writes bench/events-report.md.
# Usage: bench/events-bench.sh [events per round=20000] [rounds=3]
set -euo pipefail
source "$(dirname "$0")/lib-bench.sh"
run_bench bench 9270 9370 EventsBench "$ROOT/bench/events-report.md" "${1:-20000}" "${2:-3}"
