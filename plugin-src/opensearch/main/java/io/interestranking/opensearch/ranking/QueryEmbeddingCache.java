package io.interestranking.opensearch.ranking;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.opensearch.common.cache.Cache;
import org.opensearch.common.cache.CacheBuilder;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.common.unit.ByteSizeValue;

/**
 * Vectors of query texts per model, bounded by their bytes ({@code plugins.interest.query.embedding_cache_size}):
 * repeated searches skip inference, and searches for a text whose embedding is under way wait for it instead of
 * embedding it again. A failed embedding is not kept.
 */
public final class QueryEmbeddingCache {

    private record Key(String model, String text) {}

    private final Cache<Key, CompletableFuture<float[]>> cache;

    /** {@code dimensions}: a model's vector length (0 when unknown), to weigh an entry before its vector exists. */
    public QueryEmbeddingCache(ByteSizeValue size, ToIntFunction<String> dimensions) {
        this.cache = CacheBuilder.<Key, CompletableFuture<float[]>>builder()
                .setMaximumWeight(size.getBytes())
                .weigher((key, vector) -> 64 + 2L * key.text().length() + 4L * dimensions.applyAsInt(key.model()))
                .build();
    }

    /** The size is a dynamic setting: a smaller one evicts at the next entry. */
    public void resize(ByteSizeValue size) {
        cache.setMaximumWeight(size.getBytes());
    }

    /** The vector of {@code text}: cached, under way, or started now by {@code embed}. */
    public CompletableFuture<float[]> vector(String model, String text, Consumer<ActionListener<float[]>> embed) {
        Key key = new Key(model, text);
        CompletableFuture<float[]> vector;
        try {
            vector = cache.computeIfAbsent(key, k -> {
                CompletableFuture<float[]> started = new CompletableFuture<>();
                embed.accept(ActionListener.wrap(started::complete, e -> {
                    cache.invalidate(k, started);
                    started.completeExceptionally(e);
                }));
                return started;
            });
        } catch (ExecutionException e) {
            return CompletableFuture.failedFuture(e.getCause());
        }
        if (vector.isCompletedExceptionally()) {
            cache.invalidate(key, vector); // failed before the cache held it
        }
        return vector;
    }

    public int size() {
        return cache.count();
    }
}
