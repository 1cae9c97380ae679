package io.interestranking.opensearch.settings;

import io.interestranking.core.profile.EventType;
import io.interestranking.core.profile.ModelParams;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Setting.Property;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.common.util.concurrent.OpenSearchExecutors;
import org.opensearch.core.common.unit.ByteSizeValue;
import org.opensearch.threadpool.ExecutorBuilder;
import org.opensearch.threadpool.FixedExecutorBuilder;

/** Every {@code plugins.interest.*} setting, in one place. */
public final class InterestSettings {

    public static final String PREFIX = "plugins.interest.";

    /** Name of the thread pool that runs model inference; its size and queue are {@code plugins.interest.inference.thread_pool.*}. */
    public static final String INFERENCE_THREAD_POOL = "interest_inference";

    /** Decoding, changing and encoding the profiles of a write, in slices over the pool's threads. */
    public static final String PROFILE_THREAD_POOL = "interest_profiles";

    /** Texts per inference task for {@code _embed} (the ingest processor has its own {@code batch_size}). */
    public static final int DEFAULT_EMBED_CHUNK = 32;

    // ---- embedding: models and inference ----
    public static final Setting<String> DEFAULT_MODEL = Setting.simpleString(
            PREFIX + "embedding.default_model", "all-minilm-l6-v2", Property.NodeScope, Property.Dynamic);

    /** ONNX Runtime threads per inference call; parallelism comes from the pool, so 1 by default. */
    public static final Setting<Integer> INTRA_OP_THREADS =
            Setting.intSetting(PREFIX + "inference.intra_op_threads", 1, 1, 64, Property.NodeScope);

    /**
     * ONNX Runtime threads for one lone text (a query) while the inference pool has nothing else to do: a second
     * session per model, opened on the first such query. Default: the allocated processors, at most 4; 1 turns it off.
     */
    public static final Setting<Integer> LONE_INTRA_OP_THREADS = new Setting<>(
            PREFIX + "inference.lone_query_intra_op_threads",
            s -> Integer.toString(Math.min(4, OpenSearchExecutors.allocatedProcessors(s))),
            v -> Setting.parseInt(v, 1, 64, PREFIX + "inference.lone_query_intra_op_threads"),
            Property.NodeScope);

    /** Upper bound of padded tokens (batch size × longest sequence) in one model call: bounds native memory. */
    public static final Setting<Integer> MAX_BATCH_TOKENS = Setting.intSetting(
            PREFIX + "inference.max_batch_tokens", 8192, 256, 1 << 20, Property.NodeScope, Property.Dynamic);

    public static final Setting<Integer> EMBED_MAX_TEXTS =
            Setting.intSetting(PREFIX + "embed.max_texts", 256, 1, 10_000, Property.NodeScope, Property.Dynamic);

    public static final Setting<Integer> EMBED_MAX_TEXT_CHARS = Setting.intSetting(
            PREFIX + "embed.max_text_chars", 100_000, 1, 10_000_000, Property.NodeScope, Property.Dynamic);

    // ---- profiles: the interest model (docs/profile-model.md) ----
    private static final ModelParams D = ModelParams.defaults();

    public static final Setting<Integer> MAX_INTERESTS = Setting.intSetting(
            PREFIX + ModelParams.MAX_INTERESTS, D.maxInterests(), 1, 50, Property.NodeScope, Property.Dynamic);
    public static final Setting<Double> SPAWN_THRESHOLD = finiteDouble(
            PREFIX + ModelParams.SPAWN_THRESHOLD, D.spawnThreshold(), -1.0, 1.0, Property.NodeScope, Property.Dynamic);
    public static final Setting<Double> MERGE_THRESHOLD = finiteDouble(
            PREFIX + ModelParams.MERGE_THRESHOLD, D.mergeThreshold(), -1.0, 2.0, Property.NodeScope, Property.Dynamic);
    public static final Setting<Double> COHESION =
            finiteDouble(PREFIX + ModelParams.COHESION, D.cohesion(), 0.01, 1.0, Property.NodeScope, Property.Dynamic);
    /** Every this many events of a user, the long-term interests are re-clustered from their items' vectors; 0: never. */
    public static final Setting<Integer> RECLUSTER_EVERY = Setting.intSetting(
            PREFIX + ModelParams.RECLUSTER_EVERY, D.reclusterEvery(), 0, 100_000, Property.NodeScope, Property.Dynamic);

