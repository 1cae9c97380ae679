# Shared by the bench scripts: builds the plugin and test classes, prints the classpath to run a bench main.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
DATASETS="${DATASETS:-$ROOT/../shared/datasets}"

bench_classpath() {
  # one build of the plugin and the bench module; the classpath written is the bench module's (the last in the reactor)
  mkdir -p "$ROOT/target"
  (cd "$ROOT" && mvn -B -q package -DskipTests dependency:build-classpath -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$ROOT/bench/target/bench.cp" > "$ROOT/target/bench-build.log" 2>&1) \
    || { grep -E 'ERROR' "$ROOT/target/bench-build.log" >&2; die "the build failed"; }
  echo "$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/bench.cp")"
}

# run_bench CLUSTER HTTP TRANSPORT MAIN_CLASS ARGS...: a fresh one-node cluster, the Java main against it, then stop.
run_bench() {
  local cluster=$1 http=$2 transport=$3 main=$4; shift 4
  find_jdk
  local cp; cp=$(bench_classpath)
  start_cluster "$cluster" 1 "$http" "$transport" 2g
  trap "stop_cluster $cluster" EXIT
  "$JAVA_HOME/bin/java" -Xmx2g -cp "$cp" "io.interestranking.bench.$main" "http://127.0.0.1:$http" "$@"
}
