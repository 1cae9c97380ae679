package io.interestranking.ranking;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class QueryEmbeddingCacheTest {

    @Test
    void leastRecentlyUsedGoesFirstAndALoweredCapacityAppliesAtOnce() {
        AtomicInteger capacity = new AtomicInteger(2);
        QueryEmbeddingCache cache = new QueryEmbeddingCache(capacity::get);
        cache.put("m", "a", new float[] { 1 });
        cache.put("m", "b", new float[] { 2 });
        assertArrayEquals(new float[] { 1 }, cache.get("m", "a")); // a is now the most recent
        cache.put("m", "c", new float[] { 3 });
        assertNull(cache.get("m", "b"));
        assertNull(cache.get("other-model", "a"));
        assertEquals(2, cache.size());
        capacity.set(0);
        assertNull(cache.get("m", "a"));
        assertEquals(0, cache.size());
    }
}
