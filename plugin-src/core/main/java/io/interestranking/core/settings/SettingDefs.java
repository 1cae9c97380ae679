package io.interestranking.core.settings;

import io.interestranking.core.profile.EventType;
import io.interestranking.core.profile.ModelParams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every {@code plugins.interest.*} setting as plain values: its key, default, bounds and whether it may change while
 * the cluster runs. The keys and defaults are the public surface, the same on every engine: each adapter registers
 * these in its engine's settings API (one {@code Setting} per definition) and nothing else. Times and sizes are in the
 * syntax both engines parse ({@code 1h}, {@code -1}, {@code 10485760b}, {@code 1%} of the heap).
 */
public final class SettingDefs {

    public static final String PREFIX = "plugins.interest.";

    /** One setting: its full key and whether it is dynamic (every one is node-scoped as well). */
    public sealed interface Def permits IntDef, DoubleDef, BoolDef, TimeDef, StringDef, SizeDef {
        String key();

        boolean dynamic();
    }

    public record IntDef(String key, int defaultValue, int min, int max, boolean dynamic) implements Def {}

    /** A number within [min, max]; NaN is refused (a NaN weight would turn every score into NaN). */
    public record DoubleDef(String key, double defaultValue, double min, double max, boolean dynamic) implements Def {}

    public record BoolDef(String key, boolean defaultValue, boolean dynamic) implements Def {}

    public record TimeDef(String key, String defaultValue, String min, boolean dynamic) implements Def {}

    public record StringDef(String key, String defaultValue, boolean dynamic) implements Def {}

    /** A size in bytes; with {@code shareOfHeap}, a share of the heap ({@code 1%}) is accepted too. */
    public record SizeDef(String key, String defaultValue, boolean shareOfHeap, boolean dynamic) implements Def {}

    private static final ModelParams D = ModelParams.defaults();

    // ---- embedding: models and inference ----
    public static final StringDef DEFAULT_MODEL =
            new StringDef(PREFIX + "embedding.default_model", "all-minilm-l6-v2", true);
    /** ONNX Runtime threads per inference call; parallelism comes from the pool, so 1 by default. */
    public static final IntDef INTRA_OP_THREADS = new IntDef(PREFIX + "inference.intra_op_threads", 1, 1, 64, false);
    /**
     * ONNX Runtime threads for one lone text (a query) while the inference pool has nothing else to do: a second
     * session per model, opened on the first such query. Its default depends on the node: {@link
     * #loneIntraOpThreadsDefault}; 1 turns it off. Bounds 1–64, not dynamic.
     */
    public static final String LONE_INTRA_OP_THREADS = PREFIX + "inference.lone_query_intra_op_threads";
    /** Upper bound of padded tokens (batch size × longest sequence) in one model call: bounds native memory. */
    public static final IntDef MAX_BATCH_TOKENS =
            new IntDef(PREFIX + "inference.max_batch_tokens", 8192, 256, 1 << 20, true);

    public static final IntDef EMBED_MAX_TEXTS = new IntDef(PREFIX + "embed.max_texts", 256, 1, 10_000, true);
    public static final IntDef EMBED_MAX_TEXT_CHARS =
            new IntDef(PREFIX + "embed.max_text_chars", 100_000, 1, 10_000_000, true);

    // ---- profiles: the interest model (docs/profile-model.md), read into ModelParams ----
    public static final IntDef MAX_INTERESTS =
            new IntDef(PREFIX + ModelParams.MAX_INTERESTS, D.maxInterests(), 1, 50, true);
    public static final DoubleDef SPAWN_THRESHOLD =
            new DoubleDef(PREFIX + ModelParams.SPAWN_THRESHOLD, D.spawnThreshold(), -1.0, 1.0, true);
    public static final DoubleDef MERGE_THRESHOLD =
            new DoubleDef(PREFIX + ModelParams.MERGE_THRESHOLD, D.mergeThreshold(), -1.0, 2.0, true);
    public static final DoubleDef COHESION =
            new DoubleDef(PREFIX + ModelParams.COHESION, D.cohesion(), 0.01, 1.0, true);
    /** Every this many events of a user, the long-term interests are re-clustered from their items' vectors; 0: never. */
    public static final IntDef RECLUSTER_EVERY =
            new IntDef(PREFIX + ModelParams.RECLUSTER_EVERY, D.reclusterEvery(), 0, 100_000, true);

