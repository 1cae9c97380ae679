package io.interestranking.core.scoring;

import io.interestranking.core.profile.InterestModel;
import io.interestranking.core.profile.InterestScorer;
import io.interestranking.core.profile.ModelParams;
import io.interestranking.core.profile.Profile;
import java.util.ArrayList;
import java.util.List;

/**
 * The k-NN form of the interest score (docs/ranking.md), what an engine's {@code interest_knn} query is made of: the
 * best of one k-NN clause per long-term interest, each scaled by the interest's share; plus the short-term interest's
 * clause with its boost; the sum demoted by the negative interest's clause. An engine turns each part into its own
 * query types; the numbers are decided here.
 *
 * @param interests a clause per long-term interest with a positive share, in the profile's order
 * @param shortTerm the short-term clause, or null when it is off or too weak to matter (boost ≤ 10⁻³)
 * @param negative the negative clause, or null when it is off or changes nothing (keep ≥ 0.999)
 */
public record InterestKnnPlan(List<Scaled> interests, Boosted shortTerm, Boosted negative) {

    /**
     * A k-NN clause whose score s = (1 + cos)/2 becomes (1 + r·cos)/2 = r·s + (1 − r)/2: the share r scales the
     * interest's cosine, as in the scorer's {@code L = max r_i·cos}. Scaling the score itself (a boost of r) would rank
     * every item of the top interest with cos &gt; 2r − 1 above the best item of an interest of share r — for r = 0.8,
     * every item above cos 0.6 — so one interest would fill the page.
     */
    public record Scaled(float[] vector, double share) {
        /** The constant added to the k-NN score before the product with the share: (1 − r)/(2r); 0 for r ≥ 1. */
        public double addend() {
            return share >= 1 ? 0 : (1 - share) / (2 * share);
        }
    }

    /** A k-NN clause with a boost (short-term) or a keep factor, the negative boost of a demotion (negative). */
    public record Boosted(float[] vector, float factor) {}

    /** Whether the profile has nothing positive to search for: the fallback runs instead. */
    public boolean isEmpty() {
        return interests.isEmpty() && shortTerm == null;
    }

    /** The plan for a profile at time {@code now} (its short-term and negative parts decay to then). */
    public static InterestKnnPlan of(Profile p, ModelParams params, long now) {
        List<Scaled> interests = new ArrayList<>();
        double[] shares = InterestScorer.shares(p.interests(), params.interestHalfWeight());
        for (int n = 0; n < shares.length; n++) {
            if (shares[n] > 0) {
                interests.add(new Scaled(p.interests().get(n).vector(), shares[n]));
            }
        }
        long elapsed = now - p.clock();
        Boosted shortTerm = null;
        if (params.shortTermEnabled() && p.shortTerm() != null) {
            double w = p.shortTerm().weight() * InterestModel.decay(elapsed, params.shortHalfLife());
            float b = (float) (params.shortTermScoreWeight() * w / (w + 1));
            if (b > 1e-3) {
                shortTerm = new Boosted(p.shortTerm().vector(), b);
            }
        }
        Boosted negative = null;
        if (params.negativeEnabled() && p.negative() != null) {
            double w = p.negative().weight() * InterestModel.decay(elapsed, params.negativeHalfLife());
            float keep = (float) Math.max(0.01, 1 - params.negativeScoreWeight() * w / (w + 1));
            if (keep < 0.999f) {
                negative = new Boosted(p.negative().vector(), keep);
            }
        }
        return new InterestKnnPlan(interests, shortTerm, negative);
    }
}
