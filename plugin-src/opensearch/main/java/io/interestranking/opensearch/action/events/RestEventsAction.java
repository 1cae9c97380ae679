package io.interestranking.opensearch.action.events;

import static org.opensearch.rest.RestRequest.Method.POST;

import io.interestranking.opensearch.action.RestPaths;
import io.interestranking.opensearch.profile.access.EventsRequest;
import io.interestranking.opensearch.profile.access.ProfileWriteAction;
import io.interestranking.opensearch.profile.access.ProfileWriteRequest;
import io.interestranking.opensearch.settings.InterestConfig;
import io.interestranking.opensearch.settings.InterestSettings;
import java.io.IOException;
import java.util.List;
import org.opensearch.OpenSearchStatusException;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.action.RestToXContentListener;
import org.opensearch.transport.client.node.NodeClient;

public final class RestEventsAction extends BaseRestHandler {

    private final InterestConfig config;

    public RestEventsAction(InterestConfig config) {
        this.config = config;
    }

    @Override
    public String getName() {
        return "interest_events";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(POST, RestPaths.BASE + "/events"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) throws IOException {
        long maxBody = config.eventsMaxBody();
        if (request.content().length() > maxBody) {
            throw new OpenSearchStatusException(
                    "request body is " + request.content().length() + " bytes, more than ["
                            + InterestSettings.EVENTS_MAX_BODY.getKey() + "] = " + maxBody,
                    RestStatus.REQUEST_ENTITY_TOO_LARGE);
        }
        List<Object> events = RestPaths.parseBody(request, EventsRequest::parse).events();
        int max = config.eventsMaxPerRequest();
        if (events.isEmpty() || events.size() > max) {
            throw new IllegalArgumentException("[events] must hold 1 to " + max + " events (["
                    + InterestSettings.EVENTS_MAX_PER_REQUEST.getKey() + "]), got " + events.size());
        }
        ProfileWriteRequest write = ProfileWriteRequest.events(events);
        return channel -> client.execute(ProfileWriteAction.INSTANCE, write, new RestToXContentListener<>(channel));
    }
}
