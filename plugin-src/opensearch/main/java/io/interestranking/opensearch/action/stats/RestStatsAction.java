package io.interestranking.opensearch.action.stats;

import static org.opensearch.rest.RestRequest.Method.GET;

import io.interestranking.opensearch.action.RestPaths;
import java.util.List;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.action.RestToXContentListener;
import org.opensearch.transport.client.node.NodeClient;

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
