package io.interestranking.embedding;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.core.action.ActionListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the real bundled model (unpacked by the build into target/models). */
class EmbeddingServiceTest {

    static final String MODEL = "all-minilm-l6-v2";
    static ExecutorService pool;
    static EmbeddingService service;

    @BeforeAll
    static void start(@TempDir Path tmp) {
        pool = Executors.newFixedThreadPool(2);
        ModelRegistry registry = new ModelRegistry(List.of(Path.of(System.getProperty("tests.models.dir", "target/models"))));
        service = new EmbeddingService(registry, new NativeRuntime(tmp, 1), pool, () -> 8192, new io.interestranking.stats.InterestStats());
        // our runtime first: langchain4j would otherwise create the shared OrtEnvironment
        service.embedNow(MODEL, List.of("warm up"), TextKind.PASSAGE);
    }

    @AfterAll
    static void stop() {
        service.close();
        pool.shutdownNow();
    }

    @Test
    void loadingLeavesNoSystemPropertyThatAnotherPluginsCopyWouldRead() {
        // ml-commons' and neural-search's ONNX Runtime and DJL read these: set for good, they pointed those copies at ours
        for (String property : List.of("onnxruntime.native.path", "ai.djl.offline", "OPT_OUT_TRACKING", "DJL_CACHE_DIR",
            "ENGINE_CACHE_DIR", NativeRuntime.RUST_LIBRARY_PATH)) {
            assertEquals(null, System.getProperty(property), property);
        }
    }

    @Test
    void vectorOfATextDoesNotDependOnItsBatch() throws Exception {
        List<String> texts = List.of(
            "hi",
            "Waterproof hiking boots with a Vibram sole for long trail days in the mountains.",
            "a",
            "Le chat est sur la table, et le chien dort dans le jardin pendant que nous mangeons.",
            "Trail running shoes"
        );
        CompletableFuture<float[][]> batched = new CompletableFuture<>();
        service.embed(MODEL, texts, TextKind.PASSAGE, 2, ActionListener.wrap(batched::complete, batched::completeExceptionally));
        float[][] together = batched.get(60, TimeUnit.SECONDS);
        for (int i = 0; i < texts.size(); i++) {
            float[] alone = service.embedNow(MODEL, List.of(texts.get(i)), TextKind.PASSAGE)[0];
            assertEquals(384, alone.length);
            assertArrayEquals(alone, together[i], "text " + i);
        }
    }

    @Test
    void aFullPoolFailsTheCallInsteadOfBlocking(@TempDir Path tmp) throws Exception {
        ModelRegistry registry = new ModelRegistry(List.of(Path.of(System.getProperty("tests.models.dir", "target/models"))));
        java.util.concurrent.Executor full = task -> {
            throw new java.util.concurrent.RejectedExecutionException("queue full");
        };
        EmbeddingService rejecting = new EmbeddingService(registry, new NativeRuntime(tmp, 1), full, () -> 8192, new io.interestranking.stats.InterestStats());
        CompletableFuture<float[][]> result = new CompletableFuture<>();
        rejecting.embed(MODEL, List.of("a", "b", "c"), TextKind.PASSAGE, 1, ActionListener.wrap(result::complete, result::completeExceptionally));
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class, () -> result.get(5, TimeUnit.SECONDS));
        assertEquals("queue full", e.getCause().getMessage());
    }

    @Test
    void unknownModelFailsTheListener() throws Exception {
        CompletableFuture<float[][]> result = new CompletableFuture<>();
        service.embed("nope", List.of("a"), TextKind.PASSAGE, 1, ActionListener.wrap(result::complete, result::completeExceptionally));
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class, () -> result.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("unknown model [nope]"));
    }

    @Test
    void matchesAnIndependentImplementation() {
        List<String> texts = List.of("The quick brown fox jumps over the lazy dog.", "ok", "Wie spät ist es?", "東京");
        float[][] ours = service.embedNow(MODEL, texts, TextKind.PASSAGE);
        AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();
        for (int i = 0; i < texts.size(); i++) {
            float[] ref = reference.embed(texts.get(i)).content().vector();
            double cos = io.interestranking.it.Rest.cosine(ours[i], ref);
            assertTrue(cos >= 0.9999, "cosine " + cos + " for " + texts.get(i));
        }
    }

    @Test
    void aMegabyteTextEmbedsLikeItsFirstWordPieces() {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 1_000_000) {
            sb.append("mountain trail running in the alps ");
        }
        List<String> texts = new ArrayList<>();
        texts.add(sb.toString());
        texts.add(sb.substring(0, 4000)); // far more than 256 word pieces: truncated to the same prefix
        float[][] v = service.embedNow(MODEL, texts, TextKind.PASSAGE);
        assertArrayEquals(v[1], v[0]);
    }
}
