#!/usr/bin/env bash
# One bench main against two builds of the plugin side by side: a node with an earlier build's zip (A) and a node
# with this tree's (B), both started now, the main run on each in turn, A B B A … (the order flips every pair, so
# that neither build always runs first or second). Each run's report goes to bench/target/side-by-side/.
# Usage: bench/side-by-side.sh <earlier zip> <main> [args after the node url …]
#   e.g. bench/side-by-side.sh /tmp/interest-ranking-before.zip QueryBench "$DATASETS/scifact" @report 100000 200 1
#   "@report" in the arguments stands for the run's report path. Env: SBS_PAIRS (pairs of runs, default 2),
#   SBS_FULL=1 (full-distribution nodes, for NeuralBench), SBS_HEAP (default 2g), SBS_FRESH=1 (both nodes started
#   afresh before every pair: for mains that expect an empty node, as EventsBench does — run again on its own data it
#   replays some event ids, which then count as duplicates).
set -euo pipefail
source "$(dirname "$0")/lib-bench.sh"
[ $# -ge 2 ] || { sed -n 2,9p "$0" >&2; exit 2; }
base_zip=$(realpath "$1"); main=$2; shift 2
[ -f "$base_zip" ] || die "no zip at $base_zip"
find_jdk
cp=$(bench_classpath)
out="$ROOT/bench/target/side-by-side"; mkdir -p "$out"
heap=${SBS_HEAP:-2g}
start() { # start NAME HTTP TRANSPORT ZIP(empty: this tree's)
  if [ "${SBS_FULL:-0}" = 1 ]; then
    PLUGIN_ZIP=$4 FULL_TEMPLATE="template-full-$1" start_full_cluster "$1" "$2" "$3" "$heap"
  else
    PLUGIN_ZIP=$4 TEMPLATE="template-$1" start_cluster "$1" 1 "$2" "$3" "$heap"
  fi
}
start_both() {
  start sbs-a 9280 9380 "$base_zip"
  start sbs-b 9290 9390 ""
}
trap 'stop_cluster sbs-a; stop_cluster sbs-b' EXIT
start_both
run() { # run SIDE N
  local url report="$out/$main-$1-$2.md" args=() a
  [ "$1" = A ] && url=http://127.0.0.1:9280 || url=http://127.0.0.1:9290
  for a in "${ARGS[@]}"; do [ "$a" = @report ] && args+=("$report") || args+=("$a"); done
  log "run $2: build $1 ($url)"
  "$JAVA_HOME/bin/java" -Xmx2g -cp "$cp" "io.interestranking.bench.$main" "$url" "${args[@]}" > "$out/$main-$1-$2.out" 2>&1 \
    || { tail -20 "$out/$main-$1-$2.out" >&2; die "$main failed on build $1"; }
}
ARGS=("$@")
for ((p = 0; p < ${SBS_PAIRS:-2}; p++)); do
  if [ "${SBS_FRESH:-0}" = 1 ] && [ "$p" -gt 0 ]; then start_both; fi
  if ((p % 2 == 0)); then run A "$p"; run B "$p"; else run B "$p"; run A "$p"; fi
done
log "reports: $out/$main-{A,B}-*.md (A: $base_zip, B: this tree)"
