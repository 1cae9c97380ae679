package io.interestranking.ranking;

import java.util.LinkedHashMap;
import java.util.function.IntSupplier;

/** LRU cache of query-text vectors (per model): repeated searches skip inference. */
public final class QueryEmbeddingCache {

    private record Key(String model, String text) {}

    private final IntSupplier capacity;
    private final LinkedHashMap<Key, float[]> entries = new LinkedHashMap<>(16, 0.75f, true);

    public QueryEmbeddingCache(IntSupplier capacity) {
        this.capacity = capacity;
    }

    public synchronized float[] get(String model, String text) {
        trim(capacity.getAsInt());
        return entries.get(new Key(model, text));
    }

    public synchronized void put(String model, String text, float[] vector) {
        int max = capacity.getAsInt();
        if (max > 0) {
            entries.put(new Key(model, text), vector);
        }
        trim(max);
    }

    /** The capacity is a dynamic setting: a lowered one applies at once. */
    private void trim(int max) {
        var it = entries.entrySet().iterator();
        while (entries.size() > Math.max(0, max) && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    public synchronized int size() {
        return entries.size();
    }

}
