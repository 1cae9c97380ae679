#!/usr/bin/env python3
"""What rewriting a whole document per event costs, with no plugin code in the path.

Overwrites each of 20,000 documents once, in bulks of 1,000, in the profile system index (written by the node's
system_write pool, as profiles are), for several document sizes; beside it, plain _bulk of as many small new
documents into a regular index (the events bench's baseline). Rounds alternate; prints a Markdown report.
A second table measures the floor of a journal design (per event a small document in one of K slots of the
user, routed with the profile; every K-th event of a user also rewrites the whole profile), on the same node.
Usage: write-floor.py URL SIZES_KB ROUNDS [JOURNALS: entry_KB:K:profile_KB[:slots|append],...]
(slots: each event overwrites one of the user's K slots; append: each event creates a new entry document and the
fold deletes the user's K entries — a journal whose events need no read.)
"""
import base64, json, os, random, sys, time, urllib.request
from datetime import datetime, timezone

URL, SIZES, ROUNDS = sys.argv[1], [float(s) for s in sys.argv[2].split(",")], int(sys.argv[3])
JOURNALS = [tuple(float(x) for x in c.split(":")[:3]) + ((c.split(":") + ["slots"])[3],)
            for c in sys.argv[4].split(",")] if len(sys.argv) > 4 and sys.argv[4] else []
PASSES = 8  # events per user in a journal round: every user folds at least once
N, BATCH, INDEX = 20000, 1000, ".interest-profiles"
# the plugin's Lucene codec (stored fields uncompressed, as the plugin creates the index) and Lucene's default (LZ4);
# an entry may add index settings: "InterestProfile104|merge.policy.deletes_pct_allowed=50"
CODECS = os.environ.get("FLOOR_CODECS", "InterestProfile104,default").split(",")
# FLOOR_STEADY=1: each size and design in its own index, created and filled once and written round after round (its
# earlier rounds' deletes and merges pending), instead of a fresh index per round
STEADY = os.environ.get("FLOOR_STEADY") == "1"
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


def cpu_millis():
    stats = call("GET", "/_nodes/_local/stats/process")
    return next(iter(stats["nodes"].values()))["process"]["cpu"]["total_in_millis"]


def quiet():
    """Waits (at most 20 s) until the node uses less than a tenth of a core over half a second."""
    before = cpu_millis()
    for _ in range(40):
        time.sleep(0.5)
        now = cpu_millis()
        if now - before < 50:
            return
        before = now


def run(bs):
    quiet()  # no run pays for the merges of the one before
    t = time.time()
    for b in bs:
        r = call("POST", "/_bulk", b)
        assert not r["errors"], str(r)[:500]
    return N / (time.time() - t)


def profile_index(codec=CODECS[0], index=INDEX):
    """codec: a codec name, optionally followed by |setting=value pairs (index settings, e.g. the merge policy's)."""
    call("DELETE", "/" + index)
    name, *extra = codec.split("|")
    settings = {"number_of_shards": 1, "number_of_replicas": 0, "hidden": True, "refresh_interval": "1s", "codec": name}
    settings.update(kv.split("=", 1) for kv in extra)
    created = call("PUT", "/" + index, {
        "settings": {"index": settings},
        "mappings": {"dynamic": False, "properties": {"user_id": {"type": "keyword"}, "space": {"type": "keyword"},
                                                      "updated": {"type": "long"}}}})
    assert created.get("acknowledged"), created  # else the first bulk would create it with no settings at all


def blob(kb):
    return base64.b64encode(os.urandom(int(kb * 1024))).decode()


