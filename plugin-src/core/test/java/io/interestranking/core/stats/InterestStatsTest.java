package io.interestranking.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InterestStatsTest {

    @Test
    void inferenceCountersSumTimeAndTexts() {
        InterestStats stats = new InterestStats();
        stats.recordInference(3, 2_500_000);
        stats.recordInference(1, 2_600_000);
        stats.recordInference(2, 1_000_000);
        Map<String, Object> s = stats.snapshot();
        assertEquals(3L, s.get("inference_calls"));
        assertEquals(6L, s.get("texts_embedded"));
        // 6.1 ms in all, whole milliseconds
        assertEquals(6L, s.get("inference_time_in_millis"));
        @SuppressWarnings("unchecked")
        Map<String, Object> latency = (Map<String, Object>) s.get("inference_latency_ms");
        // sorted 1.0, 2.5, 2.6: p50 is the 2nd value, p90 and p99 the 3rd
        assertEquals(3L, latency.get("count"));
        assertEquals(2.5, latency.get("p50"));
        assertEquals(2.6, latency.get("p99"));
    }
}
