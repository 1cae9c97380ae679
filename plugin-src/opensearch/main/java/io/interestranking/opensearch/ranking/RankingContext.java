package io.interestranking.opensearch.ranking;

import io.interestranking.core.embedding.EmbeddingService;
import io.interestranking.opensearch.profile.access.ProfileReadAction;
import io.interestranking.opensearch.profile.access.UsersRequest;
import io.interestranking.opensearch.profile.access.UsersResponse;
import io.interestranking.opensearch.settings.InterestConfig;
import java.util.Map;
import java.util.function.Supplier;
import org.opensearch.action.IndicesRequest;
import org.opensearch.cluster.metadata.IndexNameExpressionResolver;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.core.action.ActionListener;
import org.opensearch.transport.client.Client;

/**
 * What the query builders need from the node: handed to their parser and reader by the plugin (no statics).
 * Suppliers, because queries are registered before the node's components exist; the settings are read through
 * {@code config}, which the plugin builds first; profiles are read through {@code profiles}, fields' dimensions
 * through {@code fields}.
 */
public record RankingContext(
        Supplier<EmbeddingService> embeddings,
        Supplier<QueryEmbeddingCache> cache,
        InterestConfig config,
        Supplier<ExplainCache> explainCache,
        ProfileReader profiles,
        FieldDimensions fields) {

    /** How a search reads a profile during its rewrite, with the client the rewrite hands out (the caller's). */
    @FunctionalInterface
    public interface ProfileReader {
        void read(Client client, UsersRequest request, ActionListener<UsersResponse> listener);
    }

    /** The dimension of a knn_vector field in each index a search reads ({@link SearchSpace}). */
    @FunctionalInterface
    public interface FieldDimensions {
        Map<String, Integer> dimensions(IndicesRequest search, String field);
    }

    /**
     * The node's context: profiles are read through {@link ProfileReadAction}, which is authorized by name; fields'
     * dimensions come from the cluster state of {@code clusterService} once it exists.
     */
    public static RankingContext of(
            Supplier<EmbeddingService> embeddings,
            Supplier<QueryEmbeddingCache> cache,
            InterestConfig config,
            Supplier<ExplainCache> explainCache,
            Supplier<ClusterService> clusterService,
            Supplier<IndexNameExpressionResolver> resolver) {
        return new RankingContext(
                embeddings,
                cache,
                config,
                explainCache,
                (client, request, listener) -> client.execute(ProfileReadAction.INSTANCE, request, listener),
                (search, field) -> SearchSpace.dimensions(clusterService.get().state(), resolver.get(), search, field));
    }
}
