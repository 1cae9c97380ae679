package io.interestranking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.interestranking.it.Fixtures;
import io.interestranking.it.Rest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Indexes BEIR SciFact through the {@code interest_embedding} pipeline, runs the 300 test queries as k-NN queries
 * (query vectors from {@code _embed}) and reports nDCG@10 next to the published MTEB figure for the model; for another
 * model than the default, the default too in the same run, with the difference paired per query.
 * Usage: SciFactEval <node url> <scifact dir> <report.md> [model] [query model: the model by default]
 */
public final class SciFactEval {

    static final double PUBLISHED = 0.6451;

    static final String DEFAULT = "all-minilm-l6-v2";

    public static void main(String[] args) throws Exception {
        Rest rest = new Rest(args[0]);
        Path dir = Path.of(args[1]);
        Path report = Path.of(args[2]);
        String model = args.length > 3 ? args[3] : DEFAULT;
        // the queries may be embedded by another model of the same space (the int8 model for an fp32 field)
        String queryModel = args.length > 4 ? args[4] : model;

        List<Datasets.Doc> corpus = Datasets.scifactCorpus(dir);
        Map<String, String> queries = Datasets.scifactQueries(dir);
        Map<String, Map<String, Integer>> qrels = Datasets.scifactQrels(dir, "test");
        // the comparison with fp32 below is also made on the train queries: a second, larger sample of the difference
        Map<String, Map<String, Integer>> trainQrels = Datasets.scifactQrels(dir, "train");
        Run run = evaluate(rest, "scifact", corpus, queries, qrels, trainQrels, model, queryModel);
        // another model than the default: the default too, on the same node, so that the difference is paired per query
        String comparison = "";
        if (model.equals(DEFAULT) == false || queryModel.equals(DEFAULT) == false) {
            Run fp32 = model.equals(DEFAULT)
                    // the same fp32 documents: only the queries' model differs, so they are not indexed twice
                    ? scored(rest, "scifact", run.count(), run.indexSeconds(), queries, qrels, trainQrels, DEFAULT)
                    : evaluate(rest, "scifact-fp32", corpus, queries, qrels, trainQrels, DEFAULT, DEFAULT);
            double[] d = Ndcg.pairedDifference(run.ann(), fp32.ann());
            double[] e = Ndcg.pairedDifference(run.exact(), fp32.exact());
            double[] t = Ndcg.pairedDifference(run.trainAnn(), fp32.trainAnn());
            comparison = String.format(
                    java.util.Locale.ROOT,
                    """

                    The default fp32 model in the same run (documents and queries, same node): k-NN %.4f, exact %.4f;
                    indexed at %.1f docs/s (this run's model: %.2f×). Differences, paired per query (± one standard
                    error of the mean difference): k-NN **%+.4f ± %.4f** (%.1f standard errors), exact %+.4f ± %.4f;
                    %d of %d queries score differently with k-NN.
                    On the %d train queries (`qrels/train.tsv`, k-NN only; not the published benchmark's queries): fp32
                    %.4f, this run's model %.4f, paired difference **%+.4f ± %.4f** (%.1f standard errors); %d score
                    differently.
                    """,
                    mean(fp32.ann()),
                    mean(fp32.exact()),
                    fp32.count() / fp32.indexSeconds(),
                    (run.count() / run.indexSeconds()) / (fp32.count() / fp32.indexSeconds()),
                    d[0],
                    d[1],
                    d[0] / d[1],
                    e[0],
                    e[1],
                    differing(run.ann(), fp32.ann()),
                    run.ann().length,
                    run.trainAnn().length,
                    mean(fp32.trainAnn()),
                    mean(run.trainAnn()),
                    t[0],
                    t[1],
                    t[0] / t[1],
                    differing(run.trainAnn(), fp32.trainAnn()));
        }
        double ann = mean(run.ann()), ex = mean(run.exact()), noSelfScore = mean(run.noSelf());
        int n = run.ann().length, count = run.count();
        double indexSeconds = run.indexSeconds();
        String text = String.format(
                java.util.Locale.ROOT,
                """
                # SciFact retrieval quality (%s through the plugin)

                Measured %s by `bench/scifact-eval.sh` on one local node (OpenSearch 3.6.0, k-NN 3.6.0.0, lucene HNSW,
                cosine), on this project's 2-core machine.

                - Corpus: BEIR SciFact, %d documents; text = title + " " + abstract (as BEIR does), embedded by the
                  `interest_embedding` processor (max 256 word pieces, truncating) in `_bulk` requests of 250.
                  Indexed in %.1f s (%.1f docs/s, documents of up to 256 word pieces).
                - Queries: the %d test queries of `qrels/test.tsv`, embedded with `POST /_plugins/_interest/_embed` by
                  `%s`.
                - Metric: mean nDCG@10 (binary relevance from qrels, trec_eval formula).

                | retrieval | nDCG@10 |
                |---|---|
                | k-NN query (lucene HNSW, k=100) | %.4f |
                | exact cosine (k-NN `knn_score` script over all documents) | %.4f |
                | published (MTEB, sentence-transformers) | %.4f |

                Difference of the k-NN query from the published figure: %+.4f (target: within 0.005).
                With a document whose id equals the query id removed from the ranking (BEIR's `ignore_identical_ids`):
                %.4f.
                %s""",
                model,
                Instant.now().toString(),
                count,
                indexSeconds,
                count / indexSeconds,
                n,
                queryModel,
                ann,
                ex,
                PUBLISHED,
                ann - PUBLISHED,
                noSelfScore,
                comparison);
        Files.writeString(report, text);
        System.out.println(text);
    }