def journal_bodies(index, entry_kb, k, profile_kb, mode, seq, prefill):
    """Per event its entry (routed with the profile); every K-th event of a user also the profile (the fold).
    slots: the entry overwrites slot (seq mod K); append: a new entry document, and the fold deletes the K entries."""
    k, out = int(k), []
    passes = 1 if prefill else PASSES
    for _ in range(passes):
        order = ids[:]
        rnd.shuffle(order)
        for f in range(0, N, BATCH):
            lines = []
            for u in order[f:f + BATCH]:
                docs, deletes = [], []
                if prefill:  # the profile (and in slots mode all K slots) exist, as for a returning user
                    docs = [(u, {"profile": blob(profile_kb)})]
                    if mode == "slots":
                        docs += [("%s#%d" % (u, j), {"e": blob(entry_kb)}) for j in range(k)]
                else:
                    s = seq[u] = seq.get(u, 0) + 1
                    docs.append(("%s#%d" % (u, s % k if mode == "slots" else s), {"e": blob(entry_kb)}))
                    if s % k == 0:
                        docs.append((u, {"profile": blob(profile_kb)}))
                        if mode == "append":
                            deletes = ["%s#%d" % (u, j) for j in range(s - k + 1, s + 1)]
                for doc_id, value in docs:
                    op = "create" if mode == "append" and doc_id != u else "index"
                    lines.append(json.dumps({op: {"_index": index, "_id": doc_id, "routing": u}}))
                    lines.append(json.dumps(dict({"user_id": u, "space": "s", "updated": 1}, **value)))
                for doc_id in deletes:
                    lines.append(json.dumps({"delete": {"_index": index, "_id": doc_id, "routing": u}}))
            out.append("\n".join(lines) + "\n")
    return out


ids = ["u%d" % i for i in range(N)]
journal_rows = {c: [] for c in JOURNALS}
rows = {(c, kb): [] for c in CODECS for kb in SIZES}
bulk = []
# warm-up, not counted: the node's JIT and caches for both kinds of write
call("PUT", "/floor-warm", {"settings": {"index": {"number_of_shards": 1, "number_of_replicas": 0}}})
run(bodies("floor-warm", ["w%d" % i for i in range(N)], 0))
call("DELETE", "/floor-warm")
profile_index()
run(bodies(INDEX, ids, SIZES[0]))
run(bodies(INDEX, ids, SIZES[0]))


def size_index(c, kb):
    return INDEX + "-%d-%g" % (CODECS.index(c), kb) if STEADY else INDEX  # a variant's settings are no index name


def journal_index(c):
    return INDEX + "-j%d" % JOURNALS.index(c) if STEADY else INDEX


seqs = {c: {} for c in JOURNALS}  # each user's event count, per design (kept across rounds when steady)
if STEADY:
    call("DELETE", "/" + INDEX)
    for kb in SIZES:
        for c in CODECS:
            profile_index(c, size_index(c, kb))
            run(bodies(size_index(c, kb), ids, kb))  # every document exists
    for c in JOURNALS:
        profile_index(index=journal_index(c))
        run(journal_bodies(journal_index(c), *c, seqs[c], prefill=True))
for r in range(ROUNDS):
    name = "floor-plain-%d" % r
    call("PUT", "/" + name, {"settings": {"index": {"number_of_shards": 1, "number_of_replicas": 0}}})
    b = run(bodies(name, ["e%d-%d" % (r, i) for i in range(N)], 0))
    call("DELETE", "/" + name)
    bulk.append(b)
    for kb in SIZES:
        for c in CODECS:
            if not STEADY:
                profile_index(c)
                run(bodies(INDEX, ids, kb))  # every document exists
            rnd.shuffle(ids)
            # each overwritten once, in another order
            rows[(c, kb)].append((run(bodies(size_index(c, kb), ids, kb)), b))
    for c in JOURNALS:
        if not STEADY:
            profile_index()
            seqs[c] = {}
            run(journal_bodies(INDEX, *c, seqs[c], prefill=True))
        # N * PASSES events
        journal_rows[c].append((run(journal_bodies(journal_index(c), *c, seqs[c], prefill=False)) * PASSES, b))
    print("round %d done" % (r + 1), file=sys.stderr)
