#!/usr/bin/env bash
# Are interests topics? Labeled catalogs embedded in process, simulated users, the spawn/merge rule calibrated per
# model; writes bench/topics-report.md. No node. Usage: bench/topics-bench.sh
set -euo pipefail
source "$(dirname "$0")/lib-bench.sh"
find_jdk
cp=$(bench_classpath)
"$JAVA_HOME/bin/java" -Xmx2g -cp "$cp" io.interestranking.bench.TopicBench "$ROOT/plugin-src/core/target/models" "$DATASETS" "$ROOT" \
  "$ROOT/bench/topics-report.md"
