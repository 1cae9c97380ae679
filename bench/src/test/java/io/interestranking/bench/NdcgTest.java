package io.interestranking.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NdcgTest {

    @Test
    void handComputedValues() {
        Map<String, Integer> rel = Map.of("a", 1, "b", 1);
        // a at rank 1, b at rank 3: dcg = 1 + 1/log2(4) = 1.5; idcg = 1 + 1/log2(3) = 1.63093
        assertEquals(1.5 / (1 + 1 / (Math.log(3) / Math.log(2))), Ndcg.at(10, List.of("a", "x", "b"), rel), 1e-12);
        assertEquals(1.0, Ndcg.at(10, List.of("b", "a"), rel), 1e-12);
        assertEquals(0.0, Ndcg.at(1, List.of("x", "a"), rel), 1e-12);
    }
}
