package io.interestranking.ranking;

import io.interestranking.embedding.EmbeddingService;
import io.interestranking.profile.access.ProfileReadAction;
import io.interestranking.profile.access.UsersRequest;
import io.interestranking.profile.access.UsersResponse;
import io.interestranking.settings.InterestConfig;
import java.util.function.Supplier;
import org.opensearch.core.action.ActionListener;
import org.opensearch.transport.client.Client;

/**
 * What the query builders need from the node: handed to their parser and reader by the plugin (no statics).
 * Suppliers, because queries are registered before the node's components exist; the settings are read through
 * {@code config}, which the plugin builds first; profiles are read through {@code profiles}.
 */
public record RankingContext(
        Supplier<EmbeddingService> embeddings,
        Supplier<QueryEmbeddingCache> cache,
        InterestConfig config,
        Supplier<ExplainCache> explainCache,
        ProfileReader profiles) {

    /** How a search reads a profile during its rewrite, with the client the rewrite hands out (the caller's). */
    @FunctionalInterface
    public interface ProfileReader {
        void read(Client client, UsersRequest request, ActionListener<UsersResponse> listener);
    }

    /** The node's context: profiles are read through {@link ProfileReadAction}, which is authorized by name. */
    public static RankingContext of(
            Supplier<EmbeddingService> embeddings,
            Supplier<QueryEmbeddingCache> cache,
            InterestConfig config,
            Supplier<ExplainCache> explainCache) {
        return new RankingContext(
                embeddings,
                cache,
                config,
                explainCache,
                (client, request, listener) -> client.execute(ProfileReadAction.INSTANCE, request, listener));
    }
}
