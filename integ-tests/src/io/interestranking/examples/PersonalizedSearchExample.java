package io.interestranking.examples;

import java.io.IOException;
import java.net.URISyntaxException;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * A shop's backend talking to the plugin with the official Java client, {@code org.opensearch.client:opensearch-java}:
 * it sends a user's clicks, runs a search personalised for that user, and reads the user's profile. The plugin's
 * endpoints and queries are not in the typed client, so they go through its generic client as JSON.
 *
 * <p>Run against a node with the demo catalog (scripts/demo.sh): {@code PersonalizedSearchExample http://localhost:9200}.
 * The integration test {@code JavaClientExampleIT} runs it on every build.
 */
public final class PersonalizedSearchExample {

    /** What the example saw: the personalised search's response and the profile, as JSON text. */
    public record Outcome(String events, String search, String profile) {}

    public static void main(String[] args) throws Exception {
        Outcome outcome = run(args.length > 0 ? args[0] : "http://localhost:9200", "ana");
        System.out.println("events:  " + outcome.events());
        System.out.println("search:  " + outcome.search());
        System.out.println("profile: " + outcome.profile());
    }

    public static Outcome run(String url, String user) throws IOException, URISyntaxException {
        OpenSearchTransport transport =
                ApacheHttpClient5TransportBuilder.builder(HttpHost.create(url)).build();
        try {
            OpenSearchGenericClient client = new OpenSearchClient(transport).generic();

            // 1. feedback: the user clicked two gardening items (items are named by index and id; event_id makes
            // retries safe)
            String events = call(client, "POST", "/_plugins/_interest/events", """
                { "events": [
                  { "user_id": "%s", "type": "click", "item": { "index": "items", "id": "item-00005", "field": "description_vector" },
                    "event_id": "java-example-1" },
                  { "user_id": "%s", "type": "click", "item": { "index": "items", "id": "item-00015", "field": "description_vector" },
                    "event_id": "java-example-2" } ] }""".formatted(user, user));

            // 2. a semantic search, re-ranked by the user's interests (the window: how many first-pass hits they may
            // reorder)
            String search = call(client, "POST", "/items/_search", """
                { "size": 5, "_source": ["title", "category"],
                  "query": { "text_knn": { "field": "description_vector", "query_text": "a present for the weekend", "k": 300 } },
                  "rescore": { "window_size": 300,
                    "interest": { "user_id": "%s", "field": "description_vector", "query_weight": 0.5, "interest_weight": 0.5 } } }""".formatted(user));

            // 3. the user's profile (the plugin's view of their interests), without vectors
            String profile = call(client, "GET", "/_plugins/_interest/users/" + user + "?include_vectors=false", null);
            return new Outcome(events, search, profile);
        } finally {
            transport.close();
        }
    }

    /** One call through the generic client; a status of 300 or more is an error with the server's answer. */
    static String call(OpenSearchGenericClient client, String method, String endpoint, String json) throws IOException {
        Requests.JsonBodyBuilder request = Requests.builder().method(method).endpoint(endpoint);
        if (json != null) {
            request.json(json);
        }
        try (Response response = client.execute(request.build())) {
            String body = response.getBody().map(Body::bodyAsString).orElse("");
            if (response.getStatus() >= 300) {
                throw new IOException(method + " " + endpoint + " answered " + response.getStatus() + ": " + body);
            }
            return body;
        }
    }

    private PersonalizedSearchExample() {}
}
