package io.interestranking.opensearch.action.users;

import static org.opensearch.rest.RestRequest.Method.DELETE;
import static org.opensearch.rest.RestRequest.Method.GET;
import static org.opensearch.rest.RestRequest.Method.PUT;

import io.interestranking.core.events.EventParser;
import io.interestranking.core.profile.UserIds;
import io.interestranking.opensearch.action.RestPaths;
import io.interestranking.opensearch.profile.access.ProfileDeleteAction;
import io.interestranking.opensearch.profile.access.ProfileReadAction;
import io.interestranking.opensearch.profile.access.ProfileWriteAction;
import io.interestranking.opensearch.profile.access.ProfileWriteRequest;
import io.interestranking.opensearch.profile.access.UsersRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.core.ParseField;
import org.opensearch.core.xcontent.ObjectParser;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.action.RestStatusToXContentListener;
import org.opensearch.transport.client.node.NodeClient;

/** GET (the profile), PUT (declared interests from text) and DELETE (forget the user) of one user. */
public final class RestUsersAction extends BaseRestHandler {

    static final int MAX_DECLARED = 20;
    static final int MAX_TEXT = EventParser.MAX_TEXT_LENGTH;

    /** {@code {"interests": ["I like trail running", ...]}}. */
    private static final ObjectParser<List<String>, Void> PUT_PARSER = new ObjectParser<>("users", ArrayList::new);

    static {
        PUT_PARSER.declareStringArray(List::addAll, new ParseField("interests"));
    }

    @Override
    public String getName() {
        return "interest_users";
    }

    @Override
    public List<Route> routes() {
        String path = RestPaths.BASE + "/users/{user_id}";
        return List.of(new Route(GET, path), new Route(PUT, path), new Route(DELETE, path));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) throws IOException {
        String userId = UserIds.check(request.param("user_id"));
        boolean vectors = request.paramAsBoolean("include_vectors", true);
        UsersRequest.Op op = switch (request.method()) {
            case PUT -> UsersRequest.Op.PUT;
            case DELETE -> UsersRequest.Op.DELETE;
            default -> UsersRequest.Op.GET;
        };
        List<String> texts = List.of();
        if (op == UsersRequest.Op.PUT) {
            texts = RestPaths.parseBody(request, parser -> PUT_PARSER.parse(parser, null));
            if (texts.isEmpty() || texts.size() > MAX_DECLARED) {
                throw new IllegalArgumentException("[interests] must hold 1 to " + MAX_DECLARED + " texts");
            }
            for (int i = 0; i < texts.size(); i++) {
                if (texts.get(i).isBlank() || texts.get(i).length() > MAX_TEXT) {
                    throw new IllegalArgumentException(
                            "[interests][" + i + "] must be a non-empty text of at most " + MAX_TEXT + " characters");
                }
            }
        }
        String model = request.param("model"); // the profile's space; DELETE forgets the user in every space
        UsersRequest users = new UsersRequest(op, userId, vectors, texts, op == UsersRequest.Op.DELETE ? null : model);
        // one transport action per kind of access, so that reading, changing and forgetting are granted apart
        return switch (op) {
            case GET ->
                channel ->
                        client.execute(ProfileReadAction.INSTANCE, users, new RestStatusToXContentListener<>(channel));
            case DELETE ->
                channel -> client.execute(
                        ProfileDeleteAction.INSTANCE, users, new RestStatusToXContentListener<>(channel));
            case PUT ->
                channel -> client.execute(
                        ProfileWriteAction.INSTANCE,
                        ProfileWriteRequest.declare(users),
                        new RestStatusToXContentListener<>(channel));
        };
    }
}
