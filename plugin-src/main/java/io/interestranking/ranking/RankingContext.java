package io.interestranking.ranking;

import io.interestranking.embedding.EmbeddingService;
import io.interestranking.settings.InterestConfig;
import java.util.function.Supplier;

/**
 * What the query builders need from the node: handed to their parser and reader by the plugin (no statics).
 * Suppliers, because queries are registered before the node's components exist; the settings are read through
 * {@code config}, which the plugin builds first.
 */
public record RankingContext(
        Supplier<EmbeddingService> embeddings,
        Supplier<QueryEmbeddingCache> cache,
        InterestConfig config,
        Supplier<ExplainCache> explainCache) {}
