#!/usr/bin/env bash
# This plugin beside neural-search on one node: ingest docs/s and query latency/throughput with the same ONNX file;
# writes bench/neural-report.md and bench/neural-comparison.png.
# Usage: bench/neural-bench.sh [texts=2000] [rounds=3] [queries=300]
set -euo pipefail
source "$(dirname "$0")/lib-bench.sh"
find_jdk
cp=$(bench_classpath)
start_full_cluster nbench 9275 9375 2g
trap "stop_cluster nbench" EXIT
"$JAVA_HOME/bin/java" -Xmx2g -cp "$cp" io.interestranking.bench.NeuralBench "http://127.0.0.1:9275" "$DATASETS/scifact" \
  "$ROOT/plugin-src/core/target/models" "$ROOT/bench/neural-report.md" "${1:-2000}" "${2:-3}" "${3:-300}"
