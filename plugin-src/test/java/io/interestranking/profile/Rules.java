package io.interestranking.profile;

/** The default model parameters with another interest rule (spawn and merge thresholds, cohesion). */
public final class Rules {

    private Rules() {}

    public static ModelParams withRule(double spawn, double merge, double cohesion) {
        ModelParams d = ModelParams.defaults();
        return new ModelParams(
                d.maxInterests(),
                spawn,
                merge,
                cohesion,
                d.learningRateFloor(),
                d.longHalfLife(),
                d.shortHalfLife(),
                d.negativeHalfLife(),
                d.evidenceSize(),
                d.recentEventIds(),
                d.typeWeights(),
                d.ratingNeutral(),
                d.shortTermScoreWeight(),
                d.negativeScoreWeight(),
                d.shortTermEnabled(),
                d.negativeEnabled());
    }
}
