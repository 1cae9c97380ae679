package io.interestranking.opensearch.ranking;

import io.interestranking.core.scoring.RescoreMath;
import org.opensearch.common.cache.Cache;
import org.opensearch.common.cache.CacheBuilder;
import org.opensearch.core.common.unit.ByteSizeValue;

/**
 * The rescored components of recent hits, so that {@code explain} can show the MMR adjustment: it depends on the
 * whole window, which the fetch phase does not see. Keyed by segment core, doc and the request's signature
 * (user, search time, settings); bounded by bytes ({@code plugins.interest.query.explain_cache_size}), one per node.
 */
public final class ExplainCache {

    private record Key(Object segment, int doc, String signature) {}

    /** An entry's heap: the key, its signature text, the components' five doubles, the objects' headers. */
    private static long weight(Key key) {
        return 160 + 2L * key.signature().length();
    }

    private final Cache<Key, RescoreMath.Components> cache;

    public ExplainCache(ByteSizeValue size) {
        this.cache = CacheBuilder.<Key, RescoreMath.Components>builder()
                .setMaximumWeight(size.getBytes())
                .weigher((key, components) -> weight(key))
                .build();
    }

    public void resize(ByteSizeValue size) {
        cache.setMaximumWeight(size.getBytes());
    }

    public void put(Object segment, int doc, String signature, RescoreMath.Components components) {
        cache.put(new Key(segment, doc, signature), components);
    }

    public RescoreMath.Components get(Object segment, int doc, String signature) {
        return cache.get(new Key(segment, doc, signature));
    }
}
