package io.interestranking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.interestranking.it.Fixtures;
import io.interestranking.it.MlCommons;
import io.interestranking.it.Rest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * This plugin beside neural-search on one node (k-NN, job-scheduler, ml-commons, neural-search and this plugin), the
 * same ONNX file (all-MiniLM-L6-v2 fp32) on both sides, in one run, alternating:
 * <ul>
 *   <li>ingest: SciFact titles in bulks of 100 from one client, through {@code interest_embedding} vs. neural-search's
 *       {@code text_embedding} processor (ml-commons' model), each round into a fresh index; the node's CPU use
 *       (cores busy) per round from its process counters;</li>
 *   <li>query, one at a time: SciFact test queries, each used once, {@code text_knn} vs. {@code neural} on the same
 *       index and field (and {@code text_knn} with the int8 query model), the order rotating per query; latency at
 *       the client; then the same arms in blocks, with a fourth: {@code knn} with the text's vector embedded
 *       beforehand (the search without a model call);</li>
 *   <li>query, 8 concurrent clients: throughput of each kind, in alternating blocks.</li>
 * </ul>
 * The query-embedding cache of this plugin is turned off for the run (each query is new to both sides).
 * Usage: NeuralBench <url> <scifact dir> <models dir> <report.md> [texts=2000] [rounds=3] [queries=300]
 */
public final class NeuralBench {

    static final int BULK = 100;
    static final int CLIENTS = 8;

    public static void main(String[] args) throws Exception {
        IngestArgs a = IngestArgs.of(args);
        Rest rest = a.rest();
        Path scifact = a.scifact();
        Path models = a.models();
        Path report = a.report();
        int n = a.texts();
        int rounds = a.rounds();
        int nq = IngestArgs.intArg(args, 6, 300);

        List<String> titles = new ArrayList<>();
        for (Datasets.Doc d : Datasets.scifactCorpus(scifact)) {
            if (d.title().isBlank() == false && titles.size() < n) {
                titles.add(d.title());
            }
        }
        Map<String, Map<String, Integer>> test = Datasets.scifactQrels(scifact, "test");
        List<String> queries = new ArrayList<>(Datasets.scifactQueries(scifact).entrySet().stream()
                .filter(e -> test.containsKey(e.getKey()))
                .map(Map.Entry::getValue)
                .toList());
        queries = queries.subList(0, Math.min(nq, queries.size()));

        rest.ok(
                "PUT",
                "/_cluster/settings",
                Map.of("persistent", Map.of("plugins.interest.query.embedding_cache_size", 0)));
        try (MlCommons ml = new MlCommons(rest, models.resolve("all-minilm-l6-v2"))) {
            String model = ml.registerModel();
            ml.deploy(model);
            rest.ok(
                    "PUT",
                    "/_ingest/pipeline/nb-ours",
                    Fixtures.pipeline(Map.of("field_map", Map.of("title", "title_vector"))));
            rest.ok(
                    "PUT",
                    "/_ingest/pipeline/nb-int8",
                    Fixtures.pipeline(
                            Map.of("field_map", Map.of("title", "title_vector"), "model", "all-minilm-l6-v2-int8")));
            rest.ok(
                    "PUT",
                    "/_ingest/pipeline/nb-theirs",
                    Map.of(
                            "processors",
                            List.of(Map.of(
                                    "text_embedding",
                                    Map.of("model_id", model, "field_map", Map.of("title", "title_vector"))))));

            // ingest: a warm-up round of each, then alternating rounds
            ingest(rest, "ours", titles, "w");
            ingest(rest, "theirs", titles, "w");
            ingest(rest, "int8", titles, "w");
            double[][] ours = new double[rounds][];
            double[][] theirs = new double[rounds][];
            double[][] int8 = new double[rounds][];
            for (int r = 0; r < rounds; r++) {
                if (r % 2 == 0) {
                    ours[r] = ingest(rest, "ours", titles, "r" + r);
                    theirs[r] = ingest(rest, "theirs", titles, "r" + r);
                    int8[r] = ingest(rest, "int8", titles, "r" + r);
                } else {
                    int8[r] = ingest(rest, "int8", titles, "r" + r);
                    theirs[r] = ingest(rest, "theirs", titles, "r" + r);
                    ours[r] = ingest(rest, "ours", titles, "r" + r);
                }
                System.err.printf(
                        Locale.ROOT,
                        "ingest round %d: ours %.0f docs/s (%.2f cores), neural-search %.0f docs/s (%.2f cores),"
                                + " ours int8 %.0f docs/s (%.2f cores)%n",
                        r + 1,
                        ours[r][0],
                        ours[r][1],
                        theirs[r][0],
                        theirs[r][1],
                        int8[r][0],
                        int8[r][1]);
            }

            // queries on one index embedded by this plugin (both models give the same vectors: checked by
            // FullDistributionIT)
            loadQueryIndex(rest, titles);
            for (String q : queries.subList(0, Math.min(20, queries.size()))) { // warm-up with texts not timed below
                time(rest, textKnn("warm-up " + q, null));
                time(rest, textKnn("warm-up " + q, INT8));
                time(rest, neural("warm-up " + q, model));
            }
            double[] tk = new double[queries.size()];
            double[] nn = new double[queries.size()];
            double[] q8 = new double[queries.size()];
            int same = 0, same8 = 0;
            double overlap8 = 0;
            for (int i = 0; i < queries.size(); i++) {
                String q = queries.get(i);
                // three arms, the order rotating per query: text_knn, neural, text_knn with the int8 query model
                String[] bodies = {textKnn(q, null), neural(q, model), textKnn(q, INT8)};
                Object[][] timed = new Object[3][];
                for (int k = 0; k < 3; k++) {
                    int arm = (i + k) % 3;
                    timed[arm] = time(rest, bodies[arm]);
                }
                tk[i] = (double) timed[0][0];
                nn[i] = (double) timed[1][0];
                q8[i] = (double) timed[2][0];
                same += timed[0][1].equals(timed[1][1]) ? 1 : 0;
                same8 += timed[2][1].equals(timed[1][1]) ? 1 : 0;
                List<?> theirsTop = (List<?>) timed[1][1];
                overlap8 += ((List<?>) timed[2][1])
                                .stream().filter(theirsTop::contains).count()
                        / 10.0
                        / queries.size();
            }
            // the same three arms in blocks (no other arm's query in between): shows what the rotation's neighbours
            // cost each arm; two rounds, the block order rotating, fresh texts (a prefix) per round
            int blockSize = Math.min(100, queries.size());
            // a fourth arm: k-NN with the vector of the same text, embedded beforehand (untimed) — the search without
            // a model call, so that the report says where the rest of a text_knn query's time goes
            List<List<Double>> blocks =
                    List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            // where a query's time goes: this plugin's model time from its node stats, ml-commons' from its model
            // profile (the average over its last requests, read after each neural block)
            double[] modelMs = new double[3];
            List<Double> theirModelMs = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                String prefix = "k" + round + " ";
                for (int k = 0; k < 4; k++) {
                    int arm = (round + k) % 4;
                    List<String> bodies = new ArrayList<>();
                    for (String q : queries.subList(0, blockSize)) {
                        bodies.add(
                                switch (arm) {
                                    case 0 -> textKnn(prefix + q, null);
                                    case 1 -> neural(prefix + q, model);
                                    case 2 -> textKnn(prefix + q, INT8);
                                    default -> knn(embed(rest, prefix + q));
                                });
                    }
                    JsonNode before = arm == 1 ? null : QueryBench.nodeStats(rest);
                    for (String body : bodies) {
                        blocks.get(arm).add((double) time(rest, body)[0]);
                    }
                    if (arm == 3) {
                        continue;
                    }
                    if (arm == 1) {
                        JsonNode stats = rest.ok("GET", "/_plugins/_ml/profile/models/" + model, null)
                                .findValue("model_inference_stats");
                        if (stats != null && stats.has("average")) {
                            theirModelMs.add(stats.get("average").asDouble());
                        }
                    } else {
                        long ms = QueryBench.nodeStats(rest)
                                        .get("inference_time_in_millis")
                                        .asLong()
                                - before.get("inference_time_in_millis").asLong();
                        modelMs[arm] += ms / (2.0 * blockSize);
                    }
                }
            }
            double theirModelAvg = theirModelMs.isEmpty()
                    ? Double.NaN
                    : IngestBench.median(theirModelMs.stream()
                            .mapToDouble(Double::doubleValue)
                            .toArray());
            String theirModel = theirModelMs.isEmpty()
                    ? "not reported by ml-commons' profile API"
                    : String.format(
                            Locale.ROOT,
                            "%.2f ms",
                            IngestBench.median(theirModelMs.stream()
                                    .mapToDouble(Double::doubleValue)
                                    .toArray()));
            double[] blockP50 = blocks.stream()
                    .mapToDouble(l -> pct(
                            l.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 50))
                    .toArray();
            double[] tkSorted = tk.clone();
            double[] nnSorted = nn.clone();
            double[] q8Sorted = q8.clone();
            Arrays.sort(tkSorted);
            Arrays.sort(nnSorted);
            Arrays.sort(q8Sorted);

            // 8 clients: each runs the queries (prefixed per block, so that nothing is cached), alternating blocks
            double[] tkQps = new double[2];
            double[] nnQps = new double[2];
            for (int block = 0; block < 2; block++) {
                String prefix = "b" + block + " ";
                List<String> qs = queries;
                if (block == 0) {
                    tkQps[block] = concurrent(
                            rest,
                            qs.stream().map(q -> textKnn(prefix + q, null)).toList());
                    nnQps[block] = concurrent(
                            rest,
                            qs.stream().map(q -> neural(prefix + q, model)).toList());
                } else {
                    nnQps[block] = concurrent(
                            rest,
                            qs.stream().map(q -> neural(prefix + q, model)).toList());
                    tkQps[block] = concurrent(
                            rest,
                            qs.stream().map(q -> textKnn(prefix + q, null)).toList());
                }
            }
            Map<String, Object> reset = new java.util.HashMap<>();
            reset.put("plugins.interest.query.embedding_cache_size", null);
            rest.ok("PUT", "/_cluster/settings", Map.of("persistent", reset));

            double oursMedian = IngestBench.median(col(ours, 0));
            double theirsMedian = IngestBench.median(col(theirs, 0));
            double tkP50 = pct(tkSorted, 50);
            double nnP50 = pct(nnSorted, 50);
            Path plot = report.resolveSibling("neural-comparison.png");
            Plots.bars(
                    "This plugin vs. neural-search (same ONNX file, one node, 2 cores)",
                    "docs/s  |  ms  |  queries/s",
                    List.of("ingest docs/s", "query p50 ms", "8-client queries/s"),
                    List.of("interest-ranking", "neural-search", "interest-ranking int8 (ingest)"),
                    List.of(
                            new double[] {oursMedian, tkP50, IngestBench.median(tkQps)},
                            new double[] {theirsMedian, nnP50, IngestBench.median(nnQps)},
                            new double[] {IngestBench.median(col(int8, 0)), 0, 0}),
                    plot);
            String text = String.format(
                    Locale.ROOT,
                    """
                    # This plugin beside neural-search: ingest and query time

                    Measured %s by `bench/neural-bench.sh` on one local node (OpenSearch 3.6.0 with k-NN, job-scheduler,
                    ml-commons and neural-search 3.6.0.0 from Maven Central, and this plugin; heap 2 GB) on this project's
                    machine (%d cores), one run. Both sides run the same ONNX file (all-MiniLM-L6-v2, fp32): this plugin's
                    bundled copy, served to ml-commons as a zip on loopback and deployed there.

                    ## Ingest
                    %d SciFact titles in bulks of %d from one client, through `interest_embedding` vs. neural-search's
                    `text_embedding` processor, each round into a fresh one-shard index; a warm-up round of each, then %d
                    rounds alternating which goes first. Cores busy: the node process's CPU time over the round's wall time.

                    | | round figures (docs/s) | cores busy per round | median docs/s |
                    |---|---|---|---|
                    | interest_embedding | %s | %s | %.0f |
                    | neural-search text_embedding | %s | %s | %.0f |
                    | interest_embedding, opt-in `all-minilm-l6-v2-int8` | %s | %s | %.0f |

                    **Ratio fp32: %.2f** (medians; per round %s). Target (a): ≥ 1.15.
                    **Ratio int8 / neural-search's fp32: %.2f** (per round %s). Target (b): ≥ 1.6. The int8 model embeds
                    each text in a call of its own (its vectors do not depend on the batch).

                    ## Query time, one query at a time
                    %d SciFact test queries, each used once, `text_knn` vs. `neural` (`k` 10) on the same index and field
                    (%d documents), and `text_knn` with its query embedded by the opt-in int8 model; the order of the three
                    rotating per query; client-side latency. This plugin's query-embedding cache was off.

                    | | p50 ms | p90 ms | p99 ms |
                    |---|---|---|---|
                    | text_knn | %.2f | %.2f | %.2f |
                    | neural | %.2f | %.2f | %.2f |
                    | text_knn, query embedded by the opt-in `all-minilm-l6-v2-int8` (`"model"` in the query) | %.2f | %.2f | %.2f |

                    **text_knn / neural at p50: %.2f**. Target: ≤ 0.75. Identical top 10 for %d of %d queries.
                    With the opt-in int8 query model: **%.2f** of `neural` at p50; identical top 10 for %d of %d queries,
                    %.1f%% of neural's top 10 on average (the documents stay embedded by the fp32 model).

                    The same arms in blocks of %d queries each (no other arm's query in between; two rounds, block order
                    rotating, fresh texts): p50 `text_knn` %.2f ms, `neural` %.2f ms, int8 queries %.2f ms —
                    `text_knn` / `neural` **%.2f**, int8 / `neural` %.2f. The rotation above is the comparison of record;
                    the blocks show how much each arm's time depends on which model ran just before it.
                    The model call inside these blocks, per query: this plugin's fp32 %.2f ms and int8 %.2f ms (the node's
                    `inference_time_in_millis`), ml-commons' %s (`model_inference_stats.average` of its model profile).
                    The same search without a model call — a `knn` query with the vector of the same text, embedded
                    beforehand, in a fourth block — took p50 **%.2f ms**: HTTP, parsing, the k-NN search and the response,
                    the same for both arms. `text_knn`'s block p50 exceeds that search's p50 plus its mean model call by
                    %.2f ms (tokenizing, the hop to the model's thread and back), `neural`'s exceeds it plus ml-commons'
                    call by %.2f ms (arithmetic on p50s and means). At 0.75 of `neural`'s block p50 (%.2f ms), `text_knn`
                    would have %.2f ms after the search for tokenizing, the hop and the model call: this plugin's fp32
                    call alone took %.2f ms of it here, its int8 call %.2f ms.

                    ## Query throughput, %d concurrent clients
                    Each client runs all %d queries (a fresh prefix per block, so nothing is cached); blocks alternate.

                    | | per block (queries/s) | median |
                    |---|---|---|
                    | text_knn | %s | %.1f |
                    | neural | %s | %.1f |

                    Ratio %.2f.

                    ![comparison](neural-comparison.png)
                    """,
                    Instant.now().toString(),
                    Runtime.getRuntime().availableProcessors(),
                    titles.size(),
                    BULK,
                    rounds,
                    IngestBench.fmt(col(ours, 0)),
                    IngestBench.fmt(col(ours, 1)),
                    oursMedian,
                    IngestBench.fmt(col(theirs, 0)),
                    IngestBench.fmt(col(theirs, 1)),
                    theirsMedian,
                    IngestBench.fmt(col(int8, 0)),
                    IngestBench.fmt(col(int8, 1)),
                    IngestBench.median(col(int8, 0)),
                    oursMedian / theirsMedian,
                    IngestBench.fmt(ratios(col(ours, 0), col(theirs, 0))),
                    IngestBench.median(col(int8, 0)) / theirsMedian,
                    IngestBench.fmt(ratios(col(int8, 0), col(theirs, 0))),
                    queries.size(),
                    titles.size(),
                    tkP50,
                    pct(tkSorted, 90),
                    pct(tkSorted, 99),
                    nnP50,
                    pct(nnSorted, 90),
                    pct(nnSorted, 99),
                    pct(q8Sorted, 50),
                    pct(q8Sorted, 90),
                    pct(q8Sorted, 99),
                    tkP50 / nnP50,
                    same,
                    queries.size(),
                    pct(q8Sorted, 50) / nnP50,
                    same8,
                    queries.size(),
                    100 * overlap8,
                    blockSize,
                    blockP50[0],
                    blockP50[1],
                    blockP50[2],
                    blockP50[0] / blockP50[1],
                    blockP50[2] / blockP50[1],
                    modelMs[0],
                    modelMs[2],
                    theirModel,
                    blockP50[3],
                    blockP50[0] - blockP50[3] - modelMs[0],
                    blockP50[1] - blockP50[3] - theirModelAvg,
                    0.75 * blockP50[1],
                    0.75 * blockP50[1] - blockP50[3],
                    modelMs[0],
                    modelMs[2],
                    CLIENTS,
                    queries.size(),
                    IngestBench.fmt(tkQps),
                    IngestBench.median(tkQps),
                    IngestBench.fmt(nnQps),
                    IngestBench.median(nnQps),
                    IngestBench.median(tkQps) / IngestBench.median(nnQps));
            Files.writeString(report, text);
            System.out.println(text);
        }
    }

    static double[] col(double[][] rows, int c) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][c];
        }
        return out;
    }

    static double[] ratios(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] / b[i];
        }
        return r;
    }

    static double pct(double[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q / 100 * sorted.length) - 1)];
    }

    /** One ingest round: docs/s and cores busy. */
    static double[] ingest(Rest rest, String kind, List<String> titles, String round) throws Exception {
        String index = "nb-" + kind + "-" + round;
        rest.call("DELETE", "/" + index, null);
        rest.ok("PUT", "/" + index, Fixtures.itemIndex("nb-" + kind, 1, 0));
        List<String> bulks = new ArrayList<>();
        for (int from = 0; from < titles.size(); from += BULK) {
            StringBuilder bulk = new StringBuilder();
            for (int i = from; i < Math.min(titles.size(), from + BULK); i++) {
                bulk.append(Datasets.bulkLine(index, String.valueOf(i), Map.of("title", titles.get(i))));
            }
            bulks.add(bulk.toString());
        }
        long cpu0 = cpuMillis(rest);
        long start = System.nanoTime();
        for (String bulk : bulks) {
            JsonNode r = rest.ok("POST", "/_bulk", bulk);
            if (r.get("errors").asBoolean()) {
                throw new IllegalStateException(
                        kind + " bulk errors: " + r.toString().substring(0, 500));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cores = (cpuMillis(rest) - cpu0) / 1000.0 / seconds;
        rest.call("DELETE", "/" + index, null);
        return new double[] {titles.size() / seconds, cores};
    }

    static long cpuMillis(Rest rest) {
        JsonNode node = rest.ok("GET", "/_nodes/_local/stats/process", null)
                .get("nodes")
                .elements()
                .next();
        return node.get("process").get("cpu").get("total_in_millis").asLong();
    }

    static void loadQueryIndex(Rest rest, List<String> titles) throws Exception {
        rest.call("DELETE", "/nb-query", null);
        rest.ok("PUT", "/nb-query", Fixtures.itemIndex("nb-ours", 1, 0));
        for (int from = 0; from < titles.size(); from += 500) {
            StringBuilder bulk = new StringBuilder();
            for (int i = from; i < Math.min(titles.size(), from + 500); i++) {
                bulk.append(Datasets.bulkLine("nb-query", String.valueOf(i), Map.of("title", titles.get(i))));
            }
            rest.ok("POST", "/_bulk", bulk.toString());
        }
        rest.ok("POST", "/nb-query/_refresh", null);
        rest.ok("POST", "/nb-query/_forcemerge?max_num_segments=1", null);
    }

    /** The opt-in int8 model, in the fp32 model's space: it may embed the query texts of an fp32 field. */
    static final String INT8 = "all-minilm-l6-v2-int8";

    /** A {@code text_knn} search; {@code queryModel} null: the field's (default) model. */
    static String textKnn(String q, String queryModel) {
        Map<String, Object> textKnn =
                new java.util.HashMap<>(Map.of("field", "title_vector", "query_text", q, "k", 10));
        if (queryModel != null) {
            textKnn.put("model", queryModel);
        }
        return search(Map.of("text_knn", textKnn));
    }

    /** A plain k-NN query with a vector: the search a {@code text_knn} query makes once its text is embedded. */
    static String knn(JsonNode vector) {
        return search(Map.of("knn", Map.of("title_vector", Map.of("vector", vector, "k", 10))));
    }

    /** The top 10 ids of a query. */
    static String search(Map<String, Object> query) {
        return json(Map.of("size", 10, "_source", false, "query", query));
    }

    static JsonNode embed(Rest rest, String text) {
        return rest.ok("POST", "/_plugins/_interest/_embed", Map.of("texts", List.of(text), "kind", "query"))
                .get("vectors")
                .get(0);
    }

    static String neural(String q, String model) {
        return search(Map.of("neural", Map.of("title_vector", Map.of("query_text", q, "model_id", model, "k", 10))));
    }

    static String json(Object o) {
        try {
            return Rest.JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Latency in ms and the ids of the hits. */
    static Object[] time(Rest rest, String body) {
        long start = System.nanoTime();
        JsonNode r = rest.ok("POST", "/nb-query/_search", body);
        double ms = (System.nanoTime() - start) / 1e6;
        return new Object[] {ms, Rest.ids(r)};
    }

    /** Queries/s with CLIENTS threads, each running all the bodies. */
    static double concurrent(Rest rest, List<String> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int offset = c * 37;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < bodies.size(); i++) {
                        rest.ok("POST", "/nb-query/_search", bodies.get((i + offset) % bodies.size()));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return CLIENTS * bodies.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