    public static final Setting<Double> RECLUSTER_THRESHOLD = finiteDouble(
            PREFIX + ModelParams.RECLUSTER_THRESHOLD,
            D.reclusterThreshold(),
            -1.0,
            1.0,
            Property.NodeScope,
            Property.Dynamic);
    public static final Setting<Double> LEARNING_RATE_FLOOR = finiteDouble(
            PREFIX + ModelParams.LEARNING_RATE_FLOOR,
            D.learningRateFloor(),
            0.0,
            1.0,
            Property.NodeScope,
            Property.Dynamic);
    public static final Setting<TimeValue> LONG_HALF_LIFE = Setting.timeSetting(
            PREFIX + ModelParams.LONG_HALF_LIFE,
            TimeValue.timeValueMillis(D.longHalfLife()),
            TimeValue.ZERO,
            Property.NodeScope,
            Property.Dynamic);
    public static final Setting<TimeValue> SHORT_HALF_LIFE = Setting.timeSetting(
            PREFIX + ModelParams.SHORT_HALF_LIFE,
            TimeValue.timeValueMillis(D.shortHalfLife()),
            TimeValue.ZERO,
            Property.NodeScope,
            Property.Dynamic);
    public static final Setting<TimeValue> NEGATIVE_HALF_LIFE = Setting.timeSetting(
            PREFIX + ModelParams.NEGATIVE_HALF_LIFE,
            TimeValue.timeValueMillis(D.negativeHalfLife()),
            TimeValue.ZERO,
            Property.NodeScope,
            Property.Dynamic);
    public static final Setting<Integer> EVIDENCE_SIZE = Setting.intSetting(
            PREFIX + ModelParams.EVIDENCE_SIZE, D.evidenceSize(), 0, 1000, Property.NodeScope, Property.Dynamic);
    public static final Setting<Integer> RECENT_EVENT_IDS = Setting.intSetting(
            PREFIX + ModelParams.RECENT_EVENT_IDS,
            D.recentEventIds(),
            0,
            100_000,
            Property.NodeScope,
            Property.Dynamic);
    public static final Setting<Double> RATING_NEUTRAL = finiteDouble(
            PREFIX + ModelParams.RATING_NEUTRAL, D.ratingNeutral(), 0.0, 4.99, Property.NodeScope, Property.Dynamic);
    public static final Setting<Double> SHORT_TERM_SCORE_WEIGHT = finiteDouble(
            PREFIX + ModelParams.SHORT_TERM_SCORE_WEIGHT,
            D.shortTermScoreWeight(),
            0.0,
            100.0,
            Property.NodeScope,
            Property.Dynamic);
    public static final Setting<Double> NEGATIVE_SCORE_WEIGHT = finiteDouble(
            PREFIX + ModelParams.NEGATIVE_SCORE_WEIGHT,
            D.negativeScoreWeight(),
            0.0,
            100.0,
            Property.NodeScope,
            Property.Dynamic);
    /**
     * w½: an interest's confidence is w / (w + w½), and its share of the long-term score its confidence over the top
     * interest's; negative: its weight over the top interest's (the rule before w½ existed).
     */
    public static final Setting<Double> INTEREST_HALF_WEIGHT = finiteDouble(
            PREFIX + ModelParams.INTEREST_HALF_WEIGHT,
            D.interestHalfWeight(),
            -1.0,
            1_000_000.0,
            Property.NodeScope,
            Property.Dynamic);

    public static final Setting<Boolean> SHORT_TERM_ENABLED =
            Setting.boolSetting(PREFIX + ModelParams.SHORT_TERM_ENABLED, true, Property.NodeScope, Property.Dynamic);
    public static final Setting<Boolean> NEGATIVE_ENABLED =
            Setting.boolSetting(PREFIX + ModelParams.NEGATIVE_ENABLED, true, Property.NodeScope, Property.Dynamic);
    /** plugins.interest.profile.weights.&lt;type&gt;: the signed strength of each event type. */
    public static final Map<EventType, Setting<Double>> TYPE_WEIGHTS = typeWeights();

    // ---- query time ----
    /** Heap for query-text vectors per node: bytes, or a share of the heap; 0 keeps none. */
    public static final Setting<ByteSizeValue> QUERY_CACHE_SIZE = Setting.memorySizeSetting(
            PREFIX + "query.embedding_cache_size", "1%", Property.NodeScope, Property.Dynamic);
    /** Heap for the rescored components {@code explain} shows (the MMR part depends on the whole window). */
    public static final Setting<ByteSizeValue> EXPLAIN_CACHE_SIZE =
            Setting.memorySizeSetting(PREFIX + "query.explain_cache_size", "2mb", Property.NodeScope, Property.Dynamic);

    // ---- events endpoint ----
    public static final Setting<Integer> EVENTS_MAX_PER_REQUEST = Setting.intSetting(
            PREFIX + "events.max_per_request", 1000, 1, 100_000, Property.NodeScope, Property.Dynamic);
    public static final Setting<ByteSizeValue> EVENTS_MAX_BODY = Setting.byteSizeSetting(
            PREFIX + "events.max_body_size", new ByteSizeValue(10L << 20), Property.NodeScope, Property.Dynamic);
    // ---- profile storage: the node's cache, the index, expiry, write retries ----
    /** Heap for the profiles a node wrote last, so that the next update of those users needs no read. */
    public static final Setting<ByteSizeValue> PROFILE_CACHE_SIZE =
            Setting.memorySizeSetting(PREFIX + "profile.cache_size", "1%", Property.NodeScope, Property.Dynamic);
    /** Primaries of the profile index, applied when it is created (grow an existing one with the split API). */
    public static final Setting<Integer> PROFILE_INDEX_SHARDS =
            Setting.intSetting(PREFIX + "profile.index_shards", 1, 1, 1024, Property.NodeScope, Property.Dynamic);
    /** Profiles not written for longer are deleted by the sweep; -1 (default): never. */
    public static final Setting<TimeValue> PROFILE_INACTIVE_TTL = Setting.timeSetting(
            PREFIX + "profile.inactive_ttl",
            TimeValue.MINUS_ONE,
            TimeValue.MINUS_ONE,
            Property.NodeScope,
            Property.Dynamic);

