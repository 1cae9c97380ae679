package io.interestranking.opensearch.ranking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.common.unit.ByteSizeValue;

class QueryEmbeddingCacheTest {

    /** Embeddings asked for, each waiting for its vector. */
    private final List<ActionListener<float[]>> started = new ArrayList<>();

    private CompletableFuture<float[]> ask(QueryEmbeddingCache cache, String text) {
        return cache.vector("m", text, started::add);
    }

    // an entry of a one-character text of model "m" (2 dimensions) weighs 64 + 2·1 + 4·2 = 74 bytes
    private QueryEmbeddingCache cache(long bytes) {
        return new QueryEmbeddingCache(new ByteSizeValue(bytes), model -> model.equals("m") ? 2 : 0);
    }

    @Test
    void searchesForATextUnderWayWaitForItsOneEmbedding() {
        QueryEmbeddingCache cache = cache(1000);
        CompletableFuture<float[]> first = ask(cache, "a");
        CompletableFuture<float[]> second = ask(cache, "a");
        assertSame(first, second);
        assertEquals(1, started.size());
        started.get(0).onResponse(new float[] {1, 0});
        assertArrayEquals(new float[] {1, 0}, second.join());
        assertArrayEquals(new float[] {1, 0}, ask(cache, "a").join()); // served from the cache
        assertEquals(1, started.size());
    }

    @Test
    void aFailedEmbeddingIsNotKept() {
        QueryEmbeddingCache cache = cache(1000);
        CompletableFuture<float[]> failed = ask(cache, "a");
        started.get(0).onFailure(new IllegalStateException("rejected"));
        assertTrue(failed.isCompletedExceptionally());
        CompletableFuture<float[]> again = ask(cache, "a");
        assertEquals(2, started.size());
        // failing at once, before the cache holds it, is not kept either
        QueryEmbeddingCache other = cache(1000);
        other.vector("m", "b", l -> l.onFailure(new IllegalArgumentException("unknown model")));
        assertEquals(0, other.size());
        started.get(1).onResponse(new float[] {0, 1});
        assertArrayEquals(new float[] {0, 1}, again.join());
    }

    @Test
    void boundedByBytesTheLeastRecentlyUsedGoesFirst() {
        QueryEmbeddingCache cache = cache(150); // two entries of 74 bytes
        ask(cache, "a");
        ask(cache, "b");
        started.forEach(l -> l.onResponse(new float[] {1, 0}));
        ask(cache, "a"); // a is now the most recent
        ask(cache, "c");
        assertEquals(2, cache.size());
        assertEquals(3, started.size());
        ask(cache, "a");
        assertEquals(3, started.size()); // still there
        ask(cache, "b");
        assertEquals(4, started.size()); // evicted: embedded again
        cache.resize(new ByteSizeValue(0));
        ask(cache, "d");
        assertEquals(0, cache.size());
    }
}