    public static final DoubleDef RECLUSTER_THRESHOLD =
            new DoubleDef(PREFIX + ModelParams.RECLUSTER_THRESHOLD, D.reclusterThreshold(), -1.0, 1.0, true);
    public static final DoubleDef LEARNING_RATE_FLOOR =
            new DoubleDef(PREFIX + ModelParams.LEARNING_RATE_FLOOR, D.learningRateFloor(), 0.0, 1.0, true);
    public static final TimeDef LONG_HALF_LIFE =
            new TimeDef(PREFIX + ModelParams.LONG_HALF_LIFE, D.longHalfLife() + "ms", "0ms", true);
    public static final TimeDef SHORT_HALF_LIFE =
            new TimeDef(PREFIX + ModelParams.SHORT_HALF_LIFE, D.shortHalfLife() + "ms", "0ms", true);
    public static final TimeDef NEGATIVE_HALF_LIFE =
            new TimeDef(PREFIX + ModelParams.NEGATIVE_HALF_LIFE, D.negativeHalfLife() + "ms", "0ms", true);
    public static final IntDef EVIDENCE_SIZE =
            new IntDef(PREFIX + ModelParams.EVIDENCE_SIZE, D.evidenceSize(), 0, 1000, true);
    public static final IntDef RECENT_EVENT_IDS =
            new IntDef(PREFIX + ModelParams.RECENT_EVENT_IDS, D.recentEventIds(), 0, 100_000, true);
    public static final DoubleDef RATING_NEUTRAL =
            new DoubleDef(PREFIX + ModelParams.RATING_NEUTRAL, D.ratingNeutral(), 0.0, 4.99, true);
    public static final DoubleDef SHORT_TERM_SCORE_WEIGHT =
            new DoubleDef(PREFIX + ModelParams.SHORT_TERM_SCORE_WEIGHT, D.shortTermScoreWeight(), 0.0, 100.0, true);
    public static final DoubleDef NEGATIVE_SCORE_WEIGHT =
            new DoubleDef(PREFIX + ModelParams.NEGATIVE_SCORE_WEIGHT, D.negativeScoreWeight(), 0.0, 100.0, true);
    /**
     * w½: an interest's confidence is w / (w + w½), and its share of the long-term score its confidence over the top
     * interest's; negative: its weight over the top interest's (the rule before w½ existed).
     */
    public static final DoubleDef INTEREST_HALF_WEIGHT =
            new DoubleDef(PREFIX + ModelParams.INTEREST_HALF_WEIGHT, D.interestHalfWeight(), -1.0, 1_000_000.0, true);

    public static final BoolDef SHORT_TERM_ENABLED =
            new BoolDef(PREFIX + ModelParams.SHORT_TERM_ENABLED, D.shortTermEnabled(), true);
    public static final BoolDef NEGATIVE_ENABLED =
            new BoolDef(PREFIX + ModelParams.NEGATIVE_ENABLED, D.negativeEnabled(), true);
    /** plugins.interest.profile.weights.&lt;type&gt;: the signed strength of each event type. */
    public static final Map<EventType, DoubleDef> TYPE_WEIGHTS = typeWeights();

    // ---- query time ----
    /** Heap for query-text vectors per node: bytes, or a share of the heap; 0 keeps none. */
    public static final SizeDef QUERY_CACHE_SIZE = new SizeDef(PREFIX + "query.embedding_cache_size", "1%", true, true);
    /** Heap for the rescored components {@code explain} shows (the MMR part depends on the whole window). */
    public static final SizeDef EXPLAIN_CACHE_SIZE =
            new SizeDef(PREFIX + "query.explain_cache_size", "2mb", true, true);

    // ---- events endpoint ----
    public static final IntDef EVENTS_MAX_PER_REQUEST =
            new IntDef(PREFIX + "events.max_per_request", 1000, 1, 100_000, true);
    public static final SizeDef EVENTS_MAX_BODY =
            new SizeDef(PREFIX + "events.max_body_size", (10L << 20) + "b", false, true);

    // ---- profile storage: the node's cache, the index, expiry, write retries ----
    /** Heap for the profiles a node wrote last, so that the next update of those users needs no read. */
    public static final SizeDef PROFILE_CACHE_SIZE = new SizeDef(PREFIX + "profile.cache_size", "1%", true, true);
    /** Primaries of the profile index, applied when it is created (grow an existing one with the split API). */
    public static final IntDef PROFILE_INDEX_SHARDS = new IntDef(PREFIX + "profile.index_shards", 1, 1, 1024, true);
    /** Profiles not written for longer are deleted by the sweep; -1 (default): never. */
    public static final TimeDef PROFILE_INACTIVE_TTL = new TimeDef(PREFIX + "profile.inactive_ttl", "-1", "-1", true);

    public static final TimeDef PROFILE_SWEEP_INTERVAL =
            new TimeDef(PREFIX + "profile.sweep_interval", "1h", "1s", true);
    public static final IntDef UPDATE_RETRIES = new IntDef(PREFIX + "profile.max_update_retries", 200, 0, 10_000, true);

    // ---- thread pools (sized by the engine's allocated processors) ----
    /** The pool that runs model inference; its size and queue are {@code plugins.interest.inference.thread_pool.*}. */
    public static final String INFERENCE_THREAD_POOL = "interest_inference";

    public static final String INFERENCE_THREAD_POOL_PREFIX = PREFIX + "inference.thread_pool";
    /** Decoding, changing and encoding the profiles of a write, in slices over the pool's threads. */
    public static final String PROFILE_THREAD_POOL = "interest_profiles";

    public static final String PROFILE_THREAD_POOL_PREFIX = PREFIX + "profile.thread_pool";
    /** Queue of each pool: beyond it, inference answers 429 and a profile slice runs on its caller's thread. */
    public static final int THREAD_POOL_QUEUE = 1000;

    private SettingDefs() {}

    /** The default of {@link #LONE_INTRA_OP_THREADS} on a node of this many processors: all of them, at most 4. */
    public static int loneIntraOpThreadsDefault(int processors) {
        return Math.min(4, processors);
    }

    private static Map<EventType, DoubleDef> typeWeights() {
        Map<EventType, DoubleDef> m = new EnumMap<>(EventType.class);
        for (EventType t : EventType.values()) {
            m.put(
                    t,
                    new DoubleDef(
                            PREFIX + ModelParams.typeWeightKey(t),
                            D.typeWeights().get(t),
                            -100.0,
                            100.0,
                            true));
        }
        return Collections.unmodifiableMap(m);
    }

    /** The definitions {@link ModelParams} is made of. */
    public static List<Def> model() {
        List<Def> model = new ArrayList<>(List.of(
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
}
