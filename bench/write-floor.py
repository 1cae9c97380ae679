#!/usr/bin/env python3
"""What rewriting a whole document per event costs, with no plugin code in the path.

Overwrites each of 20,000 documents once, in bulks of 1,000, in the profile system index (written by the node's
system_write pool, as profiles are), for several document sizes; beside it, plain _bulk of as many small new
documents into a regular index (the events bench's baseline). Rounds alternate; prints a Markdown report.
Usage: write-floor.py URL SIZES_KB ROUNDS
"""
import base64, json, os, random, sys, time, urllib.request
from datetime import datetime, timezone

URL, SIZES, ROUNDS = sys.argv[1], [float(s) for s in sys.argv[2].split(",")], int(sys.argv[3])
N, BATCH, INDEX = 20000, 1000, ".interest-profiles"
rnd = random.Random(1)


def call(method, path, body=None):
    bulk = isinstance(body, str)
    data = body.encode() if bulk else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(URL + path, data=data, method=method,
                                 headers={"Content-Type": "application/x-ndjson" if bulk else "application/json"})
    try:
        with urllib.request.urlopen(req) as r:
            return json.loads(r.read())
    except urllib.error.HTTPError as e:
        return json.loads(e.read())


def bodies(index, ids, kb):
    out = []
    for f in range(0, len(ids), BATCH):
        lines = []
        for i in ids[f:f + BATCH]:
            lines.append(json.dumps({"index": {"_index": index, "_id": i}}))
            if kb:  # a profile-like document: indexed keys and an opaque binary value of kb KB
                doc = {"user_id": i, "space": "s", "updated": 1,
                       "profile": base64.b64encode(os.urandom(int(kb * 1024))).decode()}
            else:  # the events bench's baseline document
                doc = {"user": "u%d" % rnd.randrange(100), "item": "i%d" % rnd.randrange(10000), "type": "click",
                       "timestamp": 1}
            lines.append(json.dumps(doc))
        out.append("\n".join(lines) + "\n")
    return out


def run(bs):
    t = time.time()
    for b in bs:
        r = call("POST", "/_bulk", b)
        assert not r["errors"], str(r)[:500]
    return N / (time.time() - t)


def profile_index():
    call("DELETE", "/" + INDEX)
    call("PUT", "/" + INDEX, {
        "settings": {"index": {"number_of_shards": 1, "number_of_replicas": 0, "hidden": True, "refresh_interval": "1s"}},
        "mappings": {"dynamic": False, "properties": {"user_id": {"type": "keyword"}, "space": {"type": "keyword"},
                                                      "updated": {"type": "long"}}}})


ids = ["u%d" % i for i in range(N)]
rows = {kb: [] for kb in SIZES}
bulk = []
# warm-up, not counted: the node's JIT and caches for both kinds of write
call("PUT", "/floor-warm", {"settings": {"index": {"number_of_shards": 1, "number_of_replicas": 0}}})
run(bodies("floor-warm", ["w%d" % i for i in range(N)], 0))
call("DELETE", "/floor-warm")
profile_index()
run(bodies(INDEX, ids, SIZES[0]))
run(bodies(INDEX, ids, SIZES[0]))
for r in range(ROUNDS):
    name = "floor-plain-%d" % r
    call("PUT", "/" + name, {"settings": {"index": {"number_of_shards": 1, "number_of_replicas": 0}}})
    b = run(bodies(name, ["e%d-%d" % (r, i) for i in range(N)], 0))
    call("DELETE", "/" + name)
    bulk.append(b)
    for kb in SIZES:
        profile_index()
        run(bodies(INDEX, ids, kb))  # every document exists
        rnd.shuffle(ids)
        rows[kb].append((run(bodies(INDEX, ids, kb)), b))  # each overwritten once, in another order
    print("round %d done" % (r + 1), file=sys.stderr)
call("DELETE", "/" + INDEX)

pool = call("GET", "/_cat/thread_pool/system_write,write?format=json&h=name,size")
print("""# The floor of whole-document rewrites

Measured %s by `bench/write-floor.sh` on one local node (OpenSearch 3.6.0, heap 2 GB) on this project's machine
(%d cores), one run, %d rounds after a warm-up round. No plugin code runs: the script itself writes the documents.

- **Overwrite**: %d documents already in the profile index (`%s`, a system index of this plugin, so written by the
  `system_write` pool as profiles are), each overwritten once per round in bulks of %d, in a shuffled order: the
  write pattern of a clickstream of returning users (one event per user per request, each rewriting the user's
  document). A document is `user_id`, `space`, `updated` and an opaque binary value of the given size, sent and
  stored as base64 text in the JSON source (4/3 of its size; the plugin stores its binary value as bytes, in SMILE).
- **Baseline**: plain `_bulk` of as many small new documents (user, item, type, timestamp) into a fresh one-shard
  index: the events bench's baseline. Thread pools here: %s.

| stored value | overwrites/s per round | / `_bulk` of the same round | median ratio |
|---|---|---|---|
%s

Plain `_bulk` per round: %s docs/s.
""" % (datetime.now(timezone.utc).isoformat(), os.cpu_count(), ROUNDS, N, INDEX, BATCH,
       ", ".join("%s %s thread(s)" % (p["name"], p["size"]) for p in pool),
       "\n".join("| %.1f KB | %s | %s | **%.2f** |" % (
           kb, ", ".join("%.0f" % o for o, _ in rows[kb]), ", ".join("%.2f" % (o / b) for o, b in rows[kb]),
           sorted(o / b for o, b in rows[kb])[len(rows[kb]) // 2]) for kb in SIZES),
       ", ".join("%.0f" % b for b in bulk)))
