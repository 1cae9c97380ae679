package io.interestranking.action.users;

import io.interestranking.embedding.EmbeddingService;
import io.interestranking.embedding.TextKind;
import io.interestranking.profile.InterestModel;
import io.interestranking.profile.ModelParams;
import io.interestranking.profile.ProfileCodec;
import io.interestranking.profile.ProfileStore;
import io.interestranking.settings.InterestSettings;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

import java.util.List;

public final class TransportUsersAction extends HandledTransportAction<UsersRequest, UsersResponse> {

    private final ProfileStore store;
    private final EmbeddingService embeddings;
    private final ClusterService clusterService;

    @Inject
    public TransportUsersAction(
        TransportService transportService,
        ActionFilters actionFilters,
        ProfileStore store,
        EmbeddingService embeddings,
        ClusterService clusterService
    ) {
        super(UsersAction.NAME, transportService, actionFilters, UsersRequest::new);
        this.store = store;
        this.embeddings = embeddings;
        this.clusterService = clusterService;
    }

    @Override
    protected void doExecute(Task task, UsersRequest request, ActionListener<UsersResponse> listener) {
        ModelParams params = InterestSettings.modelParams(clusterService.getClusterSettings());
        String user = request.userId();
        switch (request.op()) {
            case GET -> store.get(user, ActionListener.map(listener, read -> new UsersResponse(user, read.profile(),
                read.profile() != null, request.includeVectors(), false, params)));
            case DELETE -> store.delete(user, ActionListener.map(listener, found -> new UsersResponse(user, null, found, false, true, params)));
            case PUT -> {
                String model = clusterService.getClusterSettings().get(InterestSettings.DEFAULT_MODEL);
                embeddings.embed(model, request.texts(), TextKind.QUERY, 32, ActionListener.wrap(vectors -> {
                    long now = System.currentTimeMillis();
                    store.update(user, profile -> {
                        int dim = ProfileCodec.dimension(profile);
                        if (dim != -1 && dim != vectors[0].length) {
                            throw new IllegalArgumentException(
                                "[interests] embed to " + vectors[0].length + " dimensions, the profile of [" + user + "] has " + dim
                            );
                        }
                        new InterestModel(params).declare(profile, List.of(vectors), request.texts(), now);
                        return new ProfileStore.Update<>(profile, true);
                    }, ActionListener.map(listener, profile -> new UsersResponse(user, profile, true, request.includeVectors(), false, params)));
                }, listener::onFailure));
            }
        }
    }
}
