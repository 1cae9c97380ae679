#!/usr/bin/env bash
# Starts (or stops) the clusters the integration tests run against:
#   single: one node, http 9250        two: two nodes, http 9260 and 9261
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
find_jdk
case "${1:-}" in
  start)
    start_cluster single 1 9250 9350
    start_cluster two 2 9260 9360 ;;
  restart-single)
    restart_cluster single 9250 ;;
  stop)
    stop_cluster single; stop_cluster two ;;
  *) echo "usage: $0 start|stop|restart-single" >&2; exit 2 ;;
esac
