package io.interestranking.opensearch.settings;

import io.interestranking.core.profile.EventType;
import io.interestranking.core.settings.SettingDefs;
import io.interestranking.core.settings.SettingDefs.BoolDef;
import io.interestranking.core.settings.SettingDefs.Def;
import io.interestranking.core.settings.SettingDefs.DoubleDef;
import io.interestranking.core.settings.SettingDefs.IntDef;
import io.interestranking.core.settings.SettingDefs.SizeDef;
import io.interestranking.core.settings.SettingDefs.StringDef;
import io.interestranking.core.settings.SettingDefs.TimeDef;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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

/**
 * Every {@code plugins.interest.*} setting as an OpenSearch {@link Setting}, one per definition of the core's {@link
 * SettingDefs} (keys, defaults and bounds live there, the same on every engine).
 */
public final class InterestSettings {

    public static final String PREFIX = SettingDefs.PREFIX;

    /** Every setting below as it is made, by key (first: the others register in it as they are initialised). */
    private static final Map<String, Setting<?>> ALL = new LinkedHashMap<>();

    public static final String INFERENCE_THREAD_POOL = SettingDefs.INFERENCE_THREAD_POOL;
    public static final String PROFILE_THREAD_POOL = SettingDefs.PROFILE_THREAD_POOL;

    /** Texts per inference task for {@code _embed} (the ingest processor has its own {@code batch_size}). */
    public static final int DEFAULT_EMBED_CHUNK = 32;

    // ---- embedding: models and inference ----
    public static final Setting<String> DEFAULT_MODEL = string(SettingDefs.DEFAULT_MODEL);
    public static final Setting<Integer> INTRA_OP_THREADS = integer(SettingDefs.INTRA_OP_THREADS);
    public static final Setting<Integer> LONE_INTRA_OP_THREADS = register(new Setting<>(
            SettingDefs.LONE_INTRA_OP_THREADS,
            s -> Integer.toString(SettingDefs.loneIntraOpThreadsDefault(OpenSearchExecutors.allocatedProcessors(s))),
            v -> Setting.parseInt(v, 1, 64, SettingDefs.LONE_INTRA_OP_THREADS),
            Property.NodeScope));
    public static final Setting<Integer> MAX_BATCH_TOKENS = integer(SettingDefs.MAX_BATCH_TOKENS);
    public static final Setting<Integer> EMBED_MAX_TEXTS = integer(SettingDefs.EMBED_MAX_TEXTS);
    public static final Setting<Integer> EMBED_MAX_TEXT_CHARS = integer(SettingDefs.EMBED_MAX_TEXT_CHARS);

    // ---- profiles: the interest model (docs/profile-model.md) ----
    public static final Setting<Integer> MAX_INTERESTS = integer(SettingDefs.MAX_INTERESTS);
    public static final Setting<Double> SPAWN_THRESHOLD = number(SettingDefs.SPAWN_THRESHOLD);
    public static final Setting<Double> MERGE_THRESHOLD = number(SettingDefs.MERGE_THRESHOLD);
    public static final Setting<Double> COHESION = number(SettingDefs.COHESION);
    public static final Setting<Integer> RECLUSTER_EVERY = integer(SettingDefs.RECLUSTER_EVERY);
    public static final Setting<Double> RECLUSTER_THRESHOLD = number(SettingDefs.RECLUSTER_THRESHOLD);
    public static final Setting<Double> LEARNING_RATE_FLOOR = number(SettingDefs.LEARNING_RATE_FLOOR);
    public static final Setting<TimeValue> LONG_HALF_LIFE = time(SettingDefs.LONG_HALF_LIFE);
    public static final Setting<TimeValue> SHORT_HALF_LIFE = time(SettingDefs.SHORT_HALF_LIFE);
    public static final Setting<TimeValue> NEGATIVE_HALF_LIFE = time(SettingDefs.NEGATIVE_HALF_LIFE);
    public static final Setting<Integer> EVIDENCE_SIZE = integer(SettingDefs.EVIDENCE_SIZE);
    public static final Setting<Integer> RECENT_EVENT_IDS = integer(SettingDefs.RECENT_EVENT_IDS);
    public static final Setting<Double> RATING_NEUTRAL = number(SettingDefs.RATING_NEUTRAL);
    public static final Setting<Double> SHORT_TERM_SCORE_WEIGHT = number(SettingDefs.SHORT_TERM_SCORE_WEIGHT);
    public static final Setting<Double> NEGATIVE_SCORE_WEIGHT = number(SettingDefs.NEGATIVE_SCORE_WEIGHT);
    public static final Setting<Double> INTEREST_HALF_WEIGHT = number(SettingDefs.INTEREST_HALF_WEIGHT);
    public static final Setting<Boolean> SHORT_TERM_ENABLED = bool(SettingDefs.SHORT_TERM_ENABLED);
    public static final Setting<Boolean> NEGATIVE_ENABLED = bool(SettingDefs.NEGATIVE_ENABLED);
    public static final Map<EventType, Setting<Double>> TYPE_WEIGHTS = typeWeights();

