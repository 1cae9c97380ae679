#!/usr/bin/env bash
# Ingest throughput of _bulk through the pipeline vs. the same model in a bare JVM; writes bench/ingest-report.md.
# Usage: bench/ingest-bench.sh [texts=2000] [rounds=3]
set -euo pipefail
source "$(dirname "$0")/lib-bench.sh"
run_bench bench 9270 9370 IngestBench "$DATASETS/scifact" "$ROOT/plugin-src/core/target/models" "$ROOT/bench/ingest-report.md" "${1:-2000}" "${2:-3}"
