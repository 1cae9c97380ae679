#!/usr/bin/env bash
# Recommendation quality on MovieLens small (popularity, interest_knn, rescorer, ablations); writes bench/movielens-report.md.
set -euo pipefail
source "$(dirname "$0")/lib-bench.sh"
run_bench eval 9280 9380 MovieLensEval "$DATASETS/movielens-small" "$ROOT/bench/movielens-report.md"
