package io.interestranking.core.scoring;

import io.interestranking.core.profile.InterestScorer;
import io.interestranking.core.profile.Profile;
import io.interestranking.core.profile.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The scoring of the {@code interest} rescorer (docs/ranking.md), as plain functions:
 *
 * <pre>
 *   f_j = query_weight · norm(q_j) + interest_weight · s(user, x_j) + e_j
 *   e_j = exploration_weight · u_j · (1 − max(0, L_j)) / (1 + n_events / 20)      u_j ∈ [0,1) from hash(seed, user, id)
 * </pre>
 * and, with diversity, MMR over the window: repeatedly take the hit maximising
 * {@code λ·f_j − (1−λ)·max_{k chosen} cos(x_j, x_k)}; a hit's score becomes that value, capped by the previous
 * one so the order is kept.
 */
public final class RescoreMath {

    private RescoreMath() {}

    /** How the first-pass score is mapped before blending; never depends on the shard's own window. */
    public enum Normalize {
        NONE,
        MIN_MAX,
        SATURATE;

        /** The value a request names ({@code none}, {@code min_max}, {@code saturate}); a 400 naming the field else. */
        public static Normalize parse(String value, String component) {
            for (Normalize n : values()) {
                if (n.name().equals(value.toUpperCase(Locale.ROOT))) {
                    return n;
                }
            }
            throw new IllegalArgumentException(
                    "[" + component + "] [normalize] must be one of [none, min_max, saturate], got [" + value + "]");
        }
    }

    public record Settings(
            double queryWeight,
            double interestWeight,
            Normalize normalize,
            double min,
            double max,
            double pivot,
            double explorationWeight,
            String seed,
            Double lambda) {
        /** Whether an exploration bonus is drawn: only then are the hits' ids needed. */
        public boolean explores() {
            return explorationWeight > 0;
        }

        /** The same scoring without the MMR pass. */
        public Settings withoutDiversity() {
            return new Settings(queryWeight, interestWeight, normalize, min, max, pivot, explorationWeight, seed, null);
        }

        /** Itself, or an IllegalArgumentException (a 400) naming {@code component} and the field. */
        public Settings validate(String component) {
            range(component, "query_weight", queryWeight, 0, 1000);
            range(component, "interest_weight", interestWeight, 0, 1000);
            range(component, "exploration.weight", explorationWeight, 0, 1000);
            if (lambda != null) {
                range(component, "diversity.lambda", lambda, 0, 1);
            }
            if (max <= min) {
                throw new IllegalArgumentException("[" + component + "] [max] must be greater than [min]");
            }
            if (pivot <= 0) {
                throw new IllegalArgumentException("[" + component + "] [pivot] must be positive");
            }
            return this;
        }

        private static void range(String component, String name, double v, double lo, double hi) {
            if (Double.isFinite(v) == false || v < lo || v > hi) {
                throw new IllegalArgumentException(
                        "[" + component + "] [" + name + "] must be between " + lo + " and " + hi + ", got " + v);
            }
        }
    }

    /**
     * One hit of the window. {@code vector} is null when the document has none; {@code id}, the document's _id,
     * is read only when the settings explore (null otherwise).
     */
    public record Hit(int doc, String id, float firstPass, float[] vector) {}

    /** A hit's score and its parts: {@code query + interest + exploration + diversity == total}. */
    public record Components(double query, double interest, double exploration, double diversity, double total) {}

    public static double normalize(Settings s, double q) {
        return switch (s.normalize()) {
            case NONE -> q;
            case MIN_MAX -> Math.max(0, Math.min(1, (q - s.min()) / (s.max() - s.min())));
            case SATURATE -> q <= 0 ? 0 : q / (q + s.pivot());
        };
    }

    /** A uniform number in [0,1) fixed by seed, user and item: same request, same value, on every shard and page. */
    public static double unit(String seed, String user, String id) {
        byte[] bytes = (seed + '\u0000' + user + '\u0000' + id).getBytes(StandardCharsets.UTF_8);
        long h = 0xcbf29ce484222325L; // FNV-1a 64, then a splitmix finaliser for good low bits
        for (byte b : bytes) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Scores the window; the result is parallel to {@code hits}. */
    public static Components[] score(
            List<Hit> hits, Settings s, Profile profile, InterestScorer scorer, long now, String user) {
        int n = hits.size();
        Components[] out = new Components[n];
        double uncertainty = 1.0 / (1.0 + profile.eventCount() / 20.0);
        double[] blended = new double[n];
        for (int j = 0; j < n; j++) {
            Hit h = hits.get(j);
            double query = s.queryWeight() * normalize(s, h.firstPass());
            double interest = 0, exploration = 0;
            if (h.vector() != null) {
                InterestScorer.Score score = scorer.score(profile, h.vector(), now);
                interest = s.interestWeight() * score.total();
                if (s.explores()) {
                    double novelty = 1 - Math.max(0, score.longTerm());
                    exploration = s.explorationWeight() * unit(s.seed(), user, h.id()) * novelty * uncertainty;
                }
            }
            blended[j] = query + interest + exploration;
            out[j] = new Components(query, interest, exploration, 0, blended[j]);
        }
        if (s.lambda() == null || s.lambda() >= 1.0) {
            return out;
        }
        double lambda = s.lambda();
        boolean[] chosen = new boolean[n];
        double[] maxSim = new double[n];
        double previous = Double.POSITIVE_INFINITY;
        for (int round = 0; round < n; round++) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (chosen[j] == false) {
                    double value = lambda * blended[j] - (1 - lambda) * (round == 0 ? 0 : maxSim[j]);
                    if (value > bestValue
                            || (value == bestValue
                                    && best >= 0
                                    && hits.get(j).doc() < hits.get(best).doc())) {
                        best = j;
                        bestValue = value;
                    }
                }
            }
            chosen[best] = true;
            double total = Math.min(previous, bestValue);
            previous = total;
            Components c = out[best];
            out[best] = new Components(
                    c.query(),
                    c.interest(),
                    c.exploration(),
                    total - (c.query() + c.interest() + c.exploration()),
                    total);
            float[] picked = hits.get(best).vector();
            for (int j = 0; j < n; j++) {
                if (chosen[j] == false && picked != null && hits.get(j).vector() != null) {
                    double sim = Vectors.dot(picked, hits.get(j).vector());
                    maxSim[j] = round == 0 ? sim : Math.max(maxSim[j], sim);
                } else if (round == 0) {
                    maxSim[j] = 0;
                }
            }
        }
        return out;
    }
}
