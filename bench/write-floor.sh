#!/usr/bin/env bash
# The cost of rewriting a whole document per event, without the plugin in the path; writes bench/write-floor-report.md.
# Usage: bench/write-floor.sh [sizes in KB=0.3,1.5,4,8,15] [rounds=3] [journal designs entry_KB:K:profile_KB[:slots|append]=0.9:8:15,0.9:8:7,0.5:8:7; "" for none]
# FLOOR_CODECS (default "InterestProfile104,default"): the profile index codecs compared in every round; an entry may
#   add index settings after the codec: "InterestProfile104|merge.policy.deletes_pct_allowed=50|merge.policy.floor_segment=2mb".
# FLOOR_STEADY=1: each size and design in its own index, written round after round (steady state) instead of fresh.
set -euo pipefail
source "$(dirname "$0")/lib-bench.sh"
find_jdk
ensure_template >/dev/null
start_cluster floor 1 9295 9395 2g
trap "stop_cluster floor" EXIT
python3 "$ROOT/bench/write-floor.py" http://127.0.0.1:9295 "${1:-0.3,1.5,4,8,15}" "${2:-3}" "${3-0.9:8:15,0.9:8:7,0.5:8:7}" > "$ROOT/bench/write-floor-report.md"
cat "$ROOT/bench/write-floor-report.md"
