#!/usr/bin/env bash
# What re-clustering every 10 events costs returning users' events: alternating rounds with and without it on one node;
# writes bench/recluster-cost-report.md. Usage: bench/recluster-cost.sh [pairs=6]
set -euo pipefail
source "$(dirname "$0")/lib-bench.sh"
run_bench rccost 9279 9379 ReclusterCost "$ROOT/bench/recluster-cost-report.md" "${1:-6}"
