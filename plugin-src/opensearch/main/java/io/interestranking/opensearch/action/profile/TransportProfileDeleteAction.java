package io.interestranking.opensearch.action.profile;

import io.interestranking.core.embedding.EmbeddingService;
import io.interestranking.opensearch.profile.ProfileStore;
import io.interestranking.opensearch.profile.access.ProfileDeleteAction;
import io.interestranking.opensearch.profile.access.UsersRequest;
import io.interestranking.opensearch.profile.access.UsersResponse;
import java.util.Set;
import java.util.TreeSet;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

/** Forgets the user: their profile in every space, whatever this node caches of it. */
public final class TransportProfileDeleteAction extends HandledTransportAction<UsersRequest, UsersResponse> {

    private final ProfileStore store;
    private final EmbeddingService embeddings;

    @Inject
    public TransportProfileDeleteAction(
            TransportService transport, ActionFilters filters, ProfileStore store, EmbeddingService embeddings) {
        super(ProfileDeleteAction.NAME, transport, filters, UsersRequest::new);
        this.store = store;
        this.embeddings = embeddings;
    }

    @Override
    protected void doExecute(Task task, UsersRequest request, ActionListener<UsersResponse> listener) {
        String user = request.userId();
        Set<String> spaces = new TreeSet<>();
        embeddings
                .registry()
                .models()
                .values()
                .forEach(entry -> spaces.add(entry.spec().space()));
        store.deleteUser(
                user,
                spaces,
                ActionListener.map(listener, found -> new UsersResponse(user, null, found, false, true, null)));
    }
}
