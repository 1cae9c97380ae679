#!/usr/bin/env bash
# Where a node's time goes on the events bench's clickstream: records the rounds with Java Flight Recorder on the node
# and prints the samples per thread pool and the hottest methods (bench/jfr-summary.py); keeps the recording.
# Usage: bench/events-profile.sh [returning|new=returning] [rounds=3]
set -euo pipefail
source "$(dirname "$0")/lib-bench.sh"
find_jdk
cp=$(bench_classpath)
start_cluster evprof 1 9276 9376 2g
trap "stop_cluster evprof" EXIT
node="$WORK/clusters/evprof/node-0"
recording="$node/logs/events.jfr" # a folder the node's user may write
# shellcheck disable=SC2046 # the jcmd command, run as the node's user when root
"$JAVA_HOME/bin/java" -Xmx2g -cp "$cp" io.interestranking.bench.EventsProfile "http://127.0.0.1:9276" "${1:-returning}" \
  "${2:-3}" "$(cat "$node/pid")" "$recording" \
  $( [ "$(id -u)" -eq 0 ] && echo runuser -u "$OS_USER" -- ) "$JAVA_HOME/bin/jcmd"
mkdir -p "$ROOT/bench/target"
cp "$recording" "$ROOT/bench/target/events-${1:-returning}.jfr"
python3 "$ROOT/bench/jfr-summary.py" "$JAVA_HOME/bin/jfr" "$ROOT/bench/target/events-${1:-returning}.jfr"
