package io.interestranking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.interestranking.core.embedding.EmbeddingService;
import io.interestranking.core.embedding.ModelRegistry;
import io.interestranking.core.embedding.NativeRuntime;
import io.interestranking.core.embedding.TextKind;
import io.interestranking.it.Fixtures;
import io.interestranking.it.Rest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Ingest throughput of {@code _bulk} through the {@code interest_embedding} pipeline on one node, next to the
 * same model on the same texts in this bare JVM (tokenizer + ONNX Runtime, same batching, same thread count),
 * alternating the two in one run. Usage: IngestBench <node url> <scifact dir> <models dir> <report.md> [texts] [rounds]
 */
public final class IngestBench {

    public static void main(String[] args) throws Exception {
        IngestArgs a = IngestArgs.of(args);
        Rest rest = a.rest();
        int n = a.texts();
        int rounds = a.rounds();
        int threads = Runtime.getRuntime().availableProcessors();

        List<String> texts = new ArrayList<>();
        for (Datasets.Doc d : Datasets.scifactCorpus(a.scifact())) {
            if (texts.size() < n) {
                texts.add(d.title());
            }
        }

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Path tmp = Files.createTempDirectory("ingest-bench");
        EmbeddingService bare = new EmbeddingService(
                new ModelRegistry(List.of(a.models())),
                new NativeRuntime(tmp, 1, 1),
                pool,
                () -> 8192,
                new io.interestranking.core.stats.InterestStats(),
                EmbeddingService::readResidentBytes);
        rest.ok("PUT", "/_ingest/pipeline/bench-ingest", Fixtures.titlePipeline());

        // warm-up: model load and JIT on both sides
        bareRun(bare, texts.subList(0, 200));
        pipelineRun(rest, texts.subList(0, 200));

        double[] bareRates = new double[rounds];
        double[] pipeRates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            bareRates[r] = n / bareRun(bare, texts);
            pipeRates[r] = n / pipelineRun(rest, texts);
            System.err.printf(
                    Locale.ROOT,
                    "round %d: bare %.1f texts/s, pipeline %.1f docs/s%n",
                    r + 1,
                    bareRates[r],
                    pipeRates[r]);
        }
        // throughput by batch size (one round each): texts per inference task / the processor's batch_size
        int[] sizes = {1, 8, 32, 128};
        double[] bareBySize = new double[sizes.length];
        double[] pipeBySize = new double[sizes.length];
        StringBuilder sweep = new StringBuilder();
        for (int i = 0; i < sizes.length; i++) {
            rest.ok(
                    "PUT",
                    "/_ingest/pipeline/bench-ingest",
                    Fixtures.pipeline(Map.of("field_map", Map.of("title", "title_vector"), "batch_size", sizes[i])));
            bareBySize[i] = n / bareRun(bare, texts, sizes[i]);
            pipeBySize[i] = n / pipelineRun(rest, texts);
            sweep.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f |%n", sizes[i], bareBySize[i], pipeBySize[i]));
        }
        Plots.bars(
                "Ingest throughput by batch size (" + n + " SciFact titles)",
                "texts/s",
                java.util.Arrays.stream(sizes).mapToObj(x -> "batch " + x).toList(),
                List.of("bare JVM", "pipeline _bulk"),
                List.of(bareBySize, pipeBySize),
                a.report().resolveSibling("ingest-batch-size.png"));
        bare.close();
        pool.shutdown();

        double bareMedian = median(bareRates), pipeMedian = median(pipeRates);
        String text = String.format(
                Locale.ROOT,
                """
                # Ingest throughput: `_bulk` through `interest_embedding` vs. the bare JVM

                Measured %s by `bench/ingest-bench.sh`, on this project's machine (%d cores), one run.

                - Texts: the titles of the first %d SciFact documents (`../shared/datasets/scifact`, %.0f characters
                  on average), model all-MiniLM-L6-v2 fp32.
                - **Pipeline**: one OpenSearch 3.6.0 node (k-NN 3.6.0.0, heap 2 GB), index with one shard and a
                  384-d lucene HNSW field, pipeline `interest_embedding` with `batch_size` 32; the %d documents sent
                  as `_bulk` requests of 500, one after another; time from the first request to the last response
                  (embedding, indexing and HNSW graph building included, no refresh).
                - **Bare JVM**: the same texts embedded in the benchmark's own JVM by the plugin's embedding code
                  (DJL's Hugging Face tokenizer + ONNX Runtime %s, length-sorted chunks of 32, %d threads with one
                  ONNX Runtime thread each: the same as the node's inference pool), with OpenSearch idle.
                - The two alternate, %d rounds each after a warm-up of 200 texts; medians reported.

                | | round figures | median |
                |---|---|---|
                | bare JVM (texts/s) | %s | %.1f |
                | pipeline `_bulk` (docs/s) | %s | %.1f |

                **Ratio pipeline / bare JVM: %.2f** (target ≥ 0.85).

                By batch size (one round each, after the rounds above; `batch_size` of the processor, chunk size
                of the bare run):

                | batch size | bare JVM texts/s | pipeline docs/s |
                |---|---|---|
                %s

                ![throughput by batch size](ingest-batch-size.png)
                """,
                Instant.now().toString(),
                threads,
                n,
                texts.stream().mapToInt(String::length).average().orElse(0),
                n,
                "1.21.1",
                threads,
                rounds,
                fmt(bareRates),
                bareMedian,
                fmt(pipeRates),
                pipeMedian,
                pipeMedian / bareMedian,
                sweep.toString().strip());
        Files.writeString(a.report(), text);
        System.out.println(text);
    }

    static double bareRun(EmbeddingService service, List<String> texts) throws Exception {
        return bareRun(service, texts, 32);
    }

    static double bareRun(EmbeddingService service, List<String> texts, int chunk) throws Exception {
        long start = System.nanoTime();
        CompletableFuture<float[][]> done = new CompletableFuture<>();
        service.embed("all-minilm-l6-v2", texts, TextKind.PASSAGE, chunk, done::complete, done::completeExceptionally);
        done.get();
        return (System.nanoTime() - start) / 1e9;
    }

    static double pipelineRun(Rest rest, List<String> texts) throws Exception {
        rest.call("DELETE", "/bench-ingest", null);
        rest.ok("PUT", "/bench-ingest", Fixtures.itemIndex("bench-ingest", 1, 0));
        List<String> bulks = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += 500) {
            StringBuilder bulk = new StringBuilder();
            for (int i = from; i < Math.min(texts.size(), from + 500); i++) {
                bulk.append(Datasets.bulkLine("bench-ingest", String.valueOf(i), Map.of("title", texts.get(i))));
            }
            bulks.add(bulk.toString());
        }
        long start = System.nanoTime();
        for (String bulk : bulks) {
            JsonNode r = rest.ok("POST", "/_bulk", bulk);
            if (r.get("errors").asBoolean()) {
                throw new IllegalStateException("bulk errors");
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static String fmt(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v));
        }
        return sb.toString();
    }
}
