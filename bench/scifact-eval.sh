#!/usr/bin/env bash
# SciFact nDCG@10 through the pipeline and k-NN queries; writes bench/scifact-report.md
# (bench/scifact-report-<model>.md for another model than the default).
# Usage: bench/scifact-eval.sh [model=all-minilm-l6-v2] [query model=the model]
# (a query model of the same space, e.g. all-minilm-l6-v2-int8 for fp32 documents: report ...-queries-<query model>.md)
set -euo pipefail
source "$(dirname "$0")/lib-bench.sh"
model="${1:-all-minilm-l6-v2}"
report="$ROOT/bench/scifact-report.md"
query_model="${2:-$model}"
[ "$model" = all-minilm-l6-v2 ] || report="$ROOT/bench/scifact-report-$model.md"
[ "$query_model" = "$model" ] || report="${report%.md}-queries-$query_model.md"
run_bench eval 9280 9380 SciFactEval "$DATASETS/scifact" "$report" "$model" "$query_model"
