package io.interestranking.core.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real bundled model (unpacked by the build into target/models). */
class EmbeddingServiceTest {

    static final String MODEL = "all-minilm-l6-v2";
    static ExecutorService pool;
    static EmbeddingService service;

    @BeforeAll
    static void start(@TempDir Path tmp) {
        pool = Executors.newFixedThreadPool(2);
        ModelRegistry registry =
                new ModelRegistry(List.of(Path.of(System.getProperty("tests.models.dir", "target/models"))));
        service = new EmbeddingService(
                registry,
                new NativeRuntime(tmp, 1, 2),
                pool,
                () -> 8192,
                new io.interestranking.core.stats.InterestStats(),
                EmbeddingService::readResidentBytes);
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
        // ml-commons' and neural-search's ONNX Runtime and DJL read these: set for good, they pointed those copies at
        // ours
        for (String property : List.of(
                "onnxruntime.native.path",
                "ai.djl.offline",
                "OPT_OUT_TRACKING",
                "DJL_CACHE_DIR",
                "ENGINE_CACHE_DIR",
                NativeRuntime.RUST_LIBRARY_PATH)) {
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
                "Trail running shoes");
        CompletableFuture<float[][]> batched = new CompletableFuture<>();
        service.embed(MODEL, texts, TextKind.PASSAGE, 2, batched::complete, batched::completeExceptionally);
        float[][] together = batched.get(60, TimeUnit.SECONDS);
        for (int i = 0; i < texts.size(); i++) {
            float[] alone = service.embedNow(MODEL, List.of(texts.get(i)), TextKind.PASSAGE)[0];
            assertEquals(384, alone.length);
            assertArrayEquals(alone, together[i], "text " + i);
        }
    }

    @Test
    void aLoneQueryOnAnIdlePoolGetsTheSameVectorFromTheMoreThreadedSession() throws Exception {
        String text = "where can I buy waterproof hiking boots";
        CompletableFuture<float[][]> lone = new CompletableFuture<>();
        service.embed(MODEL, List.of(text), TextKind.QUERY, 32, lone::complete, lone::completeExceptionally);
        float[] viaLone = lone.get(60, TimeUnit.SECONDS)[0];
        float[] viaBatch = service.embedNow(MODEL, List.of(text, "another text in the same call"), TextKind.QUERY)[0];
        // another thread count may sum in another order: equal to float rounding, not bit for bit
        for (int i = 0; i < viaLone.length; i++) {
            assertEquals(viaBatch[i], viaLone[i], 1e-5, "element " + i);
        }
    }

