# Shared shell helpers: JDK discovery, the OpenSearch install, starting and stopping nodes.
# Sourced by scripts/*.sh, integ-tests/clusters.sh and bench/*.sh.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OS_VERSION=3.6.0
KNN_VERSION=3.6.0.0
WORK="$ROOT/target/opensearch"
PLUGIN_ZIP_GLOB="$ROOT/plugin-src/opensearch/target/interest-ranking-*.zip"
OS_USER=opensearch

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }

# Exports JAVA_HOME pointing at a JDK 21+ (JAVA_HOME if it is one, else the newest under /usr/lib/jvm).
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    export JAVA_HOME; return 0
  fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$d/bin/javac" ] || continue
    v=$(java_major "$d"); [ -n "$v" ] || continue
    if [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  [ -n "$best" ] || die "no JDK 21+ found: install one and set JAVA_HOME"
  export JAVA_HOME="$best"
  log "using JDK $best_v at $JAVA_HOME"
}

mvn_q() { mvn -B -q "$@" 2>&1 | grep -v '^WARNING: .*\(Unsafe\|terminally deprecated\|guava\)' || true; }

# Builds the plugin zip unless it is newer than every source file.
ensure_plugin_zip() {
  local zip; zip=$(ls $PLUGIN_ZIP_GLOB 2>/dev/null | head -1)
  if [ -z "$zip" ] || [ -n "$(find "$ROOT/plugin-src/core/main" "$ROOT/plugin-src/opensearch/main" "$ROOT/plugin-descriptor" "$ROOT/model-assets" -newer "$zip" -type f 2>/dev/null | head -1)" ]; then
    log "building the plugin (mvn package)"
    (cd "$ROOT" && mvn -B -q package -DskipTests 2>&1 | grep -E 'ERROR|BUILD' >&2) || true
    zip=$(ls $PLUGIN_ZIP_GLOB 2>/dev/null | head -1)
    [ -n "$zip" ] || die "the plugin zip was not built"
  fi
  echo "$zip"
}

# Downloads OpenSearch and k-NN through Maven and prepares an install with both plugins in $WORK/$TEMPLATE
# (default "template"), plus the plugin zips listed in EXTRA_PLUGIN_ZIPS (test-only plugins of the test clusters).
ensure_template() {
  # PLUGIN_ZIP: another build's zip instead of this tree's (bench/side-by-side.sh)
  local zip; zip=${PLUGIN_ZIP:-$(ensure_plugin_zip)}
  local tpl="$WORK/${TEMPLATE:-template}" extra fresh=1
  for extra in $zip ${EXTRA_PLUGIN_ZIPS:-}; do [ -f "$tpl/.ready" ] && [ "$tpl/.ready" -nt "$extra" ] || fresh=0; done
  if [ "$fresh" -eq 1 ]; then return 0; fi
  mkdir -p "$WORK/dist"
  local os_zip="$WORK/dist/opensearch-$OS_VERSION.zip" knn_zip="$WORK/dist/opensearch-knn-$KNN_VERSION.zip"
  if [ ! -f "$os_zip" ] || [ ! -f "$knn_zip" ]; then
    log "fetching OpenSearch $OS_VERSION and k-NN $KNN_VERSION through Maven"
    (cd "$WORK/dist" && mvn -B -q dependency:copy -Dartifact=org.opensearch.distribution.integ-test-zip:opensearch:$OS_VERSION:zip -DoutputDirectory=. >/dev/null \
      && mvn -B -q dependency:copy -Dartifact=org.opensearch.plugin:opensearch-knn:$KNN_VERSION:zip -DoutputDirectory=. >/dev/null) \
      || die "could not download OpenSearch through Maven"
  fi
  log "preparing an OpenSearch install with k-NN and the plugin"
  rm -rf "$tpl" "$WORK/unzip"; mkdir -p "$WORK/unzip"
  unzip -q "$os_zip" -d "$WORK/unzip"
  mv "$WORK/unzip/opensearch-$OS_VERSION" "$tpl"; rmdir "$WORK/unzip"
  OPENSEARCH_JAVA_HOME="$JAVA_HOME" "$tpl/bin/opensearch-plugin" install --batch "file://$knn_zip" >"$WORK/plugin-install.log" 2>&1 \
    || { cat "$WORK/plugin-install.log" >&2; die "k-NN install failed"; }
  OPENSEARCH_JAVA_HOME="$JAVA_HOME" "$tpl/bin/opensearch-plugin" install --batch "file://$zip" >>"$WORK/plugin-install.log" 2>&1 \
    || { cat "$WORK/plugin-install.log" >&2; die "plugin install failed"; }
  for extra in ${EXTRA_PLUGIN_ZIPS:-}; do
    OPENSEARCH_JAVA_HOME="$JAVA_HOME" "$tpl/bin/opensearch-plugin" install --batch "file://$extra" >>"$WORK/plugin-install.log" 2>&1 \
      || { cat "$WORK/plugin-install.log" >&2; die "install of $extra failed"; }
  done
  touch "$tpl/.ready"
}

