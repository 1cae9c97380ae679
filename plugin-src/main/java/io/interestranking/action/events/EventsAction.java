package io.interestranking.action.events;

import org.opensearch.action.ActionType;

/** {@code POST /_plugins/_interest/events}: apply a batch of feedback events. */
public final class EventsAction extends ActionType<EventsResponse> {

    public static final String NAME = "cluster:admin/interest/events";
    public static final EventsAction INSTANCE = new EventsAction();

    private EventsAction() {
        super(NAME, EventsResponse::new);
    }
}
