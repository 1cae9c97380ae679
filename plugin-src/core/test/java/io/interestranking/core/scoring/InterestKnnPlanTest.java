package io.interestranking.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.interestranking.core.profile.Interest;
import io.interestranking.core.profile.ModelParams;
import io.interestranking.core.profile.Profile;
import io.interestranking.core.profile.RecentIds;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterestKnnPlanTest {

    static final long T = 1_700_000_000_000L;

    static Profile profile(Interest shortTerm, Interest negative) {
        Profile p = new Profile("u", "m");
        p.restore(
                T,
                4,
                List.of(
                        new Interest(new float[] {1, 0, 0}, 2.0, 2, T, List.of(), false),
                        new Interest(new float[] {0, 1, 0}, 1.0, 1, T, List.of(), false)),
                shortTerm,
                negative,
                new RecentIds());
        return p;
    }

    @Test
    void handComputedPlanWithTheDefaults() {
        Interest shortTerm = new Interest(new float[] {0, 0, 1}, 1.0, 1, T, List.of(), false);
        Interest negative = new Interest(new float[] {0.6f, 0.8f, 0}, 1.0, 1, T, List.of(), false);
        InterestKnnPlan plan = InterestKnnPlan.of(profile(shortTerm, negative), ModelParams.defaults(), T);
        // shares (w½ = 1): confidences 2/3 and 1/2, so 1 and 0.75; addends 0 and (1 − 0.75)/1.5 = 1/6
        assertEquals(2, plan.interests().size());
        assertEquals(1.0, plan.interests().get(0).share(), 1e-12);
        assertEquals(0.0, plan.interests().get(0).addend(), 1e-12);
        assertEquals(0.75, plan.interests().get(1).share(), 1e-12);
        assertEquals(1.0 / 6, plan.interests().get(1).addend(), 1e-12);
        // short-term boost 0.3 · 1/(1 + 1) = 0.15; negative keep 1 − 0.5 · 1/(1 + 1) = 0.75
        assertEquals(0.15f, plan.shortTerm().factor(), 1e-7);
        assertEquals(0.75f, plan.negative().factor(), 1e-7);
        // r·(s + addend) = (1 + r·cos)/2 for the second interest at cos 0.6: 0.75·(0.8 + 1/6) = 0.725 = (1 + 0.45)/2
        assertEquals(0.725, 0.75 * ((1 + 0.6) / 2 + plan.interests().get(1).addend()), 1e-12);
    }

    @Test
    void partsThatDecayedAwayAreLeftOut() {
        Interest shortTerm = new Interest(new float[] {0, 0, 1}, 1.0, 1, T, List.of(), false);
        // 20 short-term half-lives later: boost 0.3 · w/(w + 1) with w = 2⁻²⁰ is below 10⁻³
        InterestKnnPlan plan =
                InterestKnnPlan.of(profile(shortTerm, null), ModelParams.defaults(), T + 20 * ModelParams.HOUR);
        assertNull(plan.shortTerm());
        assertNull(plan.negative());
        assertEquals(2, plan.interests().size());
        assertTrue(InterestKnnPlan.of(new Profile("v", "m"), ModelParams.defaults(), T)
                .isEmpty());
    }
}
