package io.interestranking.core.profile;

import static io.interestranking.core.profile.ModelParams.DAY;
import static io.interestranking.core.profile.ModelParams.HOUR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterestModelTest {

    static final float[] X = {1, 0, 0};
    static final float[] Y = {0, 1, 0};
    static final float[] Z = {0, 0, 1};
    static final long T0 = 1_700_000_000_000L;

    final InterestModel model = new InterestModel(ModelParams.defaults());

    static Event click(float[] v, long t, String item) {
        return new Event(EventType.CLICK, t, v, item, null, 1.0, null);
    }

    static Event event(EventType type, float[] v, long t, String item) {
        return new Event(type, t, v, item, null, 1.0, null);
    }

    @Test
    void decayHalvesPerHalfLifeAndCanBeOff() {
        assertEquals(0.5, InterestModel.decay(30 * DAY, 30 * DAY), 1e-12);
        assertEquals(Math.sqrt(0.5), InterestModel.decay(15 * DAY, 30 * DAY), 1e-12);
        assertEquals(0.25, InterestModel.decay(2 * HOUR, HOUR), 1e-12);
        assertEquals(1.0, InterestModel.decay(5 * DAY, 0), 0);
        assertEquals(1.0, InterestModel.decay(-5, DAY), 0);
    }

    @Test
    void learningRateShrinksWithEvidenceToAFloor() {
        assertEquals(1.0, model.learningRate(0), 1e-12);
        assertEquals(0.5, model.learningRate(1), 1e-12);
        assertEquals(0.25, model.learningRate(3), 1e-12);
        assertEquals(0.05, model.learningRate(100), 1e-12); // 1/101 < floor 0.05
    }

    @Test
    void aFarItemSpawnsANearItemMovesTheInterest() {
        Profile p = new Profile("u", "m");
        model.apply(p, click(X, T0, "i/1"));
        model.apply(p, click(Y, T0, "i/2")); // cos 0 < 0.5: a second interest
        assertEquals(2, p.interests().size());
        model.apply(p, click(new float[] {0.8f, 0.6f, 0}, T0, "i/3")); // cos 0.8 with X
        Interest first = p.interests().get(0);
        // η = 1/(1+1) = 0.5: normalize(0.5·(1,0,0) + 0.5·(0.8,0.6,0)) = normalize(0.9, 0.3, 0)
        assertArrayEquals(new float[] {0.9486833f, 0.31622776f, 0}, first.vector(), 1e-6f);
        assertEquals(2.0, first.weight(), 1e-12);
        assertEquals(2, first.count());
        assertEquals(List.of("i/1", "i/3"), first.evidence());
        assertEquals(3, p.eventCount());
    }

    @Test
    void weightsDecayWithEventTimeAndLateEventsCountLess() {
        Profile p = new Profile("u", "m");
        model.apply(p, click(X, T0, "a"));
        model.apply(p, click(Y, T0 + 30 * DAY, "b"));
        assertEquals(0.5, p.interests().get(0).weight(), 1e-12);
        assertEquals(1.0, p.interests().get(1).weight(), 1e-12);
        assertEquals(T0 + 30 * DAY, p.clock());
        // an event 30 days older than the clock counts half and leaves the clock alone
        model.apply(p, click(X, T0, "c"));
        assertEquals(1.0, p.interests().get(0).weight(), 1e-12);
        assertEquals(T0 + 30 * DAY, p.clock());
    }

    @Test
    void whenFullTheClosestPairMerges() {
        ModelParams params = Rules.with(Map.of(ModelParams.MAX_INTERESTS, 2, ModelParams.SPAWN_THRESHOLD, 0.9));
        InterestModel m = new InterestModel(params);
        Profile p = new Profile("u", "m");
        m.apply(p, click(X, T0, "a"));
        m.apply(p, click(Y, T0, "b"));
        m.apply(p, click(new float[] {0.6f, 0, 0.8f}, T0, "c")); // cos 0.6 < 0.9: spawn, then 3 > 2 merges X with it
        assertEquals(2, p.interests().size());
        Interest merged = p.interests().get(0);
        // normalize(1·(1,0,0) + 1·(0.6,0,0.8)) = normalize(1.6, 0, 0.8)
        assertArrayEquals(new float[] {0.8944272f, 0, 0.4472136f}, merged.vector(), 1e-6f);
        assertEquals(2.0, merged.weight(), 1e-12);
        assertEquals(2, merged.count());
        assertEquals(List.of("a", "c"), merged.evidence());
        assertArrayEquals(Y, p.interests().get(1).vector());
    }

    @Test
    void thresholdsSharpenWithTheInterestsCountByTheCohesion() {
        InterestModel m = new InterestModel(Rules.withRule(0.32, 0.30, 0.45));
        assertEquals(0.32, m.joinThreshold(1), 1e-12);
        // 0.32 · 3/√(3 + 3·2·0.45) = 0.32 · 3/√5.7
        assertEquals(0.4020997519600277, m.joinThreshold(3), 1e-12);
        // counts beyond 1/floor = 20 sharpen no more: 0.32 · 20/√(20 + 380·0.45)
        assertEquals(0.46308774738714986, m.joinThreshold(100), 1e-12);
        assertEquals(m.joinThreshold(20), m.joinThreshold(100), 0);
        // two interests of 3: 0.30 · (3/√5.7)² = 0.30 · 9/5.7
        assertEquals(0.4736842105263157, m.mergeThreshold(3, 3), 1e-12);
        // the defaults: cohesion 1, one cut at every count, merging off
        InterestModel plain = new InterestModel(ModelParams.defaults());
        assertEquals(0.5, plain.joinThreshold(1), 1e-12);
        assertEquals(0.5, plain.joinThreshold(50), 1e-12);
        assertEquals(2.0, plain.mergeThreshold(7, 3), 1e-12);
    }

    @Test
    void anInterestThatComesWithinTheMergeThresholdOfAnotherAbsorbsIt() {
        InterestModel m = new InterestModel(Rules.withRule(0.9, 0.7, 1.0));
        Profile p = new Profile("u", "m");
        m.apply(p, click(X, T0, "a"));
        m.apply(p, click(new float[] {0.6f, 0, 0.8f}, T0, "z")); // cos 0.6 < 0.9: a second interest
        assertEquals(2, p.interests().size());
        // cos 0.8 with the first, 0.96 with the second: joins the second, which moves to normalize(0.7, 0, 0.7) —
        // cos 0.7071 ≥ 0.7 with the first, so it absorbs it: normalize(2·(0.7071, 0, 0.7071) + 1·(1, 0, 0))
        m.apply(p, click(new float[] {0.8f, 0, 0.6f}, T0, "w"));
        assertEquals(1, p.interests().size());
        Interest merged = p.interests().get(0);
        assertArrayEquals(new float[] {0.8628562f, 0, 0.5054495f}, merged.vector(), 1e-6f);
        assertEquals(3.0, merged.weight(), 1e-12);
        assertEquals(3, merged.count());
        assertEquals(List.of("z", "w", "a"), merged.evidence());
    }

    @Test
    void skipsAndDislikesBuildTheNegativeInterest() {
        Profile p = new Profile("u", "m");
        model.apply(p, event(EventType.SKIP, X, T0, "a")); // strength −0.5
        model.apply(p, event(EventType.DISLIKE, Y, T0, "b")); // strength −2
        assertEquals(0, p.interests().size());
        Interest neg = p.negative();
        // normalize(0.5·(1,0,0) + 2·(0,1,0))
        assertArrayEquals(new float[] {0.24253563f, 0.9701425f, 0}, neg.vector(), 1e-6f);
        assertEquals(2.5, neg.weight(), 1e-12);
    }

    @Test
    void theShortTermInterestFollowsTheSessionWithAFastHalfLife() {
        Profile p = new Profile("u", "m");
        model.apply(p, click(X, T0, "a"));
        model.apply(p, click(Y, T0 + HOUR, "b")); // short-term weight 1 decays to 0.5 first
        Interest st = p.shortTerm();
        assertArrayEquals(new float[] {0.4472136f, 0.8944272f, 0}, st.vector(), 1e-6f);
        assertEquals(1.5, st.weight(), 1e-12);
        // the long-term interests barely decayed in an hour
        assertEquals(InterestModel.decay(HOUR, 30 * DAY), p.interests().get(0).weight(), 1e-12);
    }

    @Test
    void ratingsScaleByValueAndLowOnesAreNegative() {
        assertEquals(2.0, model.strength(new Event(EventType.RATING, T0, X, null, null, 1.0, 5.0)), 1e-12);
        assertEquals(1.0, model.strength(new Event(EventType.RATING, T0, X, null, null, 1.0, 4.0)), 1e-12);
        assertEquals(-2.0, model.strength(new Event(EventType.RATING, T0, X, null, null, 1.0, 1.0)), 1e-12);
        assertEquals(3.0, model.strength(new Event(EventType.PURCHASE, T0, X, null, null, 0.75, null)), 1e-12);
        Profile p = new Profile("u", "m");
        model.apply(p, new Event(EventType.RATING, T0, X, "m/1", null, 1.0, 1.0));
        assertEquals(2.0, p.negative().weight(), 1e-12);
    }

    @Test
    void aRetriedEventCountsOnce() {
        Profile p = new Profile("u", "m");
        Event e = new Event(EventType.CLICK, T0, X, "a", "e-1", 1.0, null);
        assertEquals(InterestModel.Outcome.APPLIED, model.apply(p, e));
        assertEquals(InterestModel.Outcome.DUPLICATE, model.apply(p, e));
        assertEquals(InterestModel.Outcome.DUPLICATE, model.apply(p, e));
        assertEquals(1, p.eventCount());
        assertEquals(1.0, p.interests().get(0).weight(), 1e-12);
    }

    @Test
    void statementsAreDeclaredAndPutReplacesOnlyDeclaredInterests() {
        Profile p = new Profile("u", "m");
        model.apply(p, click(X, T0, "a"));
        model.declare(p, List.of(Y, Z), List.of("trail running", "coffee"), T0);
        assertEquals(3, p.interests().size());
        assertEquals(2.0, p.interests().get(1).weight(), 1e-12); // statement weight
        assertEquals(List.of("text:trail running"), p.interests().get(1).evidence());
        model.declare(p, List.of(Z), List.of("only coffee"), T0);
        assertEquals(2, p.interests().size());
        assertArrayEquals(X, p.interests().get(0).vector());
    }

    @Test
    void topicAThenTopicBGivesTwoInterestsAndBOutweighsA() {
        Profile p = new Profile("u", "m");
        for (int i = 0; i < 5; i++) {
            model.apply(p, click(new float[] {1, 0.01f * i, 0}, T0 + i * HOUR, "a/" + i));
        }
        for (int i = 0; i < 5; i++) {
            model.apply(p, click(new float[] {0, 1, 0.01f * i}, T0 + 10 * DAY + i * HOUR, "b/" + i));
        }
        assertEquals(2, p.interests().size());
        Interest a = p.interests().get(0), b = p.interests().get(1);
        assertEquals(List.of("a/0", "a/1", "a/2", "a/3", "a/4"), a.evidence());
        assertEquals(List.of("b/0", "b/1", "b/2", "b/3", "b/4"), b.evidence());
        assertEquals(true, b.weight() > a.weight());
    }
}
