package io.interestranking.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A profile lives in one embedding space (two-node cluster). The test nodes know a second model, "minilm-twin"
 * (all-MiniLM-L6-v2's files under another name: another space of the same dimension).
 */
class SpacesIT {

    static final Rest[] nodes = Rest.twoNodes();
    static final Rest rest = nodes[0];
    static final String EVENTS = "/_plugins/_interest/events";

    @BeforeAll
    static void indices() {
        rest.call("DELETE", "/space-items", null);
        rest.ok("PUT", "/_ingest/pipeline/space-items", Fixtures.titlePipeline());
        rest.ok("PUT", "/space-items", Fixtures.itemIndex("space-items", 2, 0));
        String bulk = """
            {"index":{"_index":"space-items","_id":"boots"}}
            {"title":"waterproof hiking boots"}
            {"index":{"_index":"space-items","_id":"espresso"}}
            {"title":"espresso coffee machine"}
            """;
        assertFalse(rest.ok("POST", "/_bulk?refresh=true", bulk).get("errors").asBoolean());
        // vectors of no model: 8 dimensions
        rest.call("DELETE", "/raw8", null);
        rest.ok(
                "PUT",
                "/raw8",
                Map.of(
                        "settings",
                        Map.of("index", Map.of("knn", true, "number_of_replicas", 0)),
                        "mappings",
                        Map.of("properties", Map.of("v", Fixtures.knnField(8)))));
        rest.ok("PUT", "/raw8/_doc/a?refresh=true", Map.of("v", List.of(1, 0, 0, 0, 0, 0, 0, 0)));
    }

    static JsonNode item(Rest.Response r) {
        return r.body().get("items").get(0);
    }

    static Rest.Response post(Map<String, Object> event) {
        return rest.call("POST", EVENTS, Map.of("events", List.of(event)));
    }

    @Test
    void aRawVectorMustHaveTheDimensionOfItsSpaceEvenForANewUser() {
        rest.call("DELETE", "/_plugins/_interest/users/tiny-vector", null);
        JsonNode refused = item(
                post(Map.of("user_id", "tiny-vector", "type", "click", "item", Map.of("vector", List.of(1, 2, 3)))));
        assertEquals(400, refused.get("status").asInt(), refused.toString());
        String reason = refused.get("error").get("reason").asText();
        assertTrue(reason.contains("3 dimensions") && reason.contains("[all-minilm-l6-v2] has 384"), reason);
        // the user's real events are taken afterwards
        JsonNode real = item(post(Map.of(
                "user_id", "tiny-vector", "type", "click", "item", Map.of("index", "space-items", "id", "boots"))));
        assertEquals(201, real.get("status").asInt(), real.toString());
        assertEquals(
                404,
                rest.call("GET", "/_plugins/_interest/users/nobody-here", null).status());
    }

    @Test
    void anItemOfNoKnownSpaceOrAnUnknownModelIsA400NamingThem() {
        JsonNode raw = item(post(Fixtures.click("raw-user", "raw8", "a")));
        assertEquals(400, raw.get("status").asInt(), raw.toString());
        String reason = raw.get("error").get("reason").asText();
        assertTrue(
                reason.contains("[v] of [raw8] has 8 dimensions") && reason.contains("[all-minilm-l6-v2] has 384"),
                reason);
        JsonNode named = item(post(Map.of(
                "user_id",
                "raw-user",
                "type",
                "click",
                "model",
                "minilm-twin",
                "item",
                Map.of("index", "raw8", "id", "a"))));
        assertEquals(400, named.get("status").asInt(), named.toString());
        assertTrue(named.get("error").get("reason").asText().contains("[minilm-twin] has 384"), named.toString());
        JsonNode unknown = item(post(Fixtures.statement("raw-user", "no-such-model", "hello")));
        assertEquals(400, unknown.get("status").asInt(), unknown.toString());
        assertTrue(unknown.get("error").get("reason").asText().contains("no-such-model"), unknown.toString());
    }

    @Test
    void oneUserInTwoSpacesHasTwoProfilesThatNeverMix() {
        String user = "two-spaces";
        rest.call("DELETE", "/_plugins/_interest/users/" + user, null);
        List<Object> events = new ArrayList<>();
        events.add(Fixtures.click(user, "space-items", "boots"));
        events.add(Fixtures.statement(user, "minilm-twin", "I love strong coffee"));
        events.add(Map.of(
                "user_id",
                user,
                "type",
                "click",
                "model",
                "minilm-twin",
                "item",
                Map.of("index", "space-items", "id", "espresso")));
        JsonNode r = rest.ok("POST", EVENTS, Map.of("events", events));
        assertFalse(r.get("errors").asBoolean(), r.toString());
        for (Rest node : nodes) {
            JsonNode english = node.ok("GET", "/_plugins/_interest/users/" + user + "?include_vectors=false", null);
            assertEquals("all-minilm-l6-v2", english.get("space").asText());
            assertEquals(1, english.get("event_count").asInt());
            assertEquals(
                    "[\"space-items/boots\"]",
                    english.get("interests").get(0).get("evidence").toString());
            JsonNode twin = node.ok(
                    "GET", "/_plugins/_interest/users/" + user + "?include_vectors=false&model=minilm-twin", null);
            assertEquals("minilm-twin", twin.get("space").asText());
            assertEquals(2, twin.get("event_count").asInt());
        }
        // each search reads the profile of the space it names
        JsonNode boots = rest.ok(
                "POST",
                "/space-items/_search",
                Map.of("query", Map.of("interest_knn", Map.of("field", "title_vector", "user_id", user, "k", 2))));
        assertEquals("boots", boots.get("hits").get("hits").get(0).get("_id").asText(), boots.toString());
        JsonNode coffee = rest.ok(
                "POST",
                "/space-items/_search",
                Map.of(
                        "query",
                        Map.of(
                                "interest_knn",
                                Map.of("field", "title_vector", "user_id", user, "k", 2, "model", "minilm-twin"))));
        assertEquals(
                "espresso", coffee.get("hits").get("hits").get(0).get("_id").asText(), coffee.toString());
        // forgetting the user forgets every space
        assertEquals(
                200,
                nodes[1].call("DELETE", "/_plugins/_interest/users/" + user, null)
                        .status());
        assertEquals(
                404, rest.call("GET", "/_plugins/_interest/users/" + user, null).status());
        assertEquals(
                404,
                rest.call("GET", "/_plugins/_interest/users/" + user + "?model=minilm-twin", null)
                        .status());
    }

    @Test
    void rankingAFieldOfAnotherSpaceIsA400NamingBoth() {
        String user = "space-ranker";
        rest.call("DELETE", "/_plugins/_interest/users/" + user, null);
        rest.ok(
                "POST",
                EVENTS,
                Map.of(
                        "events",
                        List.of(Map.of(
                                "user_id",
                                user,
                                "type",
                                "click",
                                "item",
                                Map.of("index", "space-items", "id", "boots")))));
        Rest.Response r = rest.call(
                "POST",
                "/raw8/_search",
                Map.of(
                        "query",
                        Map.of("match_all", Map.of()),
                        "rescore",
                        Map.of("window_size", 10, "interest", Map.of("user_id", user, "field", "v"))));
        assertEquals(400, r.status(), r.toString());
        assertTrue(
                r.raw().contains("[interest] field [v] of [raw8] has 8 dimensions")
                        && r.raw().contains("the default model [all-minilm-l6-v2] has 384"),
                r.raw());
        // the same for interest_knn, and for a user with no profile at all (no silent fallback)
        for (String who : List.of(user, "space-nobody")) {
            Rest.Response knn = rest.call(
                    "POST",
                    "/raw8/_search",
                    Map.of("query", Map.of("interest_knn", Map.of("field", "v", "user_id", who, "k", 2))));
            assertEquals(400, knn.status(), knn.toString());
            assertTrue(
                    knn.raw().contains("[interest_knn] field [v] of [raw8] has 8 dimensions")
                            && knn.raw().contains("[all-minilm-l6-v2] has 384"),
                    knn.raw());
        }
        // a named model of another dimension than the field: both named
        Rest.Response named = rest.call(
                "POST",
                "/raw8/_search",
                Map.of(
                        "query",
                        Map.of("match_all", Map.of()),
                        "rescore",
                        Map.of(
                                "window_size",
                                10,
                                "interest",
                                Map.of("user_id", "space-nobody", "field", "v", "model", "minilm-twin"))));
        assertEquals(400, named.status(), named.toString());
        assertTrue(named.raw().contains("has 8 dimensions, the space of model [minilm-twin] has 384"), named.raw());
    }
}
