package io.interestranking.core.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReclusterTest {

    static final float[] A = {1, 0, 0};
    static final float[] B = {0.8f, 0.6f, 0};
    static final float[] C = {0, 1, 0};
    static final float[] D = {0, 0.6f, 0.8f};
    static final Map<String, float[]> VECTORS = Map.of("i/a", A, "i/b", B, "i/c", C, "i/d", D);
    static final long T0 = 1_700_000_000_000L;

    static InterestModel model(int maxInterests, double tau, int every) {
        return new InterestModel(Rules.with(Map.of(
                ModelParams.MAX_INTERESTS,
                maxInterests,
                ModelParams.RECLUSTER_THRESHOLD,
                tau,
                ModelParams.RECLUSTER_EVERY,
                every)));
    }

    static Profile profile(Interest... interests) {
        Profile p = new Profile("u", "m");
        p.restore(T0, 40, List.of(interests), null, null, new RecentIds());
        return p;
    }

    /** Two topics mixed into one interest (a, b near X; c, d near Y), its evidence oldest first. */
    static Interest mixed() {
        return new Interest(new float[] {0.6f, 0.8f, 0}, 4.0, 4, T0, List.of("i/a", "i/b", "i/c", "i/d"), false);
    }

    @Test
    void aMixedInterestSplitsIntoItsTopics() {
        Profile p = profile(mixed());
        assertTrue(model(5, 0.5, 10).recluster(p, VECTORS));
        // pairs: a·b 0.8 merges first, then c·d 0.6; the two groups' mean pairwise cosine is
        // (a·c + a·d + b·c + b·d) / 4 = (0 + 0 + 0.6 + 0.36) / 4 = 0.24 < τ 0.5: two interests
        assertEquals(2, p.interests().size());
        Interest x = p.interests().get(0), y = p.interests().get(1);
        assertArrayEquals(new float[] {0.9486833f, 0.31622777f, 0}, x.vector(), 1e-6f); // unit(1.8, 0.6, 0)
        assertArrayEquals(new float[] {0, 0.8944272f, 0.4472136f}, y.vector(), 1e-6f); // unit(0, 1.6, 0.8)
        assertEquals(List.of("i/a", "i/b"), x.evidence());
        assertEquals(List.of("i/c", "i/d"), y.evidence());
        assertEquals(2.0, x.weight(), 1e-12); // each item carries a quarter of the weight 4
        assertEquals(2.0, y.weight(), 1e-12);
        assertEquals(2, x.count());
        assertEquals(T0, y.lastUpdated());
    }

    @Test
    void aThresholdBelowTheGroupsLinkKeepsThemTogether() {
        Profile p = profile(
                new Interest(A.clone(), 2.0, 2, T0, List.of("i/a", "i/c"), false),
                new Interest(B.clone(), 2.0, 2, T0, List.of("i/b", "i/d"), false));
        assertTrue(model(5, 0.2, 10).recluster(p, VECTORS)); // 0.24 ≥ 0.2: one interest, the mean of all four
        assertEquals(1, p.interests().size());
        // unit(1.8, 2.2, 0.8): |.| = √8.72
        assertArrayEquals(
                new float[] {0.6095569f, 0.745014f, 0.27091417f},
                p.interests().get(0).vector(),
                1e-6f);
        assertEquals(4.0, p.interests().get(0).weight(), 1e-12);
    }

    @Test
    void declaredUnknownAndForeignInterestsStayAndLeaveRoomForTheRest() {
        Interest declared = new Interest(C.clone(), 2.0, 1, T0, List.of("text:running"), true);
        Interest unknown = new Interest(A.clone(), 1.0, 2, T0, List.of("i/a", "i/gone"), false);
        Interest inline = new Interest(B.clone(), 1.0, 3, T0, List.of(), false);
        Interest mixed = mixed();
        Profile p = profile(declared, unknown, inline, mixed);
        // at most 4 interests, 3 kept: the mixed one's items must stay one group whatever τ says — as they are
        assertFalse(model(4, 0.5, 10).recluster(p, VECTORS));
        assertEquals(List.of(declared, unknown, inline, mixed), p.interests());
        assertSame(mixed, p.interests().get(3));
        // with room for two, it splits, and the three others stay first
        assertTrue(model(5, 0.5, 10).recluster(p, VECTORS));
        assertEquals(5, p.interests().size());
        assertSame(declared, p.interests().get(0));
        assertSame(unknown, p.interests().get(1));
        assertSame(inline, p.interests().get(2));
        assertEquals(List.of("i/a", "i/b"), p.interests().get(3).evidence());
        assertEquals(List.of("i/c", "i/d"), p.interests().get(4).evidence());
    }

    @Test
    void vectorsOfAnotherDimensionAreUnknown() {
        Profile p = profile(mixed());
        assertFalse(model(5, 0.5, 10).recluster(p, Map.of("i/a", A, "i/b", B, "i/c", C, "i/d", new float[] {0, 1})));
        assertEquals(List.of(mixed()), p.interests());
    }

    @Test
    void anItemInTwoInterestsCountsOnceWithBothShares() {
        Interest one = new Interest(A.clone(), 2.0, 2, T0, List.of("i/a", "i/b"), false);
        Interest two = new Interest(B.clone(), 3.0, 1, T0 + 5, List.of("i/b"), false);
        Profile p = profile(one, two);
        model(5, 0.5, 10).recluster(p, VECTORS);
        assertEquals(1, p.interests().size()); // a·b 0.8
        assertEquals(2.0 + 3.0, p.interests().get(0).weight(), 1e-12); // a: 1; b: 1 + 3
        assertEquals(2, p.interests().get(0).count());
        assertEquals(T0 + 5, p.interests().get(0).lastUpdated());
    }

    @Test
    void aStrayItemJoinsTheGroupItIsCloseTo() {
        float[] h = {0.5f, 0, 0.8660254f}; // a·h 0.5, b·h 0.4: its link with {a, b} is 0.45
        Map<String, float[]> vectors = Map.of("i/a", A, "i/b", B, "i/h", h);
        Interest one = new Interest(A.clone(), 2.0, 2, T0, List.of("i/a", "i/h"), false);
        Interest two = new Interest(B.clone(), 1.0, 1, T0, List.of("i/b"), false);
        Profile p = profile(one, two);
        // τ 0.5: average linkage leaves h alone (0.45 < 0.5); absorbed, as 0.45 ≥ 0.8·τ = 0.4
        model(5, 0.5, 10).recluster(p, vectors);
        assertEquals(1, p.interests().size());
        // unit(a + b + h) = unit(2.3, 0.6, 0.866): |.|² = 6.4
        assertArrayEquals(
                new float[] {0.9091548f, 0.23717082f, 0.3423266f},
                p.interests().get(0).vector(),
                1e-6f);
        assertEquals(3, p.interests().get(0).count());
        Profile q = profile(one.copy(), two.copy());
        model(5, 0.6, 10).recluster(q, vectors); // 0.45 < 0.8·0.6 = 0.48: h stays an interest of its own
        assertEquals(2, q.interests().size());
        assertEquals(List.of("i/h"), q.interests().get(1).evidence());
    }

    @Test
    void interestsThatAreAlreadyTheGroupsStayAsTheyAre() {
        Interest x = new Interest(A.clone(), 2.0, 2, T0, List.of("i/a", "i/b"), false);
        Interest y = new Interest(C.clone(), 2.0, 2, T0, List.of("i/c", "i/d"), false);
        Profile p = profile(x, y);
        Profile before = p.copy();
        assertFalse(model(5, 0.5, 10).recluster(p, VECTORS)); // the groups {a, b} and {c, d} are the interests
        assertEquals(before, p);
    }

    @Test
    void moreItemsThanTheBoundAreNeverReclustered() {
        List<Interest> interests = new java.util.ArrayList<>();
        Map<String, float[]> vectors = new java.util.HashMap<>();
        for (int k = 0; k < 3; k++) { // 3 × 90 = 270 items > 256
            List<String> evidence = new java.util.ArrayList<>();
            for (int e = 0; e < 90; e++) {
                evidence.add("i/" + k + "-" + e);
                vectors.put("i/" + k + "-" + e, k == 0 ? A : k == 1 ? C : D);
            }
            interests.add(new Interest(B.clone(), 1.0, 90, T0, evidence, false));
        }
        Profile p = profile(interests.toArray(new Interest[0]));
        assertEquals(null, InterestModel.reclusterKeys(p));
        assertFalse(model(5, 0.5, 10).recluster(p, vectors));
    }

    @Test
    void dueWhenTheEventsCrossAMultipleOfTheInterval() {
        Profile p = profile(mixed()); // 40 events
        assertTrue(model(5, 0.5, 10).reclusterDue(39, p));
        assertTrue(model(5, 0.5, 10).reclusterDue(25, p));
        assertFalse(model(5, 0.5, 10).reclusterDue(40, p));
        assertFalse(model(5, 0.5, 0).reclusterDue(39, p)); // off
        assertEquals(List.of("i/a", "i/b", "i/c", "i/d"), InterestModel.reclusterKeys(p));
    }
}
