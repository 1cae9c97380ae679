package io.interestranking.it;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Query-time ranking on a two-node cluster, index with 3 shards and a replica. */
class RankingIT {

    static final Rest[] nodes = Rest.twoNodes();
    static final Rest rest = nodes[0];
    static final String INDEX = "rank-items";
    static final String[] TOPICS = { "hiking boots for alpine trails", "espresso coffee machine", "jazz vinyl record", "sourdough bread baking" };

    @BeforeAll
    static void catalog() {
        rest.call("DELETE", "/" + INDEX, null);
        rest.ok("PUT", "/_ingest/pipeline/" + INDEX, Fixtures.titlePipeline());
        Map<String, Object> index = new java.util.HashMap<>(Fixtures.itemIndex(INDEX, 3, 1));
        rest.ok("PUT", "/" + INDEX, index);
        rest.ok("PUT", "/" + INDEX + "/_mapping", Map.of("properties", Map.of("topic", Map.of("type", "keyword"))));
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            int t = i % TOPICS.length;
            bulk.append("{\"index\":{\"_index\":\"").append(INDEX).append("\",\"_id\":\"").append((char) ('a' + t)).append(i).append("\"}}\n");
            bulk.append("{\"title\":\"").append(TOPICS[t]).append(", edition ").append(i).append("\",\"topic\":\"").append((char) ('a' + t))
                .append("\"}\n");
        }
        assertEquals(false, rest.ok("POST", "/_bulk?refresh=true", bulk.toString()).get("errors").asBoolean());
        rest.ok("GET", "/_cluster/health/" + INDEX + "?wait_for_status=green&timeout=60s", null);
    }

    static List<String> ids(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.get("hits").get("hits").forEach(h -> ids.add(h.get("_id").asText()));
        return ids;
    }

    static List<Double> scores(JsonNode response) {
        List<Double> s = new ArrayList<>();
        response.get("hits").get("hits").forEach(h -> s.add(h.get("_score").asDouble()));
        return s;
    }

    @Test
    void textKnnEqualsKnnWithTheEmbedVector() {
        String text = "a machine for making coffee at home";
        JsonNode vector = rest.ok("POST", "/_plugins/_interest/_embed", Map.of("texts", List.of(text), "kind", "query")).get("vectors").get(0);
        Map<String, Object> filter = Map.of("range", Map.of("_seq_no", Map.of("gte", 0)));
        for (Rest node : nodes) {
            JsonNode viaText = node.ok("POST", "/" + INDEX + "/_search", Map.of("size", 20, "query",
                Map.of("text_knn", Map.of("field", "title_vector", "query_text", text, "k", 20, "filter", filter))));
            JsonNode viaVector = node.ok("POST", "/" + INDEX + "/_search", Map.of("size", 20, "query",
                Map.of("knn", Map.of("title_vector", Map.of("vector", vector, "k", 20, "filter", filter)))));
            assertEquals(ids(viaVector), ids(viaText));
            assertEquals(scores(viaVector), scores(viaText));
            assertTrue(ids(viaText).get(0).startsWith("b"), ids(viaText).toString());
        }
    }

    @Test
    void interestKnnRecommendsTheUsersTopic() {
        rest.call("DELETE", "/_plugins/_interest/users/jazz-fan", null);
        List<Object> events = new ArrayList<>();
        for (int i : new int[] { 2, 6, 10 }) {
            events.add(Map.of("user_id", "jazz-fan", "type", "click", "item", Map.of("index", INDEX, "id", "c" + i)));
        }
        assertEquals(false, rest.ok("POST", "/_plugins/_interest/events", Map.of("events", events)).get("errors").asBoolean());
        for (Rest node : nodes) {
            JsonNode hits = node.ok("POST", "/" + INDEX + "/_search", Map.of("size", 10, "query",
                Map.of("interest_knn", Map.of("field", "title_vector", "user_id", "jazz-fan", "k", 30))));
            for (String id : ids(hits)) {
                assertTrue(id.startsWith("c"), ids(hits).toString());
            }
        }
    }

    @Test
    void interestKnnForAnUnknownUserRunsTheFallback() {
        Map<String, Object> fallback = Map.of("term", Map.of("topic", "d"));
        JsonNode expected = rest.ok("POST", "/" + INDEX + "/_search", Map.of("size", 50, "query", fallback, "sort", List.of("_doc")));
        JsonNode actual = rest.ok("POST", "/" + INDEX + "/_search", Map.of("size", 50, "sort", List.of("_doc"), "query",
            Map.of("interest_knn", Map.of("field", "title_vector", "user_id", "never-seen", "fallback", fallback))));
        assertEquals(ids(expected), ids(actual));
        assertEquals(30, ids(actual).size());
        JsonNode matchAll = rest.ok("POST", "/" + INDEX + "/_count", Map.of("query",
            Map.of("interest_knn", Map.of("field", "title_vector", "user_id", "never-seen"))));
        assertEquals(120, matchAll.get("count").asInt());
    }

    @Test
    void badQueriesGet400NamingTheField() {
        assertBad(Map.of("text_knn", Map.of("field", "title_vector", "query_text", "x", "colour", 1)), "colour");
        assertBad(Map.of("text_knn", Map.of("field", "title_vector")), "query_text");
        assertBad(Map.of("text_knn", Map.of("query_text", "x")), "field");
        assertBad(Map.of("text_knn", Map.of("field", "title_vector", "query_text", "x", "k", 0)), "[k]");
        assertBad(Map.of("text_knn", Map.of("field", "title_vector", "query_text", "x", "model", "nope")), "nope");
        assertBad(Map.of("interest_knn", Map.of("field", "title_vector")), "user_id");
        assertBad(Map.of("interest_knn", Map.of("field", "title_vector", "user_id", "u", "fallback", Map.of("nope", Map.of()))), "nope");
    }

    static void assertBad(Map<String, Object> query, String mention) {
        Rest.Response r = rest.call("POST", "/" + INDEX + "/_search", Map.of("query", query));
        assertEquals(400, r.status(), r.toString());
        assertTrue(r.raw().contains(mention), "expected [" + mention + "] in " + r);
    }
}
