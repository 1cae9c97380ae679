package io.interestranking.core.profile;

import java.util.Map;

/** Model parameters for tests: the defaults with some settings changed, as an operator would change them. */
public final class Rules {

    private Rules() {}

    /** The defaults with another interest rule (spawn and merge thresholds, cohesion). */
    public static ModelParams withRule(double spawn, double merge, double cohesion) {
        return with(Map.of(
                ModelParams.SPAWN_THRESHOLD,
                spawn,
                ModelParams.MERGE_THRESHOLD,
                merge,
                ModelParams.COHESION,
                cohesion));
    }

    /** The defaults with these settings (keys after {@code plugins.interest.}; half-lives in milliseconds). */
    public static ModelParams with(Map<String, ?> settings) {
        return ModelParams.from(settings::get);
    }
}
