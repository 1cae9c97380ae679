package io.interestranking.settings;

import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Setting.Property;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.util.concurrent.OpenSearchExecutors;
import org.opensearch.threadpool.ExecutorBuilder;
import org.opensearch.threadpool.FixedExecutorBuilder;

import java.util.List;

/** Every {@code plugins.interest.*} setting, in one place. */
public final class InterestSettings {

    public static final String PREFIX = "plugins.interest.";

    /** Name of the thread pool that runs model inference; its size and queue are {@code plugins.interest.inference.thread_pool.*}. */
    public static final String INFERENCE_THREAD_POOL = "interest_inference";

    /** Texts per inference task for {@code _embed} (the ingest processor has its own {@code batch_size}). */
    public static final int DEFAULT_EMBED_CHUNK = 32;

    public static final Setting<String> DEFAULT_MODEL = Setting.simpleString(
        PREFIX + "embedding.default_model",
        "all-minilm-l6-v2",
        Property.NodeScope,
        Property.Dynamic
    );

    /** ONNX Runtime threads per inference call; parallelism comes from the pool, so 1 by default. */
    public static final Setting<Integer> INTRA_OP_THREADS = Setting.intSetting(
        PREFIX + "inference.intra_op_threads",
        1,
        1,
        64,
        Property.NodeScope
    );

    /** Upper bound of padded tokens (batch size × longest sequence) in one model call: bounds native memory. */
    public static final Setting<Integer> MAX_BATCH_TOKENS = Setting.intSetting(
        PREFIX + "inference.max_batch_tokens",
        8192,
        256,
        1 << 20,
        Property.NodeScope,
        Property.Dynamic
    );

    public static final Setting<Integer> EMBED_MAX_TEXTS = Setting.intSetting(
        PREFIX + "embed.max_texts",
        256,
        1,
        10_000,
        Property.NodeScope,
        Property.Dynamic
    );

    public static final Setting<Integer> EMBED_MAX_TEXT_CHARS = Setting.intSetting(
        PREFIX + "embed.max_text_chars",
        100_000,
        1,
        10_000_000,
        Property.NodeScope,
        Property.Dynamic
    );

    private InterestSettings() {}

    public static List<Setting<?>> all() {
        return List.of(DEFAULT_MODEL, INTRA_OP_THREADS, MAX_BATCH_TOKENS, EMBED_MAX_TEXTS, EMBED_MAX_TEXT_CHARS);
    }

    /** Inference pool: one thread per allocated processor, bounded queue so overflow is rejected (429), never blocks. */
    public static ExecutorBuilder<?> inferenceExecutor(Settings settings) {
        int processors = OpenSearchExecutors.allocatedProcessors(settings);
        return new FixedExecutorBuilder(settings, INFERENCE_THREAD_POOL, processors, 1000, PREFIX + "inference.thread_pool");
    }
}