# OpenSearch refuses to run as root: as root, run nodes as a system user.
ensure_os_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  id "$OS_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$OS_USER"
}

as_os_user() { if [ "$(id -u)" -eq 0 ]; then runuser -u "$OS_USER" -- "$@"; else "$@"; fi; }

# start_cluster NAME NODES HTTP_PORT TRANSPORT_PORT [HEAP]: nodes get consecutive ports, data under $WORK/clusters/NAME.
start_cluster() {
  local name=$1 nodes=$2 http=$3 transport=$4 heap=${5:-1g}
  ensure_template; ensure_os_user
  local dir="$WORK/clusters/$name"
  stop_cluster "$name" 2>/dev/null || true
  rm -rf "$dir"; mkdir -p "$dir/snapshots"
  local seeds="" masters="" i
  for ((i = 0; i < nodes; i++)); do
    seeds="$seeds${seeds:+,}127.0.0.1:$((transport + i))"; masters="$masters${masters:+,}$name-$i"
  done
  for ((i = 0; i < nodes; i++)); do
    local home="$dir/node-$i"
    # hard links: the install is shared read-only, config and data are per node
    cp -al "$WORK/${TEMPLATE:-template}" "$home"
    rm -rf "$home/config" && cp -a "$WORK/${TEMPLATE:-template}/config" "$home/config"
    mkdir -p "$home/data" "$home/logs" "$home/tmp"
    {
      echo "cluster.name: $name"
      echo "node.name: $name-$i"
      echo "network.host: 127.0.0.1"
      echo "http.port: $((http + i))"
      echo "transport.port: $((transport + i))"
      echo "path.data: $home/data"
      echo "path.logs: $home/logs"
      echo "path.repo: [$dir/snapshots]"
      if [ "$nodes" -eq 1 ]; then echo "discovery.type: single-node";
      else echo "discovery.seed_hosts: [$seeds]"; echo "cluster.initial_cluster_manager_nodes: [$masters]"; fi
      echo "action.auto_create_index: true"
      # extra node settings, one per line (benchmarks of static settings)
      if [ -n "${OS_EXTRA_SETTINGS:-}" ]; then printf '%s\n' "$OS_EXTRA_SETTINGS"; fi
    } > "$home/config/opensearch.yml"
    sed -i "s/^-Xms.*/-Xms$heap/; s/^-Xmx.*/-Xmx$heap/" "$home/config/jvm.options"
  done
  if [ "$(id -u)" -eq 0 ]; then chown -R "$OS_USER" "$dir" "$WORK/${TEMPLATE:-template}"; fi
  # extra environment of the node processes (VAR=value words), kept for restarts
  printf '%s' "${OS_EXTRA_ENV:-}" > "$dir/extra.env"
  for ((i = 0; i < nodes; i++)); do
    launch_node "$dir" "$dir/node-$i"
  done
  wait_green "http://127.0.0.1:$http" "$nodes" || { tail -50 "$dir"/node-*/logs/*.log >&2; die "cluster $name did not turn green"; }
  log "cluster $name is green: http://127.0.0.1:$http ($nodes node(s))"
}

ML_VERSION=3.6.0.0
# start_full_cluster NAME HTTP TRANSPORT HEAP: a one-node "full distribution" cluster: k-NN, job-scheduler,
# ml-commons, neural-search (all from Maven Central) and this plugin. ml-commons' ONNX path loads PyTorch for array
# ops, which it would download: its natives are placed in one folder named by PYTORCH_LIBRARY_PATH.
start_full_cluster() {
  local name=$1 http=$2 transport=$3 heap=$4
  local dist="$WORK/dist" torch="$WORK/pytorch" zips="" a
  mkdir -p "$dist"
  for a in opensearch-job-scheduler opensearch-ml-plugin neural-search; do
    if [ ! -f "$dist/$a-$ML_VERSION.zip" ]; then
      log "fetching $a $ML_VERSION through Maven"
      (cd "$dist" && mvn -B -q dependency:copy -Dartifact=org.opensearch.plugin:$a:$ML_VERSION:zip -DoutputDirectory=. >/dev/null) \
        || die "could not download $a"
    fi
    zips="$zips $dist/$a-$ML_VERSION.zip"
  done
  if [ ! -f "$torch/.ready" ]; then
    log "fetching PyTorch natives for ml-commons through Maven"
    rm -rf "$torch" "$WORK/torch-jars"; mkdir -p "$torch" "$WORK/torch-jars"
    (cd "$WORK/torch-jars" && mvn -B -q dependency:copy -Dartifact=ai.djl.pytorch:pytorch-native-cpu:2.5.1:jar:linux-x86_64 -DoutputDirectory=. >/dev/null \
      && mvn -B -q dependency:copy -Dartifact=ai.djl.pytorch:pytorch-jni:2.5.1-0.32.0:jar -DoutputDirectory=. >/dev/null) \
      || die "could not download PyTorch"
    unzip -q -j -o "$WORK/torch-jars/pytorch-native-cpu-2.5.1-linux-x86_64.jar" 'pytorch/cpu/linux-x86_64/*' -d "$torch"
    unzip -q -j -o "$WORK/torch-jars/pytorch-jni-2.5.1-0.32.0.jar" 'jnilib/linux-x86_64/cpu/libdjl_torch.so' -d "$torch"
    rm -rf "$WORK/torch-jars"
    # the user first: on a new machine nothing has created it yet
    ensure_os_user
    if [ "$(id -u)" -eq 0 ]; then chown -R "$OS_USER" "$torch"; fi
    touch "$torch/.ready"
  fi
  TEMPLATE=${FULL_TEMPLATE:-template-full} EXTRA_PLUGIN_ZIPS="${zips# }" OS_EXTRA_ENV="PYTORCH_LIBRARY_PATH=$torch" \
    start_cluster "$name" 1 "$http" "$transport" "$heap"
}
# launch_node CLUSTER_DIR NODE_HOME: starts one node as a daemon (as the system user when root).
launch_node() {
  local extra; extra=$(cat "$1/extra.env" 2>/dev/null || true)
  # shellcheck disable=SC2086 # extra holds VAR=value words
  as_os_user env OPENSEARCH_JAVA_HOME="$JAVA_HOME" OPENSEARCH_TMPDIR="$2/tmp" OPENSEARCH_PATH_CONF="$2/config" $extra \
    "$2/bin/opensearch" -d -p "$2/pid" > "$2/launcher.out" 2>&1 < /dev/null || true
}

# restart_cluster NAME HTTP_PORT: stops the nodes and starts them again on their data (a restart, not a reset).
restart_cluster() {
  local name=$1 http=$2 dir="$WORK/clusters/$1" home nodes=0
  stop_cluster "$name"
  for home in "$dir"/node-*; do
    nodes=$((nodes + 1))
    launch_node "$dir" "$home"
  done
  wait_green "http://127.0.0.1:$http" "$nodes" || die "cluster $name did not turn green after a restart"
  log "cluster $name restarted"
}

wait_green() {
  local url=$1 nodes=$2 t
  for ((t = 0; t < 180; t++)); do
    if curl -fs "$url/_cluster/health?wait_for_status=green&wait_for_nodes=$nodes&timeout=1s" 2>/dev/null | grep -q '"status":"green"'; then return 0; fi
    sleep 1
  done
  return 1
}

stop_cluster() {
  local dir="$WORK/clusters/$1" pidf pid pids=()
  for pidf in "$dir"/node-*/pid; do
    pid=$(cat "$pidf" 2>/dev/null) || continue
    pids+=("$pid"); kill -TERM "$pid" 2>/dev/null || true
  done
  # OpenSearch removes its pid file as it exits: wait on the pids read above
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -f "$dir"/node-*/pid
}
