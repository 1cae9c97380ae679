package io.interestranking.profile;

import io.interestranking.settings.InterestConfig;
import io.interestranking.settings.InterestSettings;
import org.opensearch.common.settings.Settings;

/** Model parameters for tests: the defaults with some settings changed, as an operator would change them. */
public final class Rules {

    private Rules() {}

    /** The defaults with another interest rule (spawn and merge thresholds, cohesion). */
    public static ModelParams withRule(double spawn, double merge, double cohesion) {
        return with(Settings.builder()
                .put(InterestSettings.SPAWN_THRESHOLD.getKey(), spawn)
                .put(InterestSettings.MERGE_THRESHOLD.getKey(), merge)
                .put(InterestSettings.COHESION.getKey(), cohesion)
                .build());
    }

    /** The defaults with these settings. */
    public static ModelParams with(Settings settings) {
        return InterestConfig.modelParams(settings);
    }
}
