package io.interestranking.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A minimal REST client for tests against a real cluster: JSON in, status and JSON out. */
public final class Rest {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public record Response(int status, JsonNode body, String raw) {
        public JsonNode get(String field) {
            return body.get(field);
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    private final String base;

    public Rest(String base) {
        this.base = base;
    }

    public static Rest single() {
        return new Rest(System.getProperty("tests.cluster.single", "http://127.0.0.1:9250"));
    }

    /** The one-node "full distribution" cluster: job-scheduler, ml-commons and neural-search beside k-NN and this plugin. */
    public static Rest full() {
        return new Rest(System.getProperty("tests.cluster.full", "http://127.0.0.1:9265"));
    }

    /** The one-node cluster whose inference pool is one thread with a queue of one. */
    public static Rest tiny() {
        return new Rest(System.getProperty("tests.cluster.tiny", "http://127.0.0.1:9255"));
    }

    /** One client per node of the two-node cluster. */
    public static Rest[] twoNodes() {
        String[] urls = System.getProperty("tests.cluster.two", "http://127.0.0.1:9260,http://127.0.0.1:9261")
                .split(",");
        Rest[] nodes = new Rest[urls.length];
        for (int i = 0; i < urls.length; i++) {
            nodes[i] = new Rest(urls[i]);
        }
        return nodes;
    }

    public Response call(String method, String path, Object body) {
        return call(method, path, body, new String[0]);
    }

    /** With request headers, given as name, value, name, value… */
    public Response call(String method, String path, Object body, String... headers) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            if (text == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String type = path.contains("_bulk") ? "application/x-ndjson" : "application/json";
                request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(text));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode json = raw == null || raw.isBlank() ? JSON.nullNode() : JSON.readTree(raw);
            return new Response(response.statusCode(), json, raw);
        } catch (IOException e) {
            throw new RuntimeException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }

    /** A counter of {@code GET /_plugins/_interest/stats}, summed over the nodes. */
    public long statSum(String counter) {
        long total = 0;
        for (JsonNode node : ok("GET", "/_plugins/_interest/stats", null).get("nodes")) {
            total += node.get(counter).asLong();
        }
        return total;
    }

    /** Calls and insists on a 2xx. */
    public JsonNode ok(String method, String path, Object body) {
        Response r = call(method, path, body);
        if (r.status() / 100 != 2) {
            throw new AssertionError(method + " " + path + " -> " + r);
        }
        return r.body();
    }

    /** A {@code _bulk} request (NDJSON) with a refresh; fails the test when any item failed. */
    public JsonNode bulk(String ndjson) {
        JsonNode r = ok("POST", "/_bulk?refresh=true", ndjson);
        if (r.get("errors").asBoolean()) {
            throw new AssertionError("bulk errors: " + r);
        }
        return r;
    }

    /** The ids of a search response's hits, in order. */
    public static java.util.List<String> ids(JsonNode response) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        response.get("hits").get("hits").forEach(h -> ids.add(h.get("_id").asText()));
        return ids;
    }

    public static float[] vector(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) array.get(i).asDouble();
        }
        return v;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