    @Test
    void aFullPoolFailsTheCallInsteadOfBlocking(@TempDir Path tmp) throws Exception {
        ModelRegistry registry =
                new ModelRegistry(List.of(Path.of(System.getProperty("tests.models.dir", "target/models"))));
        java.util.concurrent.Executor full = task -> {
            throw new java.util.concurrent.RejectedExecutionException("queue full");
        };
        EmbeddingService rejecting = new EmbeddingService(
                registry,
                new NativeRuntime(tmp, 1, 1),
                full,
                () -> 8192,
                new io.interestranking.core.stats.InterestStats(),
                EmbeddingService::readResidentBytes);
        CompletableFuture<float[][]> result = new CompletableFuture<>();
        rejecting.embed(
                MODEL, List.of("a", "b", "c"), TextKind.PASSAGE, 1, result::complete, result::completeExceptionally);
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> result.get(5, TimeUnit.SECONDS));
        assertEquals("queue full", e.getCause().getMessage());
    }

    @Test
    void aClassOrLibraryThatCannotLoadFailsTheRequestNotThePoolThread(@TempDir Path tmp) throws Exception {
        ModelRegistry registry =
                new ModelRegistry(List.of(Path.of(System.getProperty("tests.models.dir", "target/models"))));
        java.util.concurrent.atomic.AtomicReference<Throwable> uncaught =
                new java.util.concurrent.atomic.AtomicReference<>();
        ExecutorService guarded = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r);
            t.setUncaughtExceptionHandler((thread, e) -> uncaught.set(e));
            return t;
        });
        try {
            EmbeddingService broken = new EmbeddingService(
                    registry,
                    new NativeRuntime(tmp, 1, 1),
                    guarded,
                    () -> {
                        throw new UnsatisfiedLinkError("no libonnxruntime in java.library.path");
                    },
                    new io.interestranking.core.stats.InterestStats(),
                    EmbeddingService::readResidentBytes);
            CompletableFuture<float[][]> result = new CompletableFuture<>();
            broken.embed(MODEL, List.of("a"), TextKind.PASSAGE, 1, result::complete, result::completeExceptionally);
            var e = org.junit.jupiter.api.Assertions.assertThrows(
                    java.util.concurrent.ExecutionException.class, () -> result.get(60, TimeUnit.SECONDS));
            assertTrue(
                    e.getCause() instanceof IllegalStateException, e.getCause().toString());
            assertTrue(e.getCause().getMessage().contains("model [" + MODEL + "] cannot run here"));
            guarded.submit(() -> {}).get(5, TimeUnit.SECONDS); // the thread lived on
            assertEquals(null, uncaught.get());
            broken.close();
        } finally {
            guarded.shutdownNow();
        }
    }

    @Test
    void unknownModelFailsTheListener() throws Exception {
        CompletableFuture<float[][]> result = new CompletableFuture<>();
        service.embed("nope", List.of("a"), TextKind.PASSAGE, 1, result::complete, result::completeExceptionally);
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> result.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("unknown model [nope]"));
    }

    @Test
    void matchesAnIndependentImplementation() {
        List<String> texts = List.of("The quick brown fox jumps over the lazy dog.", "ok", "Wie spät ist es?", "東京");
        float[][] ours = service.embedNow(MODEL, texts, TextKind.PASSAGE);
        AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();
        for (int i = 0; i < texts.size(); i++) {
            float[] ref = reference.embed(texts.get(i)).content().vector();
            double cos = cosine(ours[i], ref);
            assertTrue(cos >= 0.9999, "cosine " + cos + " for " + texts.get(i));
        }
    }

    @Test
    void theInt8ModelGivesATextTheSameVectorAloneAndInAnyBatchCloseToFp32() throws Exception {
        String int8 = "all-minilm-l6-v2-int8";
        List<String> texts = List.of(
                "hi",
                "Waterproof hiking boots with a Vibram sole for long trail days in the mountains.",
                "espresso",
                "Le chat est sur la table.",
                "Vitamin D supplementation reduces the risk of acute respiratory infections.");
        CompletableFuture<float[][]> batched = new CompletableFuture<>();
        service.embed(int8, texts, TextKind.PASSAGE, 5, batched::complete, batched::completeExceptionally);
        float[][] together = batched.get(60, TimeUnit.SECONDS);
        float[][] fp32 = service.embedNow(MODEL, texts, TextKind.PASSAGE);
        for (int i = 0; i < texts.size(); i++) {
            float[] alone = service.embedNow(int8, List.of(texts.get(i)), TextKind.PASSAGE)[0];
            // dynamic quantization scales per model call: each text gets a call of its own, so alone = in a batch
            assertArrayEquals(alone, together[i], "text " + i);
            double cos = cosine(alone, fp32[i]);
            // langchain4j's quantized file alone gives 0.984 for "hi"; with its feed-forward outputs in fp32, 0.990
            assertTrue(cos > 0.989, "int8 vs fp32 cosine " + cos + " for " + texts.get(i));
        }
        assertEquals("all-minilm-l6-v2", service.spec(int8).space());
    }

    /** Chinese texts of our own: product titles, news, questions, one mixed with Latin letters and digits. */
    static final List<String> CHINESE = List.of(
            "防水登山鞋",
            "意式浓缩咖啡机",
            "爵士乐黑胶唱片",
            "手工酸面包发酵",
            "轻量越野跑鞋，带透气网面",
            "今天北京的天气怎么样？",
            "上海证券交易所今日股指小幅上涨。",
            "这本书讲述了一个关于成长与友谊的故事。",
            "如何在家里做一杯好喝的拿铁？",
            "适合孩子的科普读物推荐",
            "新款智能手机续航时间长达两天",
            "春季徒步旅行装备清单",
            "维生素D可以降低呼吸道感染的风险吗？",
            "高铁从北京到上海需要多长时间",
            "我喜欢在周末去山里露营",
            "iPhone 16 Pro 256GB 深空黑色",
            "机器学习入门教程：从线性回归开始",
            "故宫博物院的开放时间",
            "红烧肉的家常做法",
            "电动汽车充电桩的安装注意事项",
            "猫咪为什么喜欢晒太阳");

    @Test
    void bgeSmallZhMatchesLangchain4jForPassagesAndInstructedQueries() {
        String bge = "bge-small-zh-v1.5";
        dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel reference =
                new dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel();
        String instruction = "为这个句子生成表示以用于检索相关文章：";
        float[][] passages = service.embedNow(bge, CHINESE, TextKind.PASSAGE);
        float[][] queries = service.embedNow(bge, CHINESE, TextKind.QUERY);
        for (int i = 0; i < CHINESE.size(); i++) {
            assertEquals(512, passages[i].length);
            double p = cosine(
                    passages[i], reference.embed(CHINESE.get(i)).content().vector());
            assertTrue(p >= 0.9999, "passage cosine " + p + " for " + CHINESE.get(i));
            double q = cosine(
                    queries[i],
                    reference.embed(instruction + CHINESE.get(i)).content().vector());
            assertTrue(q >= 0.9999, "query cosine " + q + " for " + CHINESE.get(i));
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

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
