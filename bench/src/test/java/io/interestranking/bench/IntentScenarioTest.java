package io.interestranking.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntentScenarioTest {

    @Test
    void theSessionsIntentIsClickedMostThenTheMainTopic() {
        assertEquals(0.6, IntentScenario.click("hiking", "hiking", "books"), 1e-12);
        assertEquals(0.5, IntentScenario.click("books", "hiking", "books"), 1e-12);
        assertEquals(0.02, IntentScenario.click("garden", "hiking", "books"), 1e-12);
    }

    @Test
    void anIntentIsNeverTheMainTopicNorTheLastSessionsIntent() {
        List<String> topics = List.of("a", "b", "c");
        String[] mains = {"a", "b", "c", "a"};
        String[][] intents = IntentScenario.intents(topics, mains, 50, new Random(1));
        for (int u = 0; u < mains.length; u++) {
            for (int s = 0; s < 50; s++) {
                assertNotEquals(mains[u], intents[u][s]);
                if (s > 0) {
                    assertNotEquals(intents[u][s - 1], intents[u][s]);
                }
            }
        }
        // with three topics, the two others alternate
        assertEquals(intents[0][0], intents[0][2]);
    }
}
