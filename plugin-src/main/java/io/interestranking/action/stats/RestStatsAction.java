package io.interestranking.action.stats;

import io.interestranking.action.RestPaths;

import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.action.RestToXContentListener;
import org.opensearch.transport.client.node.NodeClient;

import java.util.List;

import static org.opensearch.rest.RestRequest.Method.GET;

public final class RestStatsAction extends BaseRestHandler {

    @Override
    public String getName() {
        return "interest_stats";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(GET, RestPaths.BASE + "/stats"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
        StatsRequest stats = new StatsRequest();
        return channel -> client.execute(StatsAction.INSTANCE, stats, new RestToXContentListener<>(channel));
    }
}
