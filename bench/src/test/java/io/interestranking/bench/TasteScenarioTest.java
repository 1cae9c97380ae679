package io.interestranking.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TasteScenarioTest {

    @Test
    void clickProbabilityRisesWithTheCosineToTheNearestTaste() {
        assertEquals(0.02, TasteScenario.click(0.1), 1e-12); // below 0.3: the background rate
        assertEquals(0.02, TasteScenario.click(0.3), 1e-12);
        assertEquals(0.02 + 0.68 * 0.5, TasteScenario.click(0.45), 1e-12); // halfway from 0.3 to 0.6
        assertEquals(0.70, TasteScenario.click(0.6), 1e-12);
        assertEquals(0.70, TasteScenario.click(0.95), 1e-12); // capped
    }
}
