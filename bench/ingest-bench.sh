#!/usr/bin/env bash
# Ingest throughput of _bulk through the pipeline vs. the same model in a bare JVM; writes bench/ingest-report.md.
# Usage: bench/ingest-bench.sh [texts=2000] [rounds=3]
set -euo pipefail
source "$(dirname "$0")/lib-bench.sh"
find_jdk
cp=$(bench_classpath)
start_cluster bench 1 9270 9370 2g
trap 'stop_cluster bench' EXIT
"$JAVA_HOME/bin/java" -Xmx2g -cp "$cp" io.interestranking.bench.IngestBench http://127.0.0.1:9270 \
  "$DATASETS/scifact" "$ROOT/plugin-src/target/models" "$ROOT/bench/ingest-report.md" "${1:-2000}" "${2:-3}"
