package io.interestranking.bench;

import com.fasterxml.jackson.databind.JsonNode;

import io.interestranking.it.Fixtures;
import io.interestranking.it.Rest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Events/s through {@code POST /_plugins/_interest/events} (batches of 1,000, items by index/id, 100 users) next
 * to plain {@code _bulk} indexing of as many small documents, alternating in one run on one node.
 * Usage: EventsBench <node url> <report.md> [events per round] [rounds]
 */
public final class EventsBench {

    static final int ITEMS = 10_000;
    static final int USERS = 100;
    static final int BATCH = 1000;

    public static void main(String[] args) throws Exception {
        Rest rest = new Rest(args[0]);
        Path report = Path.of(args[1]);
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Random random = new Random(42);

        // items with synthetic unit vectors, indexed directly (no pipeline)
        rest.call("DELETE", "/bench-items", null);
        Map<String, Object> index = new java.util.HashMap<>(Fixtures.vectorIndex("none", "title", "title_vector", 1, 0));
        index.put("settings", Map.of("index", Map.of("knn", true, "number_of_shards", 1, "number_of_replicas", 0)));
        rest.ok("PUT", "/bench-items", index);
        for (int from = 0; from < ITEMS; from += 1000) {
            StringBuilder bulk = new StringBuilder();
            for (int i = from; i < from + 1000; i++) {
                bulk.append(Datasets.bulkLine("bench-items", "i" + i, Map.of("title", "item " + i, "title_vector", unit(random))));
            }
            rest.ok("POST", "/_bulk", bulk.toString());
        }
        rest.ok("POST", "/bench-items/_refresh", null);

        // warm-up; the returning users get full profiles: 1,200 events each (5 interests, 1,000 remembered ids)
        eventsRun(rest, random, "w", "w", BATCH * 2);
        bulkRun(rest, random, "w", BATCH * 2);
        eventsRun(rest, random, "steady", "fill", USERS * 1200);

        double[] events = new double[rounds];
        double[] returning = new double[rounds];
        double[] bulk = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            events[r] = perRound / eventsRun(rest, random, "r" + r, "r" + r, perRound);
            bulk[r] = perRound / bulkRun(rest, random, "r" + r, perRound);
            returning[r] = perRound / eventsRun(rest, random, "steady", "s" + r, perRound);
            System.err.printf(Locale.ROOT, "round %d: events %.0f/s, bulk %.0f docs/s, returning users %.0f/s%n", r + 1, events[r],
                bulk[r], returning[r]);
        }
        JsonNode stats = rest.ok("GET", "/_plugins/_interest/stats", null).get("nodes").elements().next();
        double e = IngestBench.median(events), b = IngestBench.median(bulk), s = IngestBench.median(returning);
        String text = String.format(
            Locale.ROOT,
            """
                # Feedback events throughput vs. plain `_bulk`

                Measured %s by `bench/events-bench.sh` on one local node (OpenSearch 3.6.0, k-NN 3.6.0.0, heap 2 GB)
                on this project's machine (%d cores), one run.

                - **Events**: `POST /_plugins/_interest/events` with batches of %d `click` events, each naming an item
                  by `{"index", "id"}` (%d items with synthetic 384-d vectors), spread over %d users (fresh users each
                  round), each with an `event_id`; requests sent one after another; %d events per round.
                - **Baseline**: plain `_bulk` of as many small documents (user, item, type, timestamp), %d per request,
                  into a fresh one-shard index, one request after another.
                - **Returning users** (not part of the target; the steady state of a long-lived user base): the
                  same requests for 100 users whose profiles are full (1,200 events each beforehand: 5 interests,
                  1,000 remembered event ids).
                - Alternating, %d rounds each after a warm-up; medians.

                | | round figures | median |
                |---|---|---|
                | events/s | %s | %.0f |
                | plain `_bulk` docs/s | %s | %.0f |
                | events/s, returning users | %s | %.0f |

                **Ratio events / `_bulk`: %.2f** (ratio of the medians; per round: %s, their median %.2f).
                Returning users / `_bulk`: %.2f.
                Targets: ≥ 2,000 events/s and ≥ 0.5 of `_bulk`.
                Node counters after the run: %s events applied, %s conflicts retried, %s profile writes.
                """,
            Instant.now().toString(), Runtime.getRuntime().availableProcessors(), BATCH, ITEMS, USERS, perRound, BATCH, rounds,
            IngestBench.fmt(events), e, IngestBench.fmt(bulk), b, IngestBench.fmt(returning), s, e / b,
            IngestBench.fmt(ratios(events, bulk)), IngestBench.median(ratios(events, bulk)), s / b,
            stats.get("events_applied"), stats.get("conflicts_retried"), stats.get("profile_writes")
        );
        Files.writeString(report, text);
        System.out.println(text);
    }

    static double[] ratios(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] / b[i];
        }
        return r;
    }

    static List<Float> unit(Random random) {
        float[] v = new float[384];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        List<Float> out = new ArrayList<>(v.length);
        for (float x : v) {
            out.add((float) (x / Math.sqrt(norm)));
        }
        return out;
    }

    /** {@code users}: prefix of the 100 user ids; {@code ids}: prefix of the event ids (unique per run). */
    static double eventsRun(Rest rest, Random random, String users, String ids, int n) throws Exception {
        List<String> bodies = new ArrayList<>();
        long t = System.currentTimeMillis() - 86_400_000L;
        for (int from = 0; from < n; from += BATCH) {
            List<Object> events = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + BATCH); i++) {
                events.add(Map.of("user_id", users + "-u" + random.nextInt(USERS), "type", "click", "event_id", ids + "-e" + i,
                    "timestamp", t + i, "item", Map.of("index", "bench-items", "id", "i" + random.nextInt(ITEMS))));
            }
            bodies.add(Rest.JSON.writeValueAsString(Map.of("events", events)));
        }
        long start = System.nanoTime();
        for (String body : bodies) {
            JsonNode r = rest.ok("POST", "/_plugins/_interest/events", body);
            if (r.get("errors").asBoolean()) {
                throw new IllegalStateException("event errors: " + r.toString().substring(0, 1000));
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static double bulkRun(Rest rest, Random random, String round, int n) throws Exception {
        String name = "bench-plain-" + round;
        rest.call("DELETE", "/" + name, null);
        rest.ok("PUT", "/" + name, Map.of("settings", Map.of("index", Map.of("number_of_shards", 1, "number_of_replicas", 0))));
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < n; from += BATCH) {
            StringBuilder bulk = new StringBuilder();
            for (int i = from; i < Math.min(n, from + BATCH); i++) {
                bulk.append(Datasets.bulkLine(name, round + "-" + i, Map.of("user", "u" + random.nextInt(USERS), "item",
                    "i" + random.nextInt(ITEMS), "type", "click", "timestamp", System.currentTimeMillis())));
            }
            bodies.add(bulk.toString());
        }
        long start = System.nanoTime();
        for (String body : bodies) {
            if (rest.ok("POST", "/_bulk", body).get("errors").asBoolean()) {
                throw new IllegalStateException("bulk errors");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        rest.call("DELETE", "/" + name, null);
        return seconds;
    }
}
