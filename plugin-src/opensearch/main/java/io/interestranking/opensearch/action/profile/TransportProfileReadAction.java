package io.interestranking.opensearch.action.profile;

import io.interestranking.core.embedding.EmbeddingService;
import io.interestranking.core.profile.ProfileId;
import io.interestranking.opensearch.profile.ProfileStore;
import io.interestranking.opensearch.profile.access.ProfileReadAction;
import io.interestranking.opensearch.profile.access.UsersRequest;
import io.interestranking.opensearch.profile.access.UsersResponse;
import io.interestranking.opensearch.settings.InterestConfig;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

/** Reads a profile for a caller the filters have let through; the read of the system index itself is the plugin's. */
public final class TransportProfileReadAction extends HandledTransportAction<UsersRequest, UsersResponse> {

    private final ProfileStore store;
    private final InterestConfig config;
    private final EmbeddingService embeddings;

    @Inject
    public TransportProfileReadAction(
            TransportService transport,
            ActionFilters filters,
            ProfileStore store,
            InterestConfig config,
            EmbeddingService embeddings) {
        super(ProfileReadAction.NAME, transport, filters, UsersRequest::new);
        this.store = store;
        this.config = config;
        this.embeddings = embeddings;
    }

    @Override
    protected void doExecute(Task task, UsersRequest request, ActionListener<UsersResponse> listener) {
        String user = request.userId();
        // an unknown model throws: the action's filter chain hands that 400 to the listener
        String model = request.modelOr(config.defaultModel());
        ProfileId id = new ProfileId(user, embeddings.spec(model).space());
        store.get(
                id,
                ActionListener.map(
                        listener,
                        read -> new UsersResponse(
                                user,
                                read.profile(),
                                read.profile() != null,
                                request.includeVectors(),
                                false,
                                config.modelParams())));
    }
}