    /**
     * One model's run: documents indexed, seconds it took, per test query nDCG@10 of k-NN, exact and without self, and
     * per train query of k-NN.
     */
    record Run(int count, double indexSeconds, double[] ann, double[] exact, double[] noSelf, double[] trainAnn) {}

    /** Per query nDCG@10 of k-NN, of exact cosine (when asked) and of k-NN without a document of the query's id. */
    record Scores(double[] ann, double[] exact, double[] noSelf) {}

    /** Indexes the corpus into {@code index} through a pipeline of {@code model}, runs the test and train queries. */
    static Run evaluate(
            Rest rest,
            String index,
            List<Datasets.Doc> corpus,
            Map<String, String> queries,
            Map<String, Map<String, Integer>> qrels,
            Map<String, Map<String, Integer>> trainQrels,
            String model,
            String queryModel)
            throws java.io.IOException {

        rest.call("DELETE", "/" + index, null);
        rest.ok(
                "PUT",
                "/_ingest/pipeline/" + index,
                Fixtures.pipeline(
                        Map.of("field_map", Map.of("text", "text_vector"), "batch_size", 32, "model", model)));
        rest.ok("PUT", "/" + index, Fixtures.vectorIndex(index, "text", "text_vector", 1, 0));
        long start = System.nanoTime();
        for (int from = 0; from < corpus.size(); from += 250) {
            StringBuilder bulk = new StringBuilder();
            for (Datasets.Doc d : corpus.subList(from, Math.min(corpus.size(), from + 250))) {
                bulk.append(Datasets.bulkLine(index, d.id(), Map.of("text", d.beirText())));
            }
            JsonNode r = rest.ok("POST", "/_bulk", bulk.toString());
            if (r.get("errors").asBoolean()) {
                throw new IllegalStateException("bulk errors: " + r.toString().substring(0, 2000));
            }
            System.err.printf("indexed %d/%d%n", Math.min(corpus.size(), from + 250), corpus.size());
        }
        double indexSeconds = (System.nanoTime() - start) / 1e9;
        rest.ok("POST", "/" + index + "/_refresh", null);
        int count = rest.ok("GET", "/" + index + "/_count", null).get("count").asInt();
        return scored(rest, index, count, indexSeconds, queries, qrels, trainQrels, queryModel);
    }

    /** The test and train queries, embedded by {@code queryModel}, against the indexed corpus. */
    static Run scored(
            Rest rest,
            String index,
            int count,
            double indexSeconds,
            Map<String, String> queries,
            Map<String, Map<String, Integer>> qrels,
            Map<String, Map<String, Integer>> trainQrels,
            String queryModel)
            throws java.io.IOException {
        Scores test = score(rest, index, queries, qrels, queryModel, true);
        Scores train = score(rest, index, queries, trainQrels, queryModel, false);
        return new Run(count, indexSeconds, test.ann(), test.exact(), test.noSelf(), train.ann());
    }

    static Scores score(
            Rest rest,
            String index,
            Map<String, String> queries,
            Map<String, Map<String, Integer>> qrels,
            String queryModel,
            boolean withExact)
            throws java.io.IOException {
        List<String> ids = new ArrayList<>(qrels.keySet());
        List<String> texts = new ArrayList<>();
        for (String id : ids) {
            texts.add(queries.get(id));
        }
        List<float[]> vectors = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += 100) {
            JsonNode v = rest.ok(
                            "POST",
                            "/_plugins/_interest/_embed",
                            Map.of(
                                    "texts",
                                    texts.subList(from, Math.min(texts.size(), from + 100)),
                                    "kind",
                                    "query",
                                    "model",
                                    queryModel))
                    .get("vectors");
            v.forEach(n -> vectors.add(Rest.vector(n)));
        }
        double[] ann = new double[ids.size()],
                exactScores = new double[ids.size()],
                noSelfScores = new double[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            Map<String, Object> knn = Map.of(
                    "size",
                    10,
                    "_source",
                    false,
                    "query",
                    Map.of("knn", Map.of("text_vector", Map.of("vector", vectors.get(i), "k", 100))));
            Map<String, Object> exact = Map.of(
                    "size",
                    10,
                    "_source",
                    false,
                    "query",
                    Map.of(
                            "script_score",
                            Map.of(
                                    "query",
                                    Map.of("match_all", Map.of()),
                                    "script",
                                    Map.of(
                                            "source",
                                            "knn_score",
                                            "lang",
                                            "knn",
                                            "params",
                                            Map.of(
                                                    "field",
                                                    "text_vector",
                                                    "query_value",
                                                    vectors.get(i),
                                                    "space_type",
                                                    "cosinesimil")))));
            List<String> annIds = Rest.ids(rest.ok("POST", "/" + index + "/_search", knn));
            Map<String, Integer> rel = qrels.get(ids.get(i));
            ann[i] = Ndcg.at(10, annIds, rel);
            if (withExact) {
                exactScores[i] = Ndcg.at(10, Rest.ids(rest.ok("POST", "/" + index + "/_search", exact)), rel);
            }
            String qid = ids.get(i);
            List<String> noSelf = new ArrayList<>(annIds);
            noSelf.remove(qid);
            noSelfScores[i] = Ndcg.at(10, noSelf, rel);
        }
        return new Scores(ann, exactScores, noSelfScores);
    }

    static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElse(Double.NaN);
    }

    static int differing(double[] a, double[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += Math.abs(a[i] - b[i]) > 1e-12 ? 1 : 0;
        }
        return n;
    }
}
