package io.interestranking.opensearch.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;

class InterestSettingsTest {

    @Test
    void everyDoubleSettingRefusesNaN() {
        int checked = 0;
        for (Setting<?> setting : InterestSettings.all()) {
            if (setting.getDefault(Settings.EMPTY) instanceof Double == false) {
                continue;
            }
            Settings nan = Settings.builder().put(setting.getKey(), "NaN").build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> setting.get(nan));
            assertTrue(e.getMessage().contains(setting.getKey()), e.getMessage());
            checked++;
        }
        assertEquals(17, checked); // 9 model parameters and 8 event-type weights
    }

    @Test
    void aNumberInRangeIsStillAccepted() {
        Settings half = Settings.builder()
                .put(InterestSettings.INTEREST_HALF_WEIGHT.getKey(), "2.5")
                .build();
        assertEquals(2.5, InterestSettings.INTEREST_HALF_WEIGHT.get(half));
    }

    /** The defaults as a node shows them ({@code include_defaults}), written out by hand as the plugin has had them. */
    @Test
    void theDefaultsAreAsTheyWere() {
        java.util.Map<String, String> expected = java.util.Map.ofEntries(
                java.util.Map.entry("plugins.interest.embedding.default_model", "all-minilm-l6-v2"),
                java.util.Map.entry("plugins.interest.inference.intra_op_threads", "1"),
                java.util.Map.entry("plugins.interest.inference.max_batch_tokens", "8192"),
                java.util.Map.entry("plugins.interest.embed.max_texts", "256"),
                java.util.Map.entry("plugins.interest.embed.max_text_chars", "100000"),
                java.util.Map.entry("plugins.interest.events.max_per_request", "1000"),
                java.util.Map.entry("plugins.interest.events.max_body_size", "10485760b"),
                java.util.Map.entry("plugins.interest.profile.max_update_retries", "200"),
                java.util.Map.entry("plugins.interest.query.embedding_cache_size", "1%"),
                java.util.Map.entry("plugins.interest.query.explain_cache_size", "2mb"),
                java.util.Map.entry("plugins.interest.profile.cache_size", "1%"),
                java.util.Map.entry("plugins.interest.profile.index_shards", "1"),
                java.util.Map.entry("plugins.interest.profile.inactive_ttl", "-1"),
                java.util.Map.entry("plugins.interest.profile.sweep_interval", "1h"),
                java.util.Map.entry("plugins.interest.profile.max_interests", "5"),
                java.util.Map.entry("plugins.interest.profile.long_term_half_life", "2592000000ms"),
                java.util.Map.entry("plugins.interest.profile.short_term_half_life", "3600000ms"),
                java.util.Map.entry("plugins.interest.profile.negative_half_life", "2592000000ms"),
                java.util.Map.entry("plugins.interest.profile.recluster_every", "0"),
                java.util.Map.entry("plugins.interest.profile.short_term.enabled", "true"),
                java.util.Map.entry("plugins.interest.profile.weights.purchase", "4.0"),
                java.util.Map.entry("plugins.interest.profile.weights.skip", "-0.5"));
        java.util.Map<String, String> actual = new java.util.HashMap<>();
        for (Setting<?> setting : InterestSettings.all()) {
            actual.put(setting.getKey(), setting.getDefaultRaw(Settings.EMPTY));
            assertTrue(setting.getProperties().contains(Setting.Property.NodeScope), setting.getKey());
        }
        expected.forEach((key, value) -> assertEquals(value, actual.get(key), key));
        assertEquals(false, InterestSettings.INTRA_OP_THREADS.isDynamic());
        assertEquals(true, InterestSettings.PROFILE_INDEX_SHARDS.isDynamic());
        assertEquals(41, InterestSettings.all().size()); // 15 node settings, 18 model parameters, 8 event-type weights
        // and the bounds: a value beyond one is refused, naming the key
        Settings tooMany = Settings.builder()
                .put("plugins.interest.profile.max_interests", 51)
                .build();
        assertThrows(IllegalArgumentException.class, () -> InterestSettings.MAX_INTERESTS.get(tooMany));
        Settings tooShort = Settings.builder()
                .put("plugins.interest.profile.sweep_interval", "500ms")
                .build();
        assertThrows(IllegalArgumentException.class, () -> InterestSettings.PROFILE_SWEEP_INTERVAL.get(tooShort));
    }
}
