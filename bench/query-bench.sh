#!/usr/bin/env bash
# Query latency: knn vs. knn + interest rescorer vs. text_knn; writes bench/query-report.md.
# Usage: bench/query-bench.sh [items=100000] [queries=200] [rounds=5]
# Env: QUERY_REPORT (report path; the plot goes beside it), OS_EXTRA_SETTINGS (node settings, e.g. static ones)
set -euo pipefail
source "$(dirname "$0")/lib-bench.sh"
run_bench bench 9270 9370 QueryBench "$DATASETS/scifact" "${QUERY_REPORT:-$ROOT/bench/query-report.md}" "${1:-100000}" "${2:-200}" "${3:-5}"
