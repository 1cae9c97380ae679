package io.interestranking.core.profile;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

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
    /** Each parameter's setting key, after {@code plugins.interest.}: the same on every engine. */
    public static final String MAX_INTERESTS = "profile.max_interests";

    public static final String SPAWN_THRESHOLD = "profile.spawn_threshold";
    public static final String MERGE_THRESHOLD = "profile.merge_threshold";
    public static final String COHESION = "profile.cohesion";
    public static final String LEARNING_RATE_FLOOR = "profile.learning_rate_floor";
    public static final String LONG_HALF_LIFE = "profile.long_term_half_life";
    public static final String SHORT_HALF_LIFE = "profile.short_term_half_life";
    public static final String NEGATIVE_HALF_LIFE = "profile.negative_half_life";
    public static final String EVIDENCE_SIZE = "profile.evidence_size";
    public static final String RECENT_EVENT_IDS = "profile.recent_event_ids";
    public static final String RATING_NEUTRAL = "profile.rating_neutral";
    public static final String SHORT_TERM_SCORE_WEIGHT = "profile.score.short_term_weight";
    public static final String NEGATIVE_SCORE_WEIGHT = "profile.score.negative_weight";
    public static final String INTEREST_HALF_WEIGHT = "profile.score.interest_half_weight";
    public static final String SHORT_TERM_ENABLED = "profile.short_term.enabled";
    public static final String NEGATIVE_ENABLED = "profile.negative.enabled";
    public static final String RECLUSTER_EVERY = "profile.recluster_every";
    public static final String RECLUSTER_THRESHOLD = "profile.recluster_threshold";

    /** The key of an event type's weight, after {@code plugins.interest.}. */
    public static String typeWeightKey(EventType type) {
        return "profile.weights." + type.label();
    }

    /**
     * The parameters an engine's settings give: {@code value} maps a key above to its value (a number, a boolean; a
     * half-life in milliseconds), or to null for the default.
     */
    public static ModelParams from(Function<String, Object> value) {
        ModelParams d = defaults();
        Map<EventType, Double> weights = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            weights.put(
                    type,
                    number(value, typeWeightKey(type), d.typeWeights().get(type))
                            .doubleValue());
        }
        return new ModelParams(
                number(value, MAX_INTERESTS, d.maxInterests()).intValue(),
                number(value, SPAWN_THRESHOLD, d.spawnThreshold()).doubleValue(),
                number(value, MERGE_THRESHOLD, d.mergeThreshold()).doubleValue(),
                number(value, COHESION, d.cohesion()).doubleValue(),
                number(value, LEARNING_RATE_FLOOR, d.learningRateFloor()).doubleValue(),
                number(value, LONG_HALF_LIFE, d.longHalfLife()).longValue(),
                number(value, SHORT_HALF_LIFE, d.shortHalfLife()).longValue(),
                number(value, NEGATIVE_HALF_LIFE, d.negativeHalfLife()).longValue(),
                number(value, EVIDENCE_SIZE, d.evidenceSize()).intValue(),
                number(value, RECENT_EVENT_IDS, d.recentEventIds()).intValue(),
                weights,
                number(value, RATING_NEUTRAL, d.ratingNeutral()).doubleValue(),
                number(value, SHORT_TERM_SCORE_WEIGHT, d.shortTermScoreWeight()).doubleValue(),
                number(value, NEGATIVE_SCORE_WEIGHT, d.negativeScoreWeight()).doubleValue(),
                number(value, INTEREST_HALF_WEIGHT, d.interestHalfWeight()).doubleValue(),
                bool(value, SHORT_TERM_ENABLED, d.shortTermEnabled()),
                bool(value, NEGATIVE_ENABLED, d.negativeEnabled()),
                number(value, RECLUSTER_EVERY, d.reclusterEvery()).intValue(),
                number(value, RECLUSTER_THRESHOLD, d.reclusterThreshold()).doubleValue());
    }

    private static Number number(Function<String, Object> value, String key, Number defaultValue) {
        Object v = value.apply(key);
        return v == null ? defaultValue : (Number) v;
    }

    private static boolean bool(Function<String, Object> value, String key, boolean defaultValue) {
        Object v = value.apply(key);
        return v == null ? defaultValue : (Boolean) v;
    }

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
