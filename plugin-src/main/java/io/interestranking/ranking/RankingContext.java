package io.interestranking.ranking;

import io.interestranking.embedding.EmbeddingService;
import io.interestranking.profile.ModelParams;

import java.util.function.Supplier;

/**
 * What the query builders need from the node: handed to their parser and reader by the plugin (no statics).
 * Suppliers, because queries are registered before the node's components exist.
 */
public record RankingContext(
    Supplier<EmbeddingService> embeddings,
    Supplier<QueryEmbeddingCache> cache,
    Supplier<ModelParams> params,
    Supplier<String> defaultModel,
    Supplier<ExplainCache> explainCache
) {}
