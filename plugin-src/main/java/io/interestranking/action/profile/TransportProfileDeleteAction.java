package io.interestranking.action.profile;

import io.interestranking.profile.ProfileStore;
import io.interestranking.profile.access.ProfileDeleteAction;
import io.interestranking.profile.access.UsersRequest;
import io.interestranking.profile.access.UsersResponse;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

public final class TransportProfileDeleteAction extends HandledTransportAction<UsersRequest, UsersResponse> {

    private final ProfileStore store;

    @Inject
    public TransportProfileDeleteAction(TransportService transport, ActionFilters filters, ProfileStore store) {
        super(ProfileDeleteAction.NAME, transport, filters, UsersRequest::new);
        this.store = store;
    }

    @Override
    protected void doExecute(Task task, UsersRequest request, ActionListener<UsersResponse> listener) {
        String user = request.userId();
        store.delete(user, ActionListener.map(listener, found -> new UsersResponse(user, null, found, false, true, null)));
    }
}
