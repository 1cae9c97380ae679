package io.interestranking.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopicBenchTest {

    /** Two topics of 10 items each: topic a near (1, 0, 0), topic b near (0, 1, 0), every item a unit vector. */
    static TopicBench.Catalog twoTopics() {
        List<TopicBench.Item> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double e = 0.01 * i; // a small, different tilt towards the third axis
            float n = (float) Math.sqrt(1 + e * e);
            items.add(new TopicBench.Item("a" + i, "a", new float[] {1 / n, 0, (float) e / n}));
            items.add(new TopicBench.Item("b" + i, "b", new float[] {0, 1 / n, (float) e / n}));
        }
        return new TopicBench.Catalog("two", "m", items);
    }

    @Test
    void offlineClusteringSeparatesOrthogonalTopics() {
        // items of one topic have cosine ≈ 1 with each other, ≈ 0 with the other topic's: at τ 0.5 the clicks of
        // a user of both topics form exactly two clusters, each of one topic
        TopicBench.Result r = TopicBench.offline(twoTopics(), 0.5, 2, 5, new Random(1));
        assertEquals(1.0, r.interestsPerTopic(), 1e-12); // two clusters for two topics
        assertEquals(1.0, r.purity(), 1e-12);
        assertEquals(1.0, r.pureShare(), 1e-12);
    }

    @Test
    void offlineClusteringMergesEverythingBelowTheThreshold() {
        // τ below the cross-topic cosine (≈ 0): both topics end in one cluster, half of each
        TopicBench.Result r = TopicBench.offline(twoTopics(), -0.5, 2, 5, new Random(1));
        assertEquals(0.5, r.interestsPerTopic(), 1e-12);
        assertEquals(0.5, r.purity(), 1e-12);
        assertEquals(0.0, r.pureShare(), 1e-12);
    }
}
