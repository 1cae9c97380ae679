#!/usr/bin/env bash
# SciFact nDCG@10 through the pipeline and k-NN queries; writes bench/scifact-report.md.
set -euo pipefail
source "$(dirname "$0")/lib-bench.sh"
find_jdk
cp=$(bench_classpath)
start_cluster eval 1 9280 9380 2g
trap 'stop_cluster eval' EXIT
"$JAVA_HOME/bin/java" -cp "$cp" io.interestranking.bench.SciFactEval http://127.0.0.1:9280 \
  "$DATASETS/scifact" "$ROOT/bench/scifact-report.md"
