package io.interestranking.opensearch.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.interestranking.core.profile.EventType;
import io.interestranking.core.profile.ModelParams;
import java.util.HashSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.common.unit.ByteSizeValue;

class InterestConfigTest {

    @Test
    void nodeSettingsThenClusterUpdates() {
        Settings node = Settings.builder()
                .put("plugins.interest.profile.spawn_threshold", 0.4)
                .put("plugins.interest.inference.intra_op_threads", 2)
                .build();
        InterestConfig config = new InterestConfig(node);
        assertEquals(0.4, config.modelParams().spawnThreshold());
        assertEquals(2, config.intraOpThreads());
        assertEquals("all-minilm-l6-v2", config.defaultModel());
        assertEquals(ModelParams.defaults().typeWeights(), config.modelParams().typeWeights());

        ClusterSettings cluster = new ClusterSettings(node, new HashSet<>(InterestSettings.all()));
        config.listen(cluster);
        ModelParams before = config.modelParams();
        cluster.applySettings(Settings.builder()
                .put("plugins.interest.events.max_per_request", 5000)
                .build());
        assertEquals(5000, config.eventsMaxPerRequest());
        assertSame(before, config.modelParams(), "a setting outside the model leaves its parameters as they were");

        cluster.applySettings(Settings.builder()
                .put("plugins.interest.profile.merge_threshold", 0.6)
                .put("plugins.interest.profile.weights.click", 3.0)
                .put("plugins.interest.embedding.default_model", "bge-small-zh-v1.5")
                .build());
        assertEquals(0.6, config.modelParams().mergeThreshold());
        assertEquals(3.0, config.modelParams().typeWeights().get(EventType.CLICK));
        assertEquals(0.4, config.modelParams().spawnThreshold(), "the node's own value stays");
        assertEquals("bge-small-zh-v1.5", config.defaultModel());
        assertEquals(1000, config.eventsMaxPerRequest(), "a cluster value that is removed goes back to the default");

        AtomicReference<ByteSizeValue> size = new AtomicReference<>();
        config.onChange(InterestSettings.PROFILE_CACHE_SIZE, size::set);
        cluster.applySettings(Settings.builder()
                .put("plugins.interest.profile.cache_size", "1mb")
                .build());
        assertEquals(ByteSizeValue.parseBytesSizeValue("1mb", "test"), size.get());
        assertEquals(
                ByteSizeValue.parseBytesSizeValue("1mb", "test"), config.current(InterestSettings.PROFILE_CACHE_SIZE));
        assertThrows(IllegalStateException.class, () -> config.listen(cluster));
    }

    @Test
    void componentsNeedTheClusterSettings() {
        InterestConfig config = new InterestConfig(Settings.EMPTY);
        assertThrows(IllegalStateException.class, () -> config.current(InterestSettings.QUERY_CACHE_SIZE));
    }
}
