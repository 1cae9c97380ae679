# Shared by the bench scripts: builds the plugin and test classes, prints the classpath to run a bench main.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
DATASETS="${DATASETS:-$ROOT/../shared/datasets}"

bench_classpath() {
  (cd "$ROOT" && mvn -B -q package -DskipTests > "$ROOT/target/bench-build.log" 2>&1) \
    || { grep -E 'ERROR' "$ROOT/target/bench-build.log" >&2; die "the build failed"; }
  # initialize lets the knn-api module attach its jar, which the plugin's classpath names
  (cd "$ROOT" && mvn -B -q -pl plugin-src -am initialize dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$ROOT/plugin-src/target/bench.cp" >/dev/null 2>&1) \
    || die "cannot compute the test classpath"
  echo "$ROOT/plugin-src/target/test-classes:$ROOT/plugin-src/target/classes:$(cat "$ROOT/plugin-src/target/bench.cp")"
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
