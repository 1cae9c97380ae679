#!/usr/bin/env bash
# Query latency: knn vs. knn + interest rescorer vs. text_knn; writes bench/query-report.md.
# Usage: bench/query-bench.sh [items=100000] [queries=200] [rounds=3]
set -euo pipefail
source "$(dirname "$0")/lib-bench.sh"
find_jdk
cp=$(bench_classpath)
start_cluster bench 1 9270 9370 2g
trap 'stop_cluster bench' EXIT
"$JAVA_HOME/bin/java" -cp "$cp" io.interestranking.bench.QueryBench http://127.0.0.1:9270 \
  "$DATASETS/scifact" "$ROOT/bench/query-report.md" "${1:-100000}" "${2:-200}" "${3:-3}"
