package io.interestranking.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.interestranking.core.profile.Event;
import io.interestranking.core.profile.EventType;
import io.interestranking.core.profile.InterestModel;
import io.interestranking.core.profile.InterestScorer;
import io.interestranking.core.profile.ModelParams;
import io.interestranking.core.profile.Profile;
import io.interestranking.core.profile.Rules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RescoreMathTest {

    static final long T = 1_700_000_000_000L;
    static final float[] X = {1, 0, 0};
    static final float[] Y = {0, 1, 0};
    /** Defaults without short-term and negative parts, so s(user, x) = L. */
    static final ModelParams PARAMS;

    static {
        PARAMS = Rules.with(Map.of(ModelParams.SHORT_TERM_ENABLED, false, ModelParams.NEGATIVE_ENABLED, false));
    }

    static RescoreMath.Settings settings(double qw, double iw, double ew, Double lambda) {
        return new RescoreMath.Settings(qw, iw, RescoreMath.Normalize.NONE, 0, 1, 1, ew, "seed", lambda);
    }

    static Profile profileWithClicks(int clicks) {
        Profile p = new Profile("u", "m");
        InterestModel model = new InterestModel(PARAMS);
        for (int i = 0; i < clicks; i++) {
            model.apply(p, new Event(EventType.CLICK, T, X, "i/" + i, null, 1, null));
        }
        return p;
    }

    @Test
    void normalisationsAreFixedMonotoneMaps() {
        RescoreMath.Settings minMax =
                new RescoreMath.Settings(1, 0, RescoreMath.Normalize.MIN_MAX, 0, 2, 1, 0, "", null);
        assertEquals(0.5, RescoreMath.normalize(minMax, 1), 1e-12);
        assertEquals(1.0, RescoreMath.normalize(minMax, 3), 1e-12);
        assertEquals(0.0, RescoreMath.normalize(minMax, -1), 1e-12);
        RescoreMath.Settings saturate =
                new RescoreMath.Settings(1, 0, RescoreMath.Normalize.SATURATE, 0, 1, 1, 0, "", null);
        assertEquals(0.5, RescoreMath.normalize(saturate, 1), 1e-12);
        assertEquals(0.75, RescoreMath.normalize(saturate, 3), 1e-12);
        assertEquals(7.0, RescoreMath.normalize(settings(1, 0, 0, null), 7), 1e-12);
    }

    @Test
    void blendOfFirstPassAndInterest() {
        // A: 0.5·0.5 + 0.5·1 = 0.75;  B: 0.5·0.9 + 0.5·0 = 0.45
        List<RescoreMath.Hit> hits =
                List.of(new RescoreMath.Hit(1, "a", 0.5f, X), new RescoreMath.Hit(2, "b", 0.9f, Y));
        RescoreMath.Components[] c = RescoreMath.score(
                hits, settings(0.5, 0.5, 0, null), profileWithClicks(1), new InterestScorer(PARAMS), T, "u");
        assertEquals(0.75, c[0].total(), 1e-6);
        assertEquals(0.25, c[0].query(), 1e-6);
        assertEquals(0.5, c[0].interest(), 1e-6);
        assertEquals(0.45, c[1].total(), 1e-6);
    }

    @Test
    void explorationIsDeterministicAndShrinksWithEvidence() {
        assertEquals(RescoreMath.unit("s", "u", "doc-1"), RescoreMath.unit("s", "u", "doc-1"));
        assertNotEquals(RescoreMath.unit("s", "u", "doc-1"), RescoreMath.unit("t", "u", "doc-1"));
        double u = RescoreMath.unit("seed", "u", "b");
        assertTrue(u >= 0 && u < 1);
        List<RescoreMath.Hit> hits = List.of(new RescoreMath.Hit(2, "b", 0f, Y)); // orthogonal: novelty 1
        InterestScorer scorer = new InterestScorer(PARAMS);
        double few =
                RescoreMath.score(hits, settings(1, 0, 0.2, null), profileWithClicks(1), scorer, T, "u")[0]
                        .exploration();
        double many =
                RescoreMath.score(hits, settings(1, 0, 0.2, null), profileWithClicks(21), scorer, T, "u")[0]
                        .exploration();
        // e = 0.2 · u · 1 / (1 + n/20): n = 1 → /1.05, n = 21 → /2.05
        assertEquals(0.2 * u / 1.05, few, 1e-12);
        assertEquals(0.2 * u / 2.05, many, 1e-12);
        // an item on the user's interest gets no exploration bonus
        List<RescoreMath.Hit> known = List.of(new RescoreMath.Hit(1, "a", 0f, X));
        assertEquals(
                0.0,
                RescoreMath.score(known, settings(1, 0, 0.2, null), profileWithClicks(1), scorer, T, "u")[0]
                        .exploration(),
                1e-9);
    }

    @Test
    void mmrPrefersADifferentItemOverANearDuplicate() {
        // blended (query only): A 1.0, A' 0.9 (same direction as A), B 0.8; λ = 0.5
        // round 1: 0.5, 0.45, 0.4 → A (0.5); round 2: A' 0.45 − 0.5·1 = −0.05, B 0.4 − 0 = 0.4 → B; then A' (−0.05)
        List<RescoreMath.Hit> hits = List.of(
                new RescoreMath.Hit(1, "a", 1.0f, X),
                new RescoreMath.Hit(2, "a2", 0.9f, X),
                new RescoreMath.Hit(3, "b", 0.8f, Y));
        RescoreMath.Components[] c = RescoreMath.score(
                hits, settings(1, 0, 0, 0.5), new Profile("u", "m"), new InterestScorer(PARAMS), T, "u");
        assertEquals(0.5, c[0].total(), 1e-6);
        assertEquals(0.4, c[2].total(), 1e-6);
        assertEquals(-0.05, c[1].total(), 1e-6);
        for (RescoreMath.Components x : c) {
            assertEquals(x.total(), x.query() + x.interest() + x.exploration() + x.diversity(), 1e-9);
        }
    }
}
