package io.interestranking.ranking;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rescored components of recent hits, so that {@code explain} can show the MMR adjustment: it depends on the
 * whole window, which the fetch phase does not see. Keyed by segment core, doc and the request's signature
 * (user, search time, settings); bounded LRU, one per node.
 */
public final class ExplainCache {

    private record Key(Object segment, int doc, String signature) {}

    private final int capacity;
    private final Map<Key, RescoreMath.Components> entries;

    public ExplainCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, RescoreMath.Components> eldest) {
                return size() > ExplainCache.this.capacity;
            }
        };
    }

    public synchronized void put(Object segment, int doc, String signature, RescoreMath.Components components) {
        entries.put(new Key(segment, doc, signature), components);
    }

    public synchronized RescoreMath.Components get(Object segment, int doc, String signature) {
        return entries.get(new Key(segment, doc, signature));
    }
}
