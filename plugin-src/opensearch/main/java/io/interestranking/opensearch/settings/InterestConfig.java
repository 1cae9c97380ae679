package io.interestranking.opensearch.settings;

import static io.interestranking.opensearch.settings.InterestSettings.*;

import io.interestranking.core.profile.ModelParams;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;

/**
 * What the {@code plugins.interest.*} settings say now: the one place the plugin reads them. Built by the plugin from
 * the node's settings, kept current by {@link #listen} (update consumers on the cluster settings), and handed to the
 * components that need a value. The interest model's parameters are one {@link ModelParams}, rebuilt only when one
 * of them changes.
 */
public final class InterestConfig {

    /** The settings {@link ModelParams} is made of. */
    private static final List<Setting<?>> MODEL_SETTINGS = InterestSettings.modelSettings();

    private static final Map<String, Setting<?>> MODEL_SETTINGS_BY_KEY =
            MODEL_SETTINGS.stream().collect(Collectors.toUnmodifiableMap(Setting::getKey, s -> s));

    private final int intraOpThreads;
    private final int loneIntraOpThreads;
    private volatile ModelParams modelParams;
    private volatile String defaultModel;
    private volatile int maxBatchTokens;
    private volatile int embedMaxTexts;
    private volatile int embedMaxTextChars;
    private volatile int eventsMaxPerRequest;
    private volatile long eventsMaxBody;
    private volatile int updateRetries;
    private volatile int profileIndexShards;
    private volatile TimeValue inactiveTtl;
    private ClusterSettings clusterSettings;

    /** The values of {@code settings} (the node's; cluster-level values arrive through {@link #listen}). */
    public InterestConfig(Settings settings) {
        intraOpThreads = INTRA_OP_THREADS.get(settings);
        loneIntraOpThreads = LONE_INTRA_OP_THREADS.get(settings);
        modelParams = modelParams(settings);
        defaultModel = DEFAULT_MODEL.get(settings);
        maxBatchTokens = MAX_BATCH_TOKENS.get(settings);
        embedMaxTexts = EMBED_MAX_TEXTS.get(settings);
        embedMaxTextChars = EMBED_MAX_TEXT_CHARS.get(settings);
        eventsMaxPerRequest = EVENTS_MAX_PER_REQUEST.get(settings);
        eventsMaxBody = EVENTS_MAX_BODY.get(settings).getBytes();
        updateRetries = UPDATE_RETRIES.get(settings);
        profileIndexShards = PROFILE_INDEX_SHARDS.get(settings);
        inactiveTtl = PROFILE_INACTIVE_TTL.get(settings);
    }

    /** Follows every later change of the cluster's settings; called once, when the node creates its components. */
    public synchronized void listen(ClusterSettings settings) {
        if (clusterSettings != null) {
            throw new IllegalStateException("already listening");
        }
        clusterSettings = settings;
        settings.addSettingsUpdateConsumer(s -> modelParams = modelParams(s), MODEL_SETTINGS);
        settings.addSettingsUpdateConsumer(DEFAULT_MODEL, v -> defaultModel = v);
        settings.addSettingsUpdateConsumer(MAX_BATCH_TOKENS, v -> maxBatchTokens = v);
        settings.addSettingsUpdateConsumer(EMBED_MAX_TEXTS, v -> embedMaxTexts = v);
        settings.addSettingsUpdateConsumer(EMBED_MAX_TEXT_CHARS, v -> embedMaxTextChars = v);
        settings.addSettingsUpdateConsumer(EVENTS_MAX_PER_REQUEST, v -> eventsMaxPerRequest = v);
        settings.addSettingsUpdateConsumer(EVENTS_MAX_BODY, v -> eventsMaxBody = v.getBytes());
        settings.addSettingsUpdateConsumer(UPDATE_RETRIES, v -> updateRetries = v);
        settings.addSettingsUpdateConsumer(PROFILE_INDEX_SHARDS, v -> profileIndexShards = v);
        settings.addSettingsUpdateConsumer(PROFILE_INACTIVE_TTL, v -> inactiveTtl = v);
    }

    /** The current value of a setting that sizes a component's state (a cache, a schedule), as it is built. */
    public synchronized <T> T current(Setting<T> setting) {
        return listening().get(setting);
    }

    /** Every later change of such a setting goes to its component. */
    public synchronized <T> void onChange(Setting<T> setting, Consumer<T> consumer) {
        listening().addSettingsUpdateConsumer(setting, consumer);
    }

    private ClusterSettings listening() {
        if (clusterSettings == null) {
            throw new IllegalStateException("the cluster settings are not known yet");
        }
        return clusterSettings;
    }

    public int intraOpThreads() {
        return intraOpThreads;
    }

    public int loneIntraOpThreads() {
        return loneIntraOpThreads;
    }

    public ModelParams modelParams() {
        return modelParams;
    }

    public String defaultModel() {
        return defaultModel;
    }

    public int maxBatchTokens() {
        return maxBatchTokens;
    }

    public int embedMaxTexts() {
        return embedMaxTexts;
    }

    public int embedMaxTextChars() {
        return embedMaxTextChars;
    }

    public int eventsMaxPerRequest() {
        return eventsMaxPerRequest;
    }

    public long eventsMaxBody() {
        return eventsMaxBody;
    }

    public int updateRetries() {
        return updateRetries;
    }

    public int profileIndexShards() {
        return profileIndexShards;
    }

    public TimeValue inactiveTtl() {
        return inactiveTtl;
    }

    /** The model's parameters in {@code s} (settings it does not hold take their defaults). */
    public static ModelParams modelParams(Settings s) {
        return ModelParams.from(key -> {
            Object value = MODEL_SETTINGS_BY_KEY.get(PREFIX + key).get(s);
            return value instanceof TimeValue t ? t.millis() : value;
        });
    }
}