for index in {INDEX} | {size_index(c, kb) for c in CODECS for kb in SIZES} | {journal_index(c) for c in JOURNALS}:
    call("DELETE", "/" + index)

pool = call("GET", "/_cat/thread_pool/system_write,write?format=json&h=name,size")
print("""# The floor of whole-document rewrites

Measured %s by `bench/write-floor.sh` on one local node (OpenSearch 3.6.0, heap 2 GB) on this project's machine
(%d cores), one run, %d rounds after a warm-up round, each run started on a quiet node (below a tenth of a core over
half a second). No plugin code runs: the script itself writes the documents.%s

- **Overwrite**: %d documents already in the profile index (`%s`, a system index of this plugin, so written by the
  `system_write` pool as profiles are), each overwritten once per round in bulks of %d, in a shuffled order: the
  write pattern of a clickstream of returning users (one event per user per request, each rewriting the user's
  document). A document is `user_id`, `space`, `updated` and an opaque binary value of the given size, sent and
  stored as base64 text in the JSON source (4/3 of its size; the plugin stores its binary value as bytes, in SMILE).
  Each size is written with the plugin's codec (`InterestProfile104`: stored fields uncompressed, as the plugin
  creates the index) and with Lucene's default (`default`: LZ4), one after the other in every round.
- **Baseline**: plain `_bulk` of as many small new documents (user, item, type, timestamp) into a fresh one-shard
  index: the events bench's baseline. Thread pools here: %s.

| codec of the profile index | stored value | overwrites/s per round | / `_bulk` of the same round | median ratio |
|---|---|---|---|---|
%s

Plain `_bulk` per round: %s docs/s.
%s""" % (datetime.now(timezone.utc).isoformat(), os.cpu_count(), ROUNDS,
       "\n**Steady state** (`FLOOR_STEADY=1`): each size and design has its own index, created and filled once, then"
       "\nwritten round after round — earlier rounds' deletes and merges stay with it." if STEADY else "",
       N, INDEX, BATCH,
       ", ".join("%s %s thread(s)" % (p["name"], p["size"]) for p in pool),
       "\n".join("| `%s` | %.1f KB | %s | %s | **%.2f** |" % (
           c.replace("|", "` + `"), kb,  # a Markdown cell holds no bare | ", ".join("%.0f" % o for o, _ in rows[(c, kb)]), ", ".join("%.2f" % (o / b) for o, b in rows[(c, kb)]),
           sorted(o / b for o, b in rows[(c, kb)])[len(rows[(c, kb)]) // 2]) for kb in SIZES for c in CODECS),
       ", ".join("%.0f" % b for b in bulk),
       "" if not JOURNALS else """
## The floor of a journal design
Each of the %d users has a profile (all its documents routed with it, so on its shard); %d events per user, one per
user per pass in shuffled order, bulks of %d events. `slots`: K journal slots exist per user and each event
overwrites slot (its sequence mod K) with an entry of the given size; `append`: each event creates a new entry
document (so it needs no read), and the fold deletes the user's K entries. In both every K-th event of a user also
rewrites the whole profile (the fold). Same node, same rounds, against the same round's plain `_bulk`. No plugin code
runs.

| design | entry | K | profile | events/s per round | / `_bulk` of the same round | median ratio |
|---|---|---|---|---|---|---|
%s
""" % (N, PASSES, BATCH, "\n".join("| %s | %.1f KB | %d | %.1f KB | %s | %s | **%.2f** |" % (
           m, e, k, pk, ", ".join("%.0f" % o for o, _ in journal_rows[(e, k, pk, m)]),
           ", ".join("%.2f" % (o / b) for o, b in journal_rows[(e, k, pk, m)]),
           sorted(o / b for o, b in journal_rows[(e, k, pk, m)])[len(journal_rows[(e, k, pk, m)]) // 2])
           for (e, k, pk, m) in JOURNALS))))
