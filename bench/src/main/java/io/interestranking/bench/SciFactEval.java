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
 * (query vectors from {@code _embed}) and reports nDCG@10 next to the published MTEB figure for the model.
 * Usage: SciFactEval <node url> <scifact dir> <report.md> [model] [query model: the model by default]
 */
public final class SciFactEval {

    static final double PUBLISHED = 0.6451;

    public static void main(String[] args) throws Exception {
        Rest rest = new Rest(args[0]);
        Path dir = Path.of(args[1]);
        Path report = Path.of(args[2]);
        String model = args.length > 3 ? args[3] : "all-minilm-l6-v2";
        // the queries may be embedded by another model of the same space (the int8 model for an fp32 field)
        String queryModel = args.length > 4 ? args[4] : model;

        List<Datasets.Doc> corpus = Datasets.scifactCorpus(dir);
        Map<String, String> queries = Datasets.scifactQueries(dir);
        Map<String, Map<String, Integer>> qrels = Datasets.scifactTestQrels(dir);

        rest.call("DELETE", "/scifact", null);
        rest.ok(
                "PUT",
                "/_ingest/pipeline/scifact",
                Fixtures.pipeline(
                        Map.of("field_map", Map.of("text", "text_vector"), "batch_size", 32, "model", model)));
        rest.ok("PUT", "/scifact", Fixtures.vectorIndex("scifact", "text", "text_vector", 1, 0));
        long start = System.nanoTime();
        for (int from = 0; from < corpus.size(); from += 250) {
            StringBuilder bulk = new StringBuilder();
            for (Datasets.Doc d : corpus.subList(from, Math.min(corpus.size(), from + 250))) {
                bulk.append(Datasets.bulkLine("scifact", d.id(), Map.of("text", d.beirText())));
            }
            JsonNode r = rest.ok("POST", "/_bulk", bulk.toString());
            if (r.get("errors").asBoolean()) {
                throw new IllegalStateException("bulk errors: " + r.toString().substring(0, 2000));
            }
            System.err.printf("indexed %d/%d%n", Math.min(corpus.size(), from + 250), corpus.size());
        }
        double indexSeconds = (System.nanoTime() - start) / 1e9;
        rest.ok("POST", "/scifact/_refresh", null);
        int count = rest.ok("GET", "/scifact/_count", null).get("count").asInt();

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
        double annSum = 0, exactSum = 0, annNoSelf = 0;
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
            List<String> annIds = Rest.ids(rest.ok("POST", "/scifact/_search", knn));
            List<String> exactIds = Rest.ids(rest.ok("POST", "/scifact/_search", exact));
            Map<String, Integer> rel = qrels.get(ids.get(i));
            annSum += Ndcg.at(10, annIds, rel);
            exactSum += Ndcg.at(10, exactIds, rel);
            String qid = ids.get(i);
            List<String> noSelf = new ArrayList<>(annIds);
            noSelf.remove(qid);
            annNoSelf += Ndcg.at(10, noSelf, rel);
        }
        int n = ids.size();
        double ann = annSum / n, ex = exactSum / n, noSelfScore = annNoSelf / n;
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
                """,
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
                noSelfScore);
        Files.writeString(report, text);
        System.out.println(text);
    }
}
