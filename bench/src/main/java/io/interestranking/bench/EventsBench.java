package io.interestranking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.interestranking.core.profile.FullProfiles;
import io.interestranking.core.profile.ModelParams;
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
 * Events/s through {@code POST /_plugins/_interest/events} (batches of 1,000, items by index/id) next to plain
 * {@code _bulk} indexing of as many small documents, alternating in one run on one node. Four kinds of traffic:
 * the friendly case (100 users, ten events each per request), its returning users with full profiles, and the
 * traffic real users send — a clickstream of {@value #CLICKSTREAM_USERS} users, one event per user per request —
 * for new users and for returning users with full profiles.
 * Usage: EventsBench <node url> <report.md> [events per round] [rounds]
 */
public final class EventsBench {

    static final int ITEMS = 10_000;
    static final int USERS = 100;
    static final int BATCH = 1000;
    static final int CLICKSTREAM_USERS = 20_000;
    static final String SPACE = "all-minilm-l6-v2";
    /** A full profile remembers as many event ids as the plugin keeps by default. */
    static final int REMEMBERED = ModelParams.defaults().recentEventIds();

    public static void main(String[] args) throws Exception {
        Rest rest = new Rest(args[0]);
        Path report = Path.of(args[1]);
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Random random = new Random(42);

        indexItems(rest, random);

        // warm-up; the returning users get full profiles: 1,200 events each (5 interests, the default number of
        // remembered ids)
        eventsRun(rest, random, "w", "w", BATCH * 2);
        bulkRun(rest, random, "w", BATCH * 2);
        eventsRun(rest, random, "steady", "fill", USERS * 1200);
        seedFullProfiles(rest, random, "crowd", CLICKSTREAM_USERS);
        clickstreamRun(rest, random, "crowd", "warm"); // every seeded profile rewritten once by the plugin
        int profileBytes = (int) Math.round(binaryBytes(rest));
        createOverwriteIndex(rest, random, profileBytes);

        double[] events = new double[rounds];
        double[] returning = new double[rounds];
        double[] bulk = new double[rounds];
        double[] crowdNew = new double[rounds];
        double[] crowdBack = new double[rounds];
        // node CPU time per document or event (µs): plain _bulk, clickstream of new and of returning users
        double[] bulkCpu = new double[rounds];
        double[] newCpu = new double[rounds];
        double[] backCpu = new double[rounds];
        double[] overwrite = new double[rounds];
        double[] overwriteCpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            events[r] = perRound
                    / eventsRun(rest, random, "r" + r, "r" + r, perRound).seconds();
            Measured m = clickstreamRun(rest, random, "new" + r, "n" + r);
            crowdNew[r] = CLICKSTREAM_USERS / m.seconds();
            newCpu[r] = m.cpuMicros();
            m = bulkRun(rest, random, "r" + r, perRound);
            bulk[r] = perRound / m.seconds();
            bulkCpu[r] = m.cpuMicros();
            m = overwriteRun(rest, random, profileBytes);
            overwrite[r] = CLICKSTREAM_USERS / m.seconds();
            overwriteCpu[r] = m.cpuMicros();
            m = clickstreamRun(rest, random, "crowd", "c" + r);
            crowdBack[r] = CLICKSTREAM_USERS / m.seconds();
            backCpu[r] = m.cpuMicros();
            returning[r] = perRound
                    / eventsRun(rest, random, "steady", "s" + r, perRound).seconds();
            System.err.printf(
                    Locale.ROOT,
                    "round %d: events %.0f/s, clickstream new %.0f/s, bulk %.0f docs/s, overwrites %.0f docs/s,"
                            + " clickstream returning %.0f/s, returning users %.0f/s%n",
                    r + 1,
                    events[r],
                    crowdNew[r],
                    bulk[r],
                    overwrite[r],
                    crowdBack[r],
                    returning[r]);
        }
        // the size of a full profile as stored: its binary value (vectors, evidence, remembered ids) and the indexed
        // fields (a user id of "crowd-" and up to five digits: 11 characters about)
        double storedKb = (binaryBytes(rest) + 11 + SPACE.length() + 8) / 1024.0;
        JsonNode stats = rest.ok("GET", "/_plugins/_interest/stats", null)
                .get("nodes")
                .elements()
                .next();
        double e = IngestBench.median(events), b = IngestBench.median(bulk), s = IngestBench.median(returning);
        double cn = IngestBench.median(crowdNew), cb = IngestBench.median(crowdBack);
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
                - **Returning users**: the same requests for 100 users whose profiles are full (1,200 events each
                  beforehand: 5 interests, %d remembered event ids: the default).
                - **Clickstream, new users** (the traffic real users send): %d users each round, each clicking once,
                  1,000 users per request (every event of a request is another user's); fresh users every round.
                - **Clickstream, returning users**: the same for %d users whose profiles are full (5 interests with
                  20 evidence ids, short-term and negative interests, %d remembered event ids: seeded in the stored
                  format, then every one rewritten once by the plugin before the rounds).
                - **Overwrites of profile-sized documents** (context for the returning users, not a target): plain
                  `_bulk` overwriting each of %d documents once per round, in a random order, 1,000 per request, in
                  an index with the profile index's settings and codec; a document is `user_id`, `space`, `updated`
                  and random bytes as base64 text as long as a full profile's binary value (%d bytes, the average of
                  the returning users' after the warm-up), so its stored source is a profile's size — what storing
                  that much state per event costs through the REST API without the plugin.
                - Alternating, %d rounds each after a warm-up; medians.

                | | round figures | median | / `_bulk` |
                |---|---|---|---|
                | plain `_bulk` docs/s | %s | %.0f | 1 |
                | events/s, 100 users | %s | %.0f | %.2f |
                | events/s, 100 returning users | %s | %.0f | %.2f |
                | **events/s, clickstream of new users** | %s | %.0f | **%.2f** |
                | **events/s, clickstream of returning users** | %s | %.0f | **%.2f** |
                | overwrites/s of profile-sized documents by plain `_bulk` | %s | %.0f | %.2f |

                Ratios are of the medians. Per round, / `_bulk` of the same round: events of 100 users %s; clickstream
                of new users %s; of returning users %s.

                Every run starts on a quiet node (below a tenth of a core over half a second). The node's CPU time per
                document or event (its process counter from the start of a run until the node is quiet again, so that
                the refreshes and merges a run leaves behind count for it), per round:
                plain `_bulk` %s µs (median %.0f); clickstream of new users %s µs (median %.0f, %.1f× `_bulk`'s); of
                returning users %s µs (median %.0f, %.1f× `_bulk`'s); overwrites of profile-sized documents %s µs
                (median %.0f, %.1f× `_bulk`'s). Returning users' events / overwrites of their size, per round: %s (ratio of the medians %.2f).
                Targets: ≥ 2,000 events/s and ≥ 0.5 of `_bulk`, for the clickstreams too.
                Node counters after the run: %s events applied, %s conflicts retried, %s profile writes.
                A full profile as stored: %.1f KB (binary value and indexed fields, average of %d returning users after
                the run), rewritten whole by every event of its user.
                """,
                Instant.now().toString(),
                Runtime.getRuntime().availableProcessors(),
                BATCH,
                ITEMS,
                USERS,
                perRound,
                BATCH,
                REMEMBERED,
                CLICKSTREAM_USERS,
                CLICKSTREAM_USERS,
                REMEMBERED,
                CLICKSTREAM_USERS,
                profileBytes,
                rounds,
                IngestBench.fmt(bulk),
                b,
                IngestBench.fmt(events),
                e,
                e / b,
                IngestBench.fmt(returning),
                s,
                s / b,
                IngestBench.fmt(crowdNew),
                cn,
                cn / b,
                IngestBench.fmt(crowdBack),
                cb,
                cb / b,
                IngestBench.fmt(overwrite),
                IngestBench.median(overwrite),
                IngestBench.median(overwrite) / b,
                IngestBench.fmt(ratios(events, bulk)),
                IngestBench.fmt(ratios(crowdNew, bulk)),
                IngestBench.fmt(ratios(crowdBack, bulk)),
                IngestBench.fmt(bulkCpu),
                IngestBench.median(bulkCpu),
                IngestBench.fmt(newCpu),
                IngestBench.median(newCpu),
                IngestBench.median(newCpu) / IngestBench.median(bulkCpu),
                IngestBench.fmt(backCpu),
                IngestBench.median(backCpu),
                IngestBench.median(backCpu) / IngestBench.median(bulkCpu),
                IngestBench.fmt(overwriteCpu),
                IngestBench.median(overwriteCpu),
                IngestBench.median(overwriteCpu) / IngestBench.median(bulkCpu),
                IngestBench.fmt(ratios(crowdBack, overwrite)),
                cb / IngestBench.median(overwrite),
                stats.get("events_applied"),
                stats.get("conflicts_retried"),
                stats.get("profile_writes"),
                storedKb,
                BATCH);
        Files.writeString(report, text);
        System.out.println(text);
    }

    /** {@value #ITEMS} items with synthetic unit vectors in {@code bench-items}, indexed directly (no pipeline). */
    static void indexItems(Rest rest, Random random) throws java.io.IOException {
        rest.call("DELETE", "/bench-items", null);
        Map<String, Object> index =
                new java.util.HashMap<>(Fixtures.vectorIndex("none", "title", "title_vector", 1, 0));
        index.put("settings", Map.of("index", Map.of("knn", true, "number_of_shards", 1, "number_of_replicas", 0)));
        rest.ok("PUT", "/bench-items", index);
        for (int from = 0; from < ITEMS; from += 1000) {
            StringBuilder bulk = new StringBuilder();
            for (int i = from; i < from + 1000; i++) {
                bulk.append(Datasets.bulkLine(
                        "bench-items", "i" + i, Map.of("title", "item " + i, "title_vector", unit(random))));
            }
            rest.ok("POST", "/_bulk", bulk.toString());
        }
        rest.ok("POST", "/bench-items/_refresh", null);
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

    /** The clickstream's user numbers 0 … {@value #CLICKSTREAM_USERS} − 1 in a random order. */
    static List<Integer> shuffledUsers(Random random) {
        List<Integer> order = new ArrayList<>();
        for (int u = 0; u < CLICKSTREAM_USERS; u++) {
            order.add(u);
        }
        java.util.Collections.shuffle(order, random);
        return order;
    }

    /** One click of each of the users {@code users}-0… in a random order, 1,000 users per request. */
    static Measured clickstreamRun(Rest rest, Random random, String users, String ids) throws Exception {
        List<Integer> order = shuffledUsers(random);
        return post(
                rest,
                "/_plugins/_interest/events",
                order.size(),
                clicks(
                        random,
                        order.size(),
                        ids,
                        System.currentTimeMillis() - 3_600_000L,
                        i -> users + "-" + order.get(i)));
    }

    /** Request bodies of {@code n} clicks on random items, {@value #BATCH} per request; event i is {@code userOf(i)}'s. */
    static List<String> clicks(Random random, int n, String ids, long t, java.util.function.IntFunction<String> userOf)
            throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < n; from += BATCH) {
            List<Object> events = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + BATCH); i++) {
                events.add(Map.of(
                        "user_id",
                        userOf.apply(i),
                        "type",
                        "click",
                        "event_id",
                        ids + "-e" + i,
                        "timestamp",
                        t + i,
                        "item",
                        Map.of("index", "bench-items", "id", "i" + random.nextInt(ITEMS))));
            }
            bodies.add(Rest.JSON.writeValueAsString(Map.of("events", events)));
        }
        return bodies;
    }

    /**
     * A timed run: its wall time, and the node's CPU time per event or document (µs) from its start until the node is
     * quiet again ({@link #settle}), so that the refreshes and merges it leaves behind count for it.
     */
    record Measured(double seconds, double cpuMicros) {}

    /** Quiet: below a tenth of a core over half a second. */
    static final int QUIET_MS_PER_HALF_SECOND = 50;

    /** Waits until the node is quiet (at most 20 s), so that a run neither pays for the one before nor hides its own. */
    static void settle(Rest rest) throws InterruptedException {
        long before = NeuralBench.cpuMillis(rest);
        for (int i = 0; i < 40; i++) {
            Thread.sleep(500);
            long now = NeuralBench.cpuMillis(rest);
            if (now - before < QUIET_MS_PER_HALF_SECOND) {
                return;
            }
            before = now;
        }
    }

    /** Sends the bodies one after another to {@code path} (the events API or _bulk: both answer "errors"). */
    static Measured post(Rest rest, String path, int n, List<String> bodies) throws InterruptedException {
        settle(rest);
        long cpu0 = NeuralBench.cpuMillis(rest);
        long start = System.nanoTime();
        for (String body : bodies) {
            JsonNode r = rest.ok("POST", path, body);
            if (r.get("errors").asBoolean()) {
                throw new IllegalStateException(
                        path + " errors: " + r.toString().substring(0, 1000));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        settle(rest);
        return new Measured(seconds, (NeuralBench.cpuMillis(rest) - cpu0) * 1000.0 / n);
    }

    /**
     * Full profiles written straight into the profile index in its stored form (JSON here: the plugin reads base64 as
     * it reads SMILE's binary) — as large as after 1,200 events, without sending 1,200 events per user.
     */
    static void seedFullProfiles(Rest rest, Random random, String users, int n) throws Exception {
        seedFullProfiles(rest, random, users, n, () -> 1200);
    }

    /** The same, each profile with the event count {@code eventCounts} gives. */
    static void seedFullProfiles(
            Rest rest, Random random, String users, int n, java.util.function.IntSupplier eventCounts)
            throws Exception {
        long now = System.currentTimeMillis() - 7_200_000L;
        for (int from = 0; from < n; from += 500) {
            StringBuilder bulk = new StringBuilder();
            for (int u = from; u < Math.min(n, from + 500); u++) {
                Map<String, Object> doc = FullProfiles.source(
                        users + "-" + u,
                        SPACE,
                        now,
                        eventCounts.getAsInt(),
                        5,
                        20,
                        REMEMBERED,
                        () -> array(unit(random)),
                        () -> "bench-items/i" + random.nextInt(ITEMS),
                        random);
                bulk.append(Datasets.bulkLine(".interest-profiles", SPACE + "/" + users + "-" + u, doc));
            }
            if (rest.ok("POST", "/_bulk", bulk.toString()).get("errors").asBoolean()) {
                throw new IllegalStateException("seeding profiles failed");
            }
        }
        rest.ok("POST", "/.interest-profiles/_refresh", null);
    }

    static float[] array(List<Float> v) {
        float[] a = new float[v.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = v.get(i);
        }
        return a;
    }

    /** {@code users}: prefix of the 100 user ids; {@code ids}: prefix of the event ids (unique per run). */
    static Measured eventsRun(Rest rest, Random random, String users, String ids, int n) throws Exception {
        return post(
                rest,
                "/_plugins/_interest/events",
                n,
                clicks(
                        random,
                        n,
                        ids,
                        System.currentTimeMillis() - 86_400_000L,
                        i -> users + "-u" + random.nextInt(USERS)));
    }

    static final String OVERWRITE_INDEX = "bench-overwrite";

    /** The average binary value of {@value #BATCH} of the returning users' profiles ({@code crowd-…}), in bytes. */
    static double binaryBytes(Rest rest) {
        JsonNode hits = rest.ok(
                        "POST",
                        "/.interest-profiles/_search",
                        Map.of("size", BATCH, "query", Map.of("prefix", Map.of("user_id", "crowd-"))))
                .get("hits")
                .get("hits");
        double sum = 0;
        for (JsonNode hit : hits) {
            sum += java.util.Base64.getDecoder()
                    .decode(hit.get("_source").get("profile").asText())
                    .length;
        }
        return sum / hits.size();
    }

    /** The overwrites' index, with the mapping, codec and refresh of the profile index, every document written once. */
    static void createOverwriteIndex(Rest rest, Random random, int bytes) throws Exception {
        rest.call("DELETE", "/" + OVERWRITE_INDEX, null);
        JsonNode settings = rest.ok("GET", "/.interest-profiles/_settings?flat_settings=true", null)
                .elements()
                .next()
                .get("settings");
        JsonNode mapping = rest.ok("GET", "/.interest-profiles/_mapping", null)
                .elements()
                .next()
                .get("mappings");
        rest.ok(
                "PUT",
                "/" + OVERWRITE_INDEX,
                Map.of(
                        "settings",
                        Map.of(
                                "index",
                                Map.of(
                                        "number_of_shards",
                                        1,
                                        "number_of_replicas",
                                        0,
                                        "refresh_interval",
                                        settings.get("index.refresh_interval").asText(),
                                        "codec",
                                        settings.get("index.codec").asText())),
                        "mappings",
                        mapping));
        overwriteRun(rest, random, bytes);
    }

    /** Each of the overwrites' {@value #CLICKSTREAM_USERS} documents written once, in a random order. */
    static Measured overwriteRun(Rest rest, Random random, int bytes) throws Exception {
        List<Integer> order = shuffledUsers(random);
        byte[] value = new byte[bytes * 3 / 4]; // as base64, as long as the profile's binary value
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < order.size(); from += BATCH) {
            StringBuilder bulk = new StringBuilder();
            for (int i = from; i < Math.min(order.size(), from + BATCH); i++) {
                random.nextBytes(value);
                String user = "crowd-" + order.get(i);
                bulk.append(Datasets.bulkLine(
                        OVERWRITE_INDEX,
                        SPACE + "/" + user,
                        Map.of(
                                "user_id",
                                user,
                                "space",
                                SPACE,
                                "updated",
                                System.currentTimeMillis(),
                                "profile",
                                java.util.Base64.getEncoder().encodeToString(value))));
            }
            bodies.add(bulk.toString());
        }
        return post(rest, "/_bulk", order.size(), bodies);
    }

    static Measured bulkRun(Rest rest, Random random, String round, int n) throws Exception {
        String name = "bench-plain-" + round;
        rest.call("DELETE", "/" + name, null);
        rest.ok(
                "PUT",
                "/" + name,
                Map.of("settings", Map.of("index", Map.of("number_of_shards", 1, "number_of_replicas", 0))));
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < n; from += BATCH) {
            StringBuilder bulk = new StringBuilder();
            for (int i = from; i < Math.min(n, from + BATCH); i++) {
                bulk.append(Datasets.bulkLine(
                        name,
                        round + "-" + i,
                        Map.of(
                                "user",
                                "u" + random.nextInt(USERS),
                                "item",
                                "i" + random.nextInt(ITEMS),
                                "type",
                                "click",
                                "timestamp",
                                System.currentTimeMillis())));
            }
            bodies.add(bulk.toString());
        }
        Measured measured = post(rest, "/_bulk", n, bodies);
        rest.call("DELETE", "/" + name, null);
        return measured;
    }
}
