package io.interestranking.core.embedding;

import io.interestranking.core.stats.InterestStats;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Embeds texts with a named model. Work runs on the inference executor (a bounded pool: overflow is rejected
 * with a 429, callers are never blocked); a call's texts are sorted by length and split into chunks that run
 * in parallel. A text's vector does not depend on the batch it lands in (fp32 models, padding is masked).
 */
public final class EmbeddingService implements Closeable {

    private static final Logger LOG = LogManager.getLogger(EmbeddingService.class);

    private final ModelRegistry registry;
    private final NativeRuntime runtime;
    private final Executor executor;
    private final IntSupplier maxBatchTokens;
    private final InterestStats stats;
    private final LongSupplier residentBytes;
    private final Map<String, TextEmbedder> loaded = new ConcurrentHashMap<>();
    /** Resident-set growth of the process while each model loaded (bytes; -1 where /proc is not readable). */
    private final Map<String, Long> loadGrowth = new ConcurrentHashMap<>();

    /** What {@code GET _plugins/_interest/models} tells of one model. */
    public record ModelInfo(ModelSpec spec, boolean loaded, long nativeMemoryBytes) {}

    public EmbeddingService(
            ModelRegistry registry,
            NativeRuntime runtime,
            Executor executor,
            IntSupplier maxBatchTokens,
            InterestStats stats,
            LongSupplier residentBytes) {
        this.registry = registry;
        this.residentBytes = residentBytes;
        this.runtime = runtime;
        this.executor = executor;
        this.maxBatchTokens = maxBatchTokens;
        this.stats = stats;
    }

    public ModelRegistry registry() {
        return registry;
    }

    /** The spec of a known, well-formed model; IllegalArgumentException otherwise. */
    public ModelSpec spec(String model) {
        return registry.get(model).spec();
    }

    private TextEmbedder embedder(String model) {
        ModelRegistry.Entry entry = registry.get(model);
        return loaded.computeIfAbsent(model, name -> {
            long before = residentBytes.getAsLong();
            TextEmbedder embedder = runtime.load(entry);
            long after = residentBytes.getAsLong();
            loadGrowth.put(name, before < 0 || after < 0 ? -1 : Math.max(0, after - before));
            return embedder;
        });
    }

    /** Every usable model of this node, by name, with whether it is loaded and what loading it cost. */
    public List<ModelInfo> models() {
        List<ModelInfo> out = new ArrayList<>();
        registry.models()
                .forEach((name, entry) -> out.add(new ModelInfo(
                        entry.spec(),
                        loaded.containsKey(name),
                        loaded.containsKey(name) ? loadGrowth.getOrDefault(name, -1L) : 0)));
        return out;
    }

    /**
     * The process's resident set (VmRSS) in bytes, or -1 off Linux. An engine that checks file access on the stack
     * (OpenSearch) passes it to the constructor wrapped in its privileged call.
     */
    public static long readResidentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot read the resident set size", e); // not Linux, or not readable: unknown
        }
        return -1L;
    }

    /**
     * Embeds {@code texts} asynchronously; at most {@code chunkSize} texts (neighbours in length) form one task, as
     * many tasks as keep the inference pool's threads equally busy, run in parallel. {@code onResponse} gets one vector
     * per text, in input order; or {@code onFailure} is called once (an unknown model, an error, the pool's rejection).
     */
    public void embed(
            String model,
            List<String> texts,
            TextKind kind,
            int chunkSize,
            Consumer<float[][]> onResponse,
            Consumer<Exception> onFailure) {
        try {
            registry.get(model);
        } catch (IllegalArgumentException e) {
            onFailure.accept(e);
            return;
        }
        if (texts.isEmpty()) {
            onResponse.accept(new float[0][]);
            return;
        }
        int[] charLengths = new int[texts.size()];
        for (int i = 0; i < charLengths.length; i++) {
            charLengths[i] = texts.get(i).length();
        }
        int threads = executor instanceof ThreadPoolExecutor pool ? pool.getMaximumPoolSize() : 1;
        List<int[]> chunks = BatchPlanner.chunksByLength(
                charLengths, BatchPlanner.balancedChunk(texts.size(), Math.max(1, chunkSize), threads));
        float[][] result = new float[texts.size()][];
        AtomicInteger pending = new AtomicInteger(chunks.size());
        AtomicBoolean failed = new AtomicBoolean();
        // longest first: the short chunks fill the threads' ends, so that they finish together (a long chunk queued
        // last would run while the other threads are idle)
        Collections.reverse(chunks);
        for (int[] chunk : chunks) {
            Runnable task = () -> {
                if (failed.get()) {
                    return;
                }
                try {
                    List<String> part = new ArrayList<>(chunk.length);
                    for (int i : chunk) {
                        part.add(texts.get(i));
                    }
                    float[][] vectors = embedNow(model, part, kind, texts.size() == 1 && idle());
                    for (int j = 0; j < chunk.length; j++) {
                        result[chunk[j]] = vectors[j];
                    }
                } catch (Exception | LinkageError e) {
                    // a class or native library that cannot load (a LinkageError) fails this request: left to the
                    // pool thread, both engines end the node on an Error (seen on Elasticsearch without slf4j-api)
                    if (failed.compareAndSet(false, true)) {
                        onFailure.accept(
                                e instanceof Exception ex
                                        ? ex
                                        : new IllegalStateException("model [" + model + "] cannot run here: " + e, e));
                    }
                    return;
                }
                if (pending.decrementAndGet() == 0) {
                    onResponse.accept(result);
                }
            };
            try {
                executor.execute(task);
            } catch (RuntimeException rejected) {
                stats.rejected.increment();
                if (failed.compareAndSet(false, true)) {
                    onFailure.accept(rejected);
                }
                return;
            }
        }
    }

    /** Whether the task asking is the only one the inference pool runs or holds. */
    private boolean idle() {
        return executor instanceof ThreadPoolExecutor pool
                && pool.getActiveCount() <= 1
                && pool.getQueue().isEmpty();
    }

    /** Embeds on the calling thread: tokenise, sort by token count, run in memory-bounded model calls. */
    public float[][] embedNow(String model, List<String> texts, TextKind kind) {
        return embedNow(model, texts, kind, false);
    }

    /** {@code alone}: the only text the node is embedding, which may use more cores (see TextEmbedder). */
    float[][] embedNow(String model, List<String> texts, TextKind kind, boolean alone) {
        TextEmbedder embedder = embedder(model);
        List<TextEmbedder.Tokens> tokens = new ArrayList<>(texts.size());
        int[] lengths = new int[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            TextEmbedder.Tokens t = embedder.tokenize(texts.get(i), kind);
            tokens.add(t);
            lengths[i] = t.length();
        }
        float[][] out = new float[texts.size()][];
        for (int[] group : BatchPlanner.plan(lengths, embedder.spec().maxBatchTexts(), maxBatchTokens.getAsInt())) {
            List<TextEmbedder.Tokens> batch = new ArrayList<>(group.length);
            for (int i : group) {
                batch.add(tokens.get(i));
            }
            long start = System.nanoTime();
            float[][] vectors = embedder.embed(batch, alone);
            stats.recordInference(batch.size(), System.nanoTime() - start);
            for (int j = 0; j < group.length; j++) {
                out[group[j]] = vectors[j];
            }
        }
        return out;
    }

    @Override
    public void close() {
        loaded.values().forEach(TextEmbedder::close);
        loaded.clear();
    }
}
