#!/usr/bin/env bash
# SciFact nDCG@10 through the pipeline and k-NN queries; writes bench/scifact-report.md
# (bench/scifact-report-<model>.md for another model than the default).
# Usage: bench/scifact-eval.sh [model=all-minilm-l6-v2]
set -euo pipefail
source "$(dirname "$0")/lib-bench.sh"
model="${1:-all-minilm-l6-v2}"
report="$ROOT/bench/scifact-report.md"
[ "$model" = all-minilm-l6-v2 ] || report="$ROOT/bench/scifact-report-$model.md"
run_bench eval 9280 9380 SciFactEval "$DATASETS/scifact" "$report" "$model"