    public static final Setting<TimeValue> PROFILE_SWEEP_INTERVAL = Setting.timeSetting(
            PREFIX + "profile.sweep_interval",
            TimeValue.timeValueHours(1),
            TimeValue.timeValueSeconds(1),
            Property.NodeScope,
            Property.Dynamic);
    public static final Setting<Integer> UPDATE_RETRIES = Setting.intSetting(
            PREFIX + "profile.max_update_retries", 200, 0, 10_000, Property.NodeScope, Property.Dynamic);

    private static Map<EventType, Setting<Double>> typeWeights() {
        Map<EventType, Setting<Double>> m = new EnumMap<>(EventType.class);
        for (EventType t : EventType.values()) {
            m.put(
                    t,
                    finiteDouble(
                            PREFIX + ModelParams.typeWeightKey(t),
                            D.typeWeights().get(t),
                            -100.0,
                            100.0,
                            Property.NodeScope,
                            Property.Dynamic));
        }
        return m;
    }

    /**
     * A double setting within [min, max] that also refuses NaN: core's range check lets it through (NaN &lt; min is
     * false), and a NaN weight or threshold would turn every score of every search into NaN.
     */
    private static Setting<Double> finiteDouble(
            String key, double defaultValue, double min, double max, Property... properties) {
        return Setting.doubleSetting(
                key,
                defaultValue,
                min,
                max,
                value -> {
                    if (Double.isNaN(value)) {
                        throw new IllegalArgumentException("[" + key + "] must be a number, got NaN");
                    }
                },
                properties);
    }

    private InterestSettings() {}

    /** The settings the interest model's parameters ({@link ModelParams}) are made of. */
    public static List<Setting<?>> modelSettings() {
        List<Setting<?>> model = new ArrayList<>(List.of(
                MAX_INTERESTS,
                SPAWN_THRESHOLD,
                MERGE_THRESHOLD,
                COHESION,
                LEARNING_RATE_FLOOR,
                LONG_HALF_LIFE,
                SHORT_HALF_LIFE,
                NEGATIVE_HALF_LIFE,
                EVIDENCE_SIZE,
                RECENT_EVENT_IDS,
                RATING_NEUTRAL,
                SHORT_TERM_SCORE_WEIGHT,
                NEGATIVE_SCORE_WEIGHT,
                INTEREST_HALF_WEIGHT,
                SHORT_TERM_ENABLED,
                NEGATIVE_ENABLED,
                RECLUSTER_EVERY,
                RECLUSTER_THRESHOLD));
        model.addAll(TYPE_WEIGHTS.values());
        return model;
    }

    public static List<Setting<?>> all() {
        List<Setting<?>> all = new ArrayList<>(List.of(
                DEFAULT_MODEL,
                INTRA_OP_THREADS,
                LONE_INTRA_OP_THREADS,
                MAX_BATCH_TOKENS,
                EMBED_MAX_TEXTS,
                EMBED_MAX_TEXT_CHARS,
                EVENTS_MAX_PER_REQUEST,
                EVENTS_MAX_BODY,
                UPDATE_RETRIES,
                QUERY_CACHE_SIZE,
                EXPLAIN_CACHE_SIZE,
                PROFILE_CACHE_SIZE,
                PROFILE_INDEX_SHARDS,
                PROFILE_INACTIVE_TTL,
                PROFILE_SWEEP_INTERVAL));
        all.addAll(modelSettings());
        return all;
    }

    /** Inference pool: one thread per allocated processor, bounded queue so overflow is rejected (429), never blocks. */
    public static ExecutorBuilder<?> inferenceExecutor(Settings settings) {
        int processors = OpenSearchExecutors.allocatedProcessors(settings);
        return new FixedExecutorBuilder(
                settings, INFERENCE_THREAD_POOL, processors, 1000, PREFIX + "inference.thread_pool");
    }

    /**
     * Profile pool: one thread per allocated processor; a slice it rejects (queue full) runs on the thread that
     * read the profiles instead, as all of them did before the pool existed.
     */
    public static ExecutorBuilder<?> profileExecutor(Settings settings) {
        int processors = OpenSearchExecutors.allocatedProcessors(settings);
        return new FixedExecutorBuilder(
                settings, PROFILE_THREAD_POOL, processors, 1000, PREFIX + "profile.thread_pool");
    }
}
