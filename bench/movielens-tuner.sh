#!/usr/bin/env bash
# Replay tuner: key profile settings searched on half of MovieLens small's users, the best compared with the
# defaults on the other half; writes bench/movielens-tuner-report.md.
set -euo pipefail
source "$(dirname "$0")/lib-bench.sh"
run_bench tune 9290 9390 MovieLensTuner "$DATASETS/movielens-small" "$ROOT/bench/movielens-tuner-report.md"
