package io.interestranking.core.profile;

import java.util.List;

/**
 * The interest score s(user, item) of docs/profile-model.md, from a profile and a unit item vector x at time t:
 *
 * <pre>
 *   L = max_i r_i · cos(v_i, x)                               long-term, over the interests
 *   S = c_s · cos(v_s, x),  c_s = w_s(t) / (w_s(t) + 1)         short-term, fades with its half-life
 *   N = c_n · max(0, cos(v_n, x)),  c_n = w_n(t) / (w_n(t) + 1)   negative
 *   s = L + β_s · S − β_n · N
 * </pre>
 *
 * with r_i an interest's share ({@link #relativeWeight}).
 */
public final class InterestScorer {

    /** The parts of a score; {@code total()} is what ranking uses. */
    public record Score(double longTerm, double shortTerm, double negative, double total) {}

    private final ModelParams p;

    public InterestScorer(ModelParams params) {
        this.p = params;
    }

    /**
     * An interest's share of the long-term score: its weight over the top interest's (w½ &lt; 0), or its confidence
     * c = w / (w + w½) over the top interest's. Linear shares let the top interest's items fill a feed (an interest
     * of half its weight scales cosines by 0.5); confidences let every interest of a few events count nearly fully
     * while one of a single stray click (w ≈ w½) counts about half. w½ = 0: every interest alike.
     */
    public static double relativeWeight(double weight, double maxWeight, double halfWeight) {
        if (weight <= 0 || maxWeight <= 0) {
            return 0;
        }
        if (halfWeight < 0) {
            return weight / maxWeight;
        }
        return weight / (weight + halfWeight) / (maxWeight / (maxWeight + halfWeight));
    }

    /** Each interest's share r_i ({@link #relativeWeight}), in the order of {@code interests}; all 0 without weight. */
    public static double[] shares(List<Interest> interests, double halfWeight) {
        double maxWeight = 0;
        for (Interest i : interests) {
            maxWeight = Math.max(maxWeight, i.weight);
        }
        double[] shares = new double[interests.size()];
        for (int k = 0; k < shares.length; k++) {
            shares[k] = relativeWeight(interests.get(k).weight, maxWeight, halfWeight);
        }
        return shares;
    }

    public Score score(Profile profile, float[] x, long now) {
        double[] shares = shares(profile.interests, p.interestHalfWeight());
        double longTerm = shares.length == 0 ? 0 : Double.NEGATIVE_INFINITY;
        for (int k = 0; k < shares.length; k++) {
            longTerm = Math.max(longTerm, shares[k] * Vectors.dot(profile.interests.get(k).vector, x));
        }
        long elapsed = now - profile.clock;
        double shortTerm = 0;
        if (p.shortTermEnabled() && profile.shortTerm != null) {
            double w = profile.shortTerm.weight * InterestModel.decay(elapsed, p.shortHalfLife());
            shortTerm = w / (w + 1) * Vectors.dot(profile.shortTerm.vector, x);
        }
        double negative = 0;
        if (p.negativeEnabled() && profile.negative != null) {
            double w = profile.negative.weight * InterestModel.decay(elapsed, p.negativeHalfLife());
            negative = w / (w + 1) * Math.max(0, Vectors.dot(profile.negative.vector, x));
        }
        double total = longTerm + p.shortTermScoreWeight() * shortTerm - p.negativeScoreWeight() * negative;
        return new Score(longTerm, shortTerm, negative, total);
    }
}
