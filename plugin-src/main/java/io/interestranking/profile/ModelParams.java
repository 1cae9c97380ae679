package io.interestranking.profile;

import java.util.Map;

/**
 * Every parameter of the interest model (each is a {@code plugins.interest.profile.*} setting).
 * Half-lives in milliseconds; a half-life of 0 disables that decay.
 */
public record ModelParams(
        int maxInterests,
        double spawnThreshold,
        double mergeThreshold,
        double cohesion,
        double learningRateFloor,
        long longHalfLife,
        long shortHalfLife,
        long negativeHalfLife,
        int evidenceSize,
        int recentEventIds,
        Map<EventType, Double> typeWeights,
        double ratingNeutral,
        double shortTermScoreWeight,
        double negativeScoreWeight,
        double interestHalfWeight,
        boolean shortTermEnabled,
        boolean negativeEnabled,
        int reclusterEvery,
        double reclusterThreshold) {
    public static final long HOUR = 3_600_000L;
    public static final long DAY = 24 * HOUR;

    public static ModelParams defaults() {
        return new ModelParams(
                5,
                0.5,
                2.0,
                1.0,
                0.05,
                30 * DAY,
                HOUR,
                30 * DAY,
                20,
                200,
                Map.of(
                        EventType.VIEW,
                        0.25,
                        EventType.CLICK,
                        1.0,
                        EventType.ADD_TO_CART,
                        2.0,
                        EventType.PURCHASE,
                        4.0,
                        EventType.RATING,
                        2.0,
                        EventType.SKIP,
                        -0.5,
                        EventType.DISLIKE,
                        -2.0,
                        EventType.STATEMENT,
                        2.0),
                3.0,
                0.3,
                0.5,
                1.0,
                true,
                true,
                0,
                0.3);
    }
}
