#!/usr/bin/env bash
# Starts (or stops) the clusters the integration tests run against:
#   single: one node, http 9250        two: two nodes, http 9260 and 9261
#   tiny: one node, http 9255, an inference pool of one thread and a queue of one (overload answers)
#   full: one node, http 9265, the official distribution's neighbours: job-scheduler, ml-commons, neural-search
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
find_jdk
# the test clusters also carry the test-only plugin that refuses the actions a request header names (AuthorizationIT)
export TEMPLATE=template-test EXTRA_PLUGIN_ZIPS="$ROOT/integ-tests/deny-plugin/target/deny-actions-test-plugin.zip"
[ -f "$EXTRA_PLUGIN_ZIPS" ] || die "build integ-tests/deny-plugin first (mvn verify builds every module)"
# A second model on the test nodes: all-MiniLM-L6-v2's files under another name, so another embedding space of the
# same dimension (SpacesIT: one user's profiles in two spaces never mix).
add_twin_model() {
  ensure_template
  # beside the bundled model (hard links, shared by every node) rather than in each node's copied config folder
  local twin="$WORK/$TEMPLATE/plugins/interest-ranking/models/minilm-twin" src="$WORK/$TEMPLATE/plugins/interest-ranking/models/all-minilm-l6-v2"
  [ -f "$twin/model.json" ] && return 0
  mkdir -p "$twin"
  ln -f "$src/model.onnx" "$twin/model.onnx"; ln -f "$src/tokenizer.json" "$twin/tokenizer.json"
  printf '{ "name": "minilm-twin", "dimension": 384, "pooling": "mean", "normalize": true, "max_length": 256 }\n' > "$twin/model.json"
}
FULL_HTTP=9265
case "${1:-}" in
  start)
    start_full_cluster full $FULL_HTTP 9365 2g
    add_twin_model
    start_cluster single 1 9250 9350
    start_cluster two 2 9260 9360
    OS_EXTRA_SETTINGS=$'plugins.interest.inference.thread_pool.size: 1\nplugins.interest.inference.thread_pool.queue_size: 1' \
      start_cluster tiny 1 9255 9355 ;;
  restart-single)
    restart_cluster single 9250 ;;
  restart-full)
    restart_cluster full $FULL_HTTP ;;
  stop)
    stop_cluster single; stop_cluster two; stop_cluster tiny; stop_cluster full ;;
  *) echo "usage: $0 start|stop|restart-single|restart-full" >&2; exit 2 ;;
esac
