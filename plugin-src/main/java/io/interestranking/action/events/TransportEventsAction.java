package io.interestranking.action.events;

import io.interestranking.profile.EventsService;
import io.interestranking.stats.InterestStats;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

public final class TransportEventsAction extends HandledTransportAction<EventsRequest, EventsResponse> {

    private final EventsService events;
    private final InterestStats stats;

    @Inject
    public TransportEventsAction(TransportService transportService, ActionFilters actionFilters, EventsService events, InterestStats stats) {
        super(EventsAction.NAME, transportService, actionFilters, EventsRequest::new);
        this.events = events;
        this.stats = stats;
    }

    @Override
    protected void doExecute(Task task, EventsRequest request, ActionListener<EventsResponse> listener) {
        long start = System.nanoTime();
        events.apply(request.events(), ActionListener.map(listener, results -> {
            long took = System.nanoTime() - start;
            stats.recordEventsRequest(took);
            return new EventsResponse(took / 1_000_000, results);
        }));
    }
}
