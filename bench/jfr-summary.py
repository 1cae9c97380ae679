#!/usr/bin/env python3
"""Where the samples of a JFR recording went: per thread pool, the hottest methods of the busiest pools, and per
pool the plugin frames nearest to the top of the stack with what they called.
Usage: jfr-summary.py <jfr tool> <recording.jfr>"""
import collections, json, re, subprocess, sys

jfr, recording = sys.argv[1], sys.argv[2]
out = subprocess.run([jfr, "print", "--json", "--stack-depth", "128", "--events", "jdk.ExecutionSample", recording],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(out)["recording"]["events"]


def pool(thread):
    """opensearch[node][system_write][T#1] -> system_write; a merge thread of any index -> merge."""
    if "Merge Thread" in thread:
        return "merge"
    m = re.search(r"\]\[([a-z_]+)\]\[T#", thread)
    return m.group(1) if m else re.sub(r"[#\d]+", "", thread)


def short(frame):
    return frame["method"]["type"]["name"].split("/")[-1] + "." + frame["method"]["name"]


pools, hot, plugin = collections.Counter(), collections.defaultdict(collections.Counter), collections.Counter()
for e in events:
    p = pool(e["values"]["sampledThread"]["javaName"] or "?")
    pools[p] += 1
    frames = (e["values"]["stackTrace"] or {}).get("frames") or []
    if frames:
        hot[p][short(frames[0])] += 1
    top = next((i for i, f in enumerate(frames) if "interestranking" in f["method"]["type"]["name"]), None)
    if top is not None:
        callee = short(frames[top - 1]) if top > 0 else "(itself)"
        plugin[(p, re.sub(r"\$\$Lambda.*", "", short(frames[top])), callee)] += 1

n = len(events)
print("%d samples" % n)
print("\nsamples per thread pool:")
for p, c in pools.most_common(10):
    print("  %5.1f%%  %s" % (100 * c / n, p))
for p, _ in pools.most_common(3):
    print("\nhottest methods on %s (share of that pool's samples):" % p)
    for m, c in hot[p].most_common(8):
        print("  %5.1f%%  %s" % (100 * c / pools[p], m))
print("\nplugin frames nearest the top, and what they called (share of all samples):")
for (p, frame, callee), c in plugin.most_common(15):
    print("  %5.1f%%  %s: %s -> %s" % (100 * c / n, p, frame, callee))