    // ---- query time ----
    public static final Setting<ByteSizeValue> QUERY_CACHE_SIZE = size(SettingDefs.QUERY_CACHE_SIZE);
    public static final Setting<ByteSizeValue> EXPLAIN_CACHE_SIZE = size(SettingDefs.EXPLAIN_CACHE_SIZE);

    // ---- events endpoint ----
    public static final Setting<Integer> EVENTS_MAX_PER_REQUEST = integer(SettingDefs.EVENTS_MAX_PER_REQUEST);
    public static final Setting<ByteSizeValue> EVENTS_MAX_BODY = size(SettingDefs.EVENTS_MAX_BODY);

    // ---- profile storage: the node's cache, the index, expiry, write retries ----
    public static final Setting<ByteSizeValue> PROFILE_CACHE_SIZE = size(SettingDefs.PROFILE_CACHE_SIZE);
    public static final Setting<Integer> PROFILE_INDEX_SHARDS = integer(SettingDefs.PROFILE_INDEX_SHARDS);
    public static final Setting<TimeValue> PROFILE_INACTIVE_TTL = time(SettingDefs.PROFILE_INACTIVE_TTL);
    public static final Setting<TimeValue> PROFILE_SWEEP_INTERVAL = time(SettingDefs.PROFILE_SWEEP_INTERVAL);
    public static final Setting<Integer> UPDATE_RETRIES = integer(SettingDefs.UPDATE_RETRIES);

    private InterestSettings() {}

    private static Property[] properties(Def def) {
        return def.dynamic()
                ? new Property[] {Property.NodeScope, Property.Dynamic}
                : new Property[] {Property.NodeScope};
    }

    private static <T> Setting<T> register(Setting<T> setting) {
        ALL.put(setting.getKey(), setting);
        return setting;
    }

    private static Setting<Integer> integer(IntDef d) {
        return register(Setting.intSetting(d.key(), d.defaultValue(), d.min(), d.max(), properties(d)));
    }

    /** Core's range check lets NaN through (NaN &lt; min is false): refused here, by name. */
    private static Setting<Double> number(DoubleDef d) {
        return register(Setting.doubleSetting(
                d.key(),
                d.defaultValue(),
                d.min(),
                d.max(),
                value -> {
                    if (Double.isNaN(value)) {
                        throw new IllegalArgumentException("[" + d.key() + "] must be a number, got NaN");
                    }
                },
                properties(d)));
    }

    private static Setting<Boolean> bool(BoolDef d) {
        return register(Setting.boolSetting(d.key(), d.defaultValue(), properties(d)));
    }

    private static Setting<String> string(StringDef d) {
        return register(Setting.simpleString(d.key(), d.defaultValue(), properties(d)));
    }

    private static Setting<TimeValue> time(TimeDef d) {
        return register(Setting.timeSetting(
                d.key(),
                TimeValue.parseTimeValue(d.defaultValue(), d.key()),
                TimeValue.parseTimeValue(d.min(), d.key()),
                properties(d)));
    }

    private static Setting<ByteSizeValue> size(SizeDef d) {
        return register(
                d.shareOfHeap()
                        ? Setting.memorySizeSetting(d.key(), d.defaultValue(), properties(d))
                        : Setting.byteSizeSetting(
                                d.key(), ByteSizeValue.parseBytesSizeValue(d.defaultValue(), d.key()), properties(d)));
    }

    private static Map<EventType, Setting<Double>> typeWeights() {
        Map<EventType, Setting<Double>> m = new EnumMap<>(EventType.class);
        SettingDefs.TYPE_WEIGHTS.forEach((type, def) -> m.put(type, number(def)));
        return Collections.unmodifiableMap(m);
    }

    /** The settings the interest model's parameters ({@code ModelParams}) are made of. */
    public static List<Setting<?>> modelSettings() {
        return SettingDefs.model().stream()
                .<Setting<?>>map(d -> ALL.get(d.key()))
                .toList();
    }

    public static List<Setting<?>> all() {
        return List.copyOf(ALL.values());
    }

    /** Inference pool: one thread per allocated processor, bounded queue so overflow is rejected (429), never blocks. */
    public static ExecutorBuilder<?> inferenceExecutor(Settings settings) {
        return new FixedExecutorBuilder(
                settings,
                INFERENCE_THREAD_POOL,
                OpenSearchExecutors.allocatedProcessors(settings),
                SettingDefs.THREAD_POOL_QUEUE,
                SettingDefs.INFERENCE_THREAD_POOL_PREFIX);
    }

    /**
     * Profile pool: one thread per allocated processor; a slice it rejects (queue full) runs on the thread that
     * read the profiles instead, as all of them did before the pool existed.
     */
    public static ExecutorBuilder<?> profileExecutor(Settings settings) {
        return new FixedExecutorBuilder(
                settings,
                PROFILE_THREAD_POOL,
                OpenSearchExecutors.allocatedProcessors(settings),
                SettingDefs.THREAD_POOL_QUEUE,
                SettingDefs.PROFILE_THREAD_POOL_PREFIX);
    }
}
