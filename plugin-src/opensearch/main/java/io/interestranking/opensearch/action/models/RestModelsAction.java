package io.interestranking.opensearch.action.models;

import static org.opensearch.rest.RestRequest.Method.GET;

import io.interestranking.opensearch.action.RestPaths;
import java.util.List;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.action.RestToXContentListener;
import org.opensearch.transport.client.node.NodeClient;

public final class RestModelsAction extends BaseRestHandler {

    @Override
    public String getName() {
        return "interest_models";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(GET, RestPaths.BASE + "/models"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
        return channel ->
                client.execute(ModelsAction.INSTANCE, new ModelsRequest(), new RestToXContentListener<>(channel));
    }
}
