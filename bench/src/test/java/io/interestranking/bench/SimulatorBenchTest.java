package io.interestranking.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SimulatorBenchTest {

    @Test
    void aUsersClickProbabilitiesFollowTheirHiddenTastesAndTheShift() {
        SimulatorBench.User u = new SimulatorBench.User(1, "hiking", "jazz", "chess", "coffee");
        assertEquals(0.6, u.click("hiking", 0, 8));
        assertEquals(0.3, u.click("jazz", 0, 8));
        assertEquals(0.02, u.click("coffee", 7, 8));
        assertEquals(0.0, u.click("chess", 3, 8));
        // from the shift on: the new main topic, the old one faded
        assertEquals(0.6, u.click("coffee", 8, 8));
        assertEquals(0.06, u.click("hiking", 8, 8));
        assertEquals(0.3, u.click("jazz", 20, 8));
    }

    @Test
    void eachVariantsSettingsAreTheHalfLivesOfARoundUnderItsOwn() {
        var variants = java.util.List.of(
                new SimulatorBench.Variant("full", java.util.Map.of(), 0.1, true),
                new SimulatorBench.Variant(
                        "no decay", java.util.Map.of("plugins.interest.profile.long_term_half_life", "0s"), 0.1, true));
        var settings = SimulatorBench.settings(10_000, variants, SimulatorBench.Variant::settings);
        // a round of 10 s: short-term one round, long-term five, negative twenty
        assertEquals("10000ms", settings.get(0).get("plugins.interest.profile.short_term_half_life"));
        assertEquals("50000ms", settings.get(0).get("plugins.interest.profile.long_term_half_life"));
        assertEquals("200000ms", settings.get(0).get("plugins.interest.profile.negative_half_life"));
        assertEquals("0s", settings.get(1).get("plugins.interest.profile.long_term_half_life"));
        assertEquals("10000ms", settings.get(1).get("plugins.interest.profile.short_term_half_life"));
    }

    @Test
    void meanAndTheHalfWidthOfIts95PercentInterval() {
        // mean 2, sample variance ((−1)² + 0 + 1²)/2 = 1, half-width 1.96·√(1/3)
        assertArrayEquals(
                new double[] {2, 1.96 * Math.sqrt(1.0 / 3)}, SimulatorBench.meanCi(new double[] {1, 2, 3}), 1e-12);
    }

    @Test
    void adaptationCountsSessionsUntilHalfTheTopTenIsTheNewTopic() {
        SimulatorBench.Trace quick = new SimulatorBench.Trace(6), never = new SimulatorBench.Trace(6);
        quick.shownNext[3] = 2;
        quick.shownNext[4] = 5;
        double[] sessions = SimulatorBench.adaptation(new SimulatorBench.Trace[] {quick, never}, 3, 6);
        assertArrayEquals(new double[] {1, 3}, sessions); // one session after the shift; never: censored at the end
    }

    @Test
    void discoveryCountsSessionsUntilTheFirstClickOnTheSecondTopic() {
        SimulatorBench.Trace early = new SimulatorBench.Trace(6), late = new SimulatorBench.Trace(6);
        SimulatorBench.Trace never = new SimulatorBench.Trace(6);
        early.clickedSecond[0] = 1;
        late.clickedSecond[2] = 2;
        late.clickedSecond[5] = 1; // after the shift (4): does not count
        never.clickedSecond[4] = 1;
        double[] sessions = SimulatorBench.discovery(new SimulatorBench.Trace[] {early, late, never}, 4);
        assertArrayEquals(
                new double[] {1, 3, 5}, sessions); // in the 1st and 3rd session; never before the shift: 4 + 1
    }
}
