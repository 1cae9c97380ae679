#!/usr/bin/env bash
# SciFact nDCG@10 through the pipeline and k-NN queries; writes bench/scifact-report.md.
set -euo pipefail
source "$(dirname "$0")/lib-bench.sh"
run_bench eval 9280 9380 SciFactEval "$DATASETS/scifact" "$ROOT/bench/scifact-report.md"
