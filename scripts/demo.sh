#!/usr/bin/env bash
# Brings up a local OpenSearch 3.6.0 with k-NN and this plugin (downloaded through Maven), creates the
# `items` pipeline and index, loads the demo catalog through the pipeline and runs a semantic search.
# `--lang zh`: a Chinese catalog (`zh-items`) embedded with the bundled bge-small-zh-v1.5, Chinese searches, the
# page in Chinese. The node keeps running on http://127.0.0.1:9200; stop it with: scripts/demo.sh stop
set -euo pipefail
source "$(dirname "$0")/lib.sh"
find_jdk
URL=http://127.0.0.1:9200
PAGE_PORT=${DEMO_PAGE_PORT:-8000}
PAGE_PID="$WORK/demo-page.pid"
stop_page() { [ -f "$PAGE_PID" ] && kill "$(cat "$PAGE_PID")" 2>/dev/null; rm -f "$PAGE_PID"; }
if [ "${1:-}" = "stop" ]; then stop_page; stop_cluster demo; log "demo node and page stopped"; exit 0; fi
LANG_=en
if [ "${1:-}" = "--lang" ]; then LANG_=${2:-en}; fi
case "$LANG_" in
  # THETA MU RHO TAU: the interest rule and re-clustering threshold calibrated for the model on this catalog
  # (bench/topics-report.md)
  en) INDEX=items MODEL=all-minilm-l6-v2 DIM=384 THETA=0.30 MU=0.30 RHO=0.45 TAU=0.34
      QUERIES=("something to keep my feet dry on a glacier" "gear for watching planets at night") ;;
  zh) INDEX=zh-items MODEL=bge-small-zh-v1.5 DIM=512 THETA=0.50 MU=0.60 RHO=0.63 TAU=0.50
      QUERIES=("下雨天爬山时让脚保持干燥" "晚上看星星用的装备") ;;
  *) die "unknown language [$LANG_]: en or zh" ;;
esac
COUNT=${DEMO_ITEMS:-3000}

start_cluster demo 1 9200 9300 1g

call() { curl -fsS -H 'Content-Type: application/json' -X "$1" "$URL$2" ${3:+-d "$3"}; }

call PUT /_cluster/settings "{ \"persistent\": { \"plugins.interest.profile.spawn_threshold\": $THETA,
  \"plugins.interest.profile.merge_threshold\": $MU, \"plugins.interest.profile.cohesion\": $RHO,
  \"plugins.interest.profile.recluster_every\": 10, \"plugins.interest.profile.recluster_threshold\": $TAU } }" >/dev/null
log "creating the ingest pipeline [$INDEX] and the index [$INDEX]"
call PUT /_ingest/pipeline/$INDEX "{
  \"description\": \"embed title and description with the bundled $MODEL\",
  \"processors\": [ { \"interest_embedding\": {
    \"field_map\": { \"title\": \"title_vector\", \"description\": \"description_vector\" },
    \"model\": \"$MODEL\", \"batch_size\": 32 } } ] }" >/dev/null
curl -s -X DELETE "$URL/$INDEX" >/dev/null
vector="{ \"type\": \"knn_vector\", \"dimension\": $DIM, \"method\": { \"name\": \"hnsw\", \"engine\": \"lucene\", \"space_type\": \"cosinesimil\" } }"
call PUT /$INDEX "{
  \"settings\": { \"index\": { \"knn\": true, \"default_pipeline\": \"$INDEX\", \"number_of_shards\": 1, \"number_of_replicas\": 0 } },
  \"mappings\": { \"properties\": {
    \"title\": { \"type\": \"text\" }, \"description\": { \"type\": \"text\" }, \"category\": { \"type\": \"keyword\" },
    \"price\": { \"type\": \"float\" }, \"title_vector\": $vector, \"description_vector\": $vector } } }" >/dev/null

log "embedding and indexing $COUNT demo items through the pipeline"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 "$ROOT/demo/catalog.py" "$COUNT" "$INDEX" "$LANG_" > "$tmp/catalog.ndjson"
split -l 400 -d -a 4 "$tmp/catalog.ndjson" "$tmp/part-"
parts=("$tmp"/part-*); done_docs=0; start=$(date +%s.%N)
for part in "${parts[@]}"; do
  resp=$(curl -fsS -H 'Content-Type: application/x-ndjson' -X POST "$URL/_bulk" --data-binary "@$part")
  echo "$resp" | grep -q '"errors":false' || { echo "$resp" | head -c 2000 >&2; die "bulk failed"; }
  done_docs=$((done_docs + 200)); [ "$done_docs" -le "$COUNT" ] || done_docs=$COUNT
  pct=$((done_docs * 100 / COUNT)); bar=$(printf '%*s' $((pct / 4)) '' | tr ' ' '#')
  printf '\r  [%-25s] %3d%%  %d/%d items' "$bar" "$pct" "$done_docs" "$COUNT" >&2
done
elapsed=$(python3 -c "import time; print(f'{time.time() - $start:.1f}')")
printf '\n' >&2
call POST /$INDEX/_refresh >/dev/null
log "indexed $(call GET /$INDEX/_count | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])') items in ${elapsed}s"

search() {
  local q="$1"
  echo "  query: \"$q\""
  call POST /$INDEX/_search "{\"size\": 5, \"_source\": [\"title\", \"category\"],
    \"query\": {\"text_knn\": {\"field\": \"description_vector\", \"query_text\": \"$q\", \"k\": 20}}}" \
    | python3 -c 'import json,sys
for h in json.load(sys.stdin)["hits"]["hits"]:
    s = h["_source"]
    print("    %.3f  %-45s [%s]" % (h["_score"], s["title"], s["category"]))'
}
echo
echo "Semantic search with text_knn (the words need not match: the vectors do):"
for q in "${QUERIES[@]}"; do search "$q"; done

python3 "$ROOT/demo/personalize.py" "$URL" "$LANG_"

stop_page
setsid nohup python3 "$ROOT/demo/server.py" --port "$PAGE_PORT" --opensearch "$URL" --lang "$LANG_" > "$WORK/demo-page.log" 2>&1 &
echo $! > "$PAGE_PID"
cat <<TXT

Open the demo page: http://127.0.0.1:$PAGE_PORT/  (search as ana, ben or carla; click results to re-rank;
tick "explain" to see each score's parts).

The node is still running at $URL with k-NN and interest-ranking. Try (searches find their model by the field's
dimension; a profile read or a text names it):
  curl -s "$URL/_plugins/_interest/users/ana?include_vectors=false&model=$MODEL"
  curl -s -XPOST "$URL/$INDEX/_search?size=3" -H 'Content-Type: application/json' -d '{
    "query": {"text_knn": {"field": "description_vector", "query_text": "${QUERIES[0]}", "k": 50}},
    "rescore": {"window_size": 50, "interest": {"user_id": "ben", "field": "description_vector"}}}'
  curl -s -XPOST $URL/_plugins/_interest/_embed -H 'Content-Type: application/json' -d '{"texts": ["${QUERIES[1]}"], "model": "$MODEL"}'
Stop it with:
  scripts/demo.sh stop
TXT
