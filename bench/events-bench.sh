#!/usr/bin/env bash
# Events/s through POST /_plugins/_interest/events vs. plain _bulk; writes bench/events-report.md.
# Usage: bench/events-bench.sh [events per round=20000] [rounds=3]
set -euo pipefail
source "$(dirname "$0")/lib-bench.sh"
find_jdk
cp=$(bench_classpath)
start_cluster bench 1 9270 9370 2g
trap 'stop_cluster bench' EXIT
"$JAVA_HOME/bin/java" -cp "$cp" io.interestranking.bench.EventsBench http://127.0.0.1:9270 \
  "$ROOT/bench/events-report.md" "${1:-20000}" "${2:-3}"
