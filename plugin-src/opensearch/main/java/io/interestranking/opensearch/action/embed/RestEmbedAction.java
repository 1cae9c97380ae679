package io.interestranking.opensearch.action.embed;

import static org.opensearch.rest.RestRequest.Method.POST;

import io.interestranking.opensearch.action.RestPaths;
import java.io.IOException;
import java.util.List;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.action.RestToXContentListener;
import org.opensearch.transport.client.node.NodeClient;

public final class RestEmbedAction extends BaseRestHandler {

    @Override
    public String getName() {
        return "interest_embed";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(POST, RestPaths.BASE + "/_embed"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) throws IOException {
        EmbedRequest embedRequest = RestPaths.parseBody(request, EmbedRequest::parse);
        return channel -> client.execute(EmbedAction.INSTANCE, embedRequest, new RestToXContentListener<>(channel));
    }
}
