package io.interestranking.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelParamsTest {

    @Test
    void anEnginesSettingsBecomeTheParametersAndWhatTheyLeaveOutIsTheDefault() {
        ModelParams p = ModelParams.from(Map.<String, Object>of(
                "profile.max_interests",
                3,
                "profile.long_term_half_life",
                7_200_000L,
                "profile.negative.enabled",
                false,
                "profile.weights.purchase",
                6.0)::get);
        assertEquals(3, p.maxInterests());
        assertEquals(2 * ModelParams.HOUR, p.longHalfLife());
        assertEquals(false, p.negativeEnabled());
        assertEquals(6.0, p.typeWeights().get(EventType.PURCHASE));
        ModelParams d = ModelParams.defaults();
        assertEquals(d.spawnThreshold(), p.spawnThreshold());
        assertEquals(d.typeWeights().get(EventType.CLICK), p.typeWeights().get(EventType.CLICK));
        assertEquals(d, ModelParams.from(key -> null));
    }
}
