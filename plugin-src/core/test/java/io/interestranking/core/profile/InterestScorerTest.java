package io.interestranking.core.profile;

import static io.interestranking.core.profile.ModelParams.HOUR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class InterestScorerTest {

    static final long T = 1_700_000_000_000L;

    static Profile profile() {
        Profile p = new Profile("u", "m");
        p.restore(
                T,
                4,
                List.of(
                        new Interest(new float[] {1, 0, 0}, 2.0, 2, T, List.of(), false),
                        new Interest(new float[] {0, 1, 0}, 1.0, 1, T, List.of(), false)),
                new Interest(new float[] {0, 0, 1}, 1.0, 1, T, List.of(), false),
                new Interest(new float[] {0.6f, 0.8f, 0}, 1.0, 1, T, List.of(), false),
                new RecentIds());
        return p;
    }

    final InterestScorer scorer = new InterestScorer(ModelParams.defaults());

    @Test
    void handComputedScoreNow() {
        // L = max(2/2·1, 1/2·0) = 1; S = 0.5·0 = 0; N = 0.5·0.6 = 0.3; s = 1 + 0.3·0 − 0.5·0.3 = 0.85
        InterestScorer.Score s = scorer.score(profile(), new float[] {1, 0, 0}, T);
        assertEquals(1.0, s.longTerm(), 1e-6);
        assertEquals(0.0, s.shortTerm(), 1e-6);
        assertEquals(0.3, s.negative(), 1e-6);
        assertEquals(0.85, s.total(), 1e-6);
    }

    @Test
    void shortTermFadesWithItsHalfLife() {
        // an hour later: w_s = 0.5, c_s = 0.5/1.5 = 1/3; L = 0, N = 0 (orthogonal); s = 0.3 · 1/3 = 0.1
        InterestScorer.Score s = scorer.score(profile(), new float[] {0, 0, 1}, T + HOUR);
        assertEquals(1.0 / 3, s.shortTerm(), 1e-6);
        assertEquals(0.0, s.longTerm(), 1e-6);
        assertEquals(0.1, s.total(), 1e-6);
    }

    @Test
    void weakerInterestCountsWithItsConfidence() {
        // w½ = 1 (the default): confidences 2/3 (weight 2) and 1/2 (weight 1); the weaker's share (1/2)/(2/3) = 0.75;
        // L = max(1·0, 0.75·1) = 0.75; N = 0.5·0.8 = 0.4; s = 0.75 − 0.5·0.4 = 0.55
        InterestScorer.Score s = scorer.score(profile(), new float[] {0, 1, 0}, T);
        assertEquals(0.75, s.longTerm(), 1e-6);
        assertEquals(0.55, s.total(), 1e-6);
    }

    @Test
    void sharesInProportionToTheWeightsWhenTheHalfWeightIsNegative() {
        // w½ = −1: the weaker's share 1/2; L = max(1·0, 0.5·1) = 0.5; s = 0.5 − 0.5·0.4 = 0.3
        InterestScorer linear =
                new InterestScorer(Rules.with(java.util.Map.of(ModelParams.INTEREST_HALF_WEIGHT, -1.0)));
        InterestScorer.Score s = linear.score(profile(), new float[] {0, 1, 0}, T);
        assertEquals(0.5, s.longTerm(), 1e-6);
        assertEquals(0.3, s.total(), 1e-6);
        assertEquals(1.0, InterestScorer.relativeWeight(1, 2, 0), 1e-12); // w½ = 0: every interest alike
        assertEquals(0.5, InterestScorer.relativeWeight(1, 2, -1), 1e-12);
        assertEquals((1 / 10.0) / (10 / 19.0), InterestScorer.relativeWeight(1, 10, 9), 1e-12); // 0.1 / 0.526
        assertEquals(0.0, InterestScorer.relativeWeight(1, 0, 1), 1e-12); // no weight at all: no share
        assertEquals(0.0, InterestScorer.relativeWeight(0, 2, 0), 1e-12);
    }

    @Test
    void emptyProfileScoresZero() {
        assertEquals(
                0.0,
                scorer.score(new Profile("x", "m"), new float[] {1, 0, 0}, T).total(),
                0);
    }
}
