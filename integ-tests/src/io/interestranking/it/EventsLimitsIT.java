package io.interestranking.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** No events request can crash or stall a node, whatever the settings allow (two-node cluster). */
class EventsLimitsIT {

    static final Rest[] nodes = Rest.twoNodes();
    static final String MAX = "plugins.interest.events.max_per_request";

    @AfterAll
    static void resetSettings() {
        nodes[0].ok(
                "PUT",
                "/_cluster/settings",
                "{\"persistent\": {\"" + MAX + "\": null, \"plugins.interest.profile.recluster_every\": null}}");
    }

    @BeforeAll
    static void items() {
        Rest node = nodes[0];
        node.call("DELETE", "/limit-items", null);
        node.ok("PUT", "/_ingest/pipeline/limit-items", Fixtures.titlePipeline());
        node.ok("PUT", "/limit-items", Fixtures.itemIndex("limit-items", 2, 0));
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            bulk.append("{\"index\":{\"_index\":\"limit-items\",\"_id\":\"i")
                    .append(i)
                    .append("\"}}\n")
                    .append("{\"title\":\"catalog item number ")
                    .append(i)
                    .append("\"}\n");
        }
        assertFalse(node.ok("POST", "/_bulk?refresh=true", bulk.toString())
                .get("errors")
                .asBoolean());
    }

    /** One click of each of {@code users} users {@code prefix}0…, on the ten items in turn. */
    static String clicks(String prefix, int users) {
        StringBuilder body = new StringBuilder("{\"events\":[");
        for (int u = 0; u < users; u++) {
            if (u > 0) {
                body.append(',');
            }
            body.append("{\"user_id\":\"")
                    .append(prefix)
                    .append(u)
                    .append("\",\"type\":\"click\",\"item\":{\"index\":\"limit-items\",\"id\":\"i")
                    .append(u % 10)
                    .append("\"}}");
        }
        return body.append("]}").toString();
    }

    @Test
    void oneRequestAtTheMaximumForOneHundredThousandUsersIsAppliedAndTheNodeAnswers() {
        Rest node = nodes[0];
        node.ok("PUT", "/_cluster/settings", Map.of("persistent", Map.of(MAX, 100_000)));

        Rest.Response r = node.call("POST", "/_plugins/_interest/events", clicks("many-", 100_000));
        // applied, or refused as a whole with a clean 4xx / 429: never a 5xx, never a dead node
        assertTrue(
                r.status() < 500,
                r.status() + " " + r.raw().substring(0, Math.min(500, r.raw().length())));
        if (r.status() == 200) {
            int applied = 0;
            for (JsonNode item : r.get("items")) {
                assertTrue(item.get("status").asInt() < 500, item.toString());
                applied += item.get("status").asInt() == 201 ? 1 : 0;
            }
            assertEquals(100_000, applied);
            JsonNode p = nodes[1].ok("GET", "/_plugins/_interest/users/many-99999?include_vectors=false", null);
            assertEquals(1, p.get("event_count").asInt());
        }
        assertBothNodesAnswerGreen();
    }

    @Test
    void reclusteringEveryEventOfTwentyThousandUsersInOneRequestIsBoundedAndTheNodesAnswer() {
        Rest node = nodes[0];
        node.ok(
                "PUT",
                "/_cluster/settings",
                Map.of("persistent", Map.of(MAX, 100_000, "plugins.interest.profile.recluster_every", 1)));
        // every user's first event makes them due: 20,000 re-clusterings, a chunk of profiles at a time
        Rest.Response r = node.call("POST", "/_plugins/_interest/events", clicks("regroup-", 20_000));
        assertEquals(200, r.status(), r.raw().substring(0, Math.min(500, r.raw().length())));
        assertFalse(
                r.get("errors").asBoolean(),
                r.raw().substring(0, Math.min(500, r.raw().length())));
        assertBothNodesAnswerGreen();
        JsonNode p = nodes[1].ok("GET", "/_plugins/_interest/users/regroup-19999?include_vectors=false", null);
        assertEquals(1, p.get("interests").size());
    }

    static void assertBothNodesAnswerGreen() {
        for (Rest n : nodes) {
            assertEquals(
                    "green",
                    n.ok("GET", "/_cluster/health?wait_for_status=green&timeout=30s", null)
                            .get("status")
                            .asText());
        }
    }

    @Test
    void aBodyNestedDeeperThanTheParserAllowsIsA400() {
        String deep = "[".repeat(1500) + "]".repeat(1500);
        String events = "{\"events\":[{\"user_id\":\"deep\",\"type\":\"click\",\"item\":{\"vector\":" + deep + "}}]}";
        Rest.Response r = nodes[0].call("POST", "/_plugins/_interest/events", events);
        assertEquals(400, r.status(), r.toString());
        Rest.Response put = nodes[0].call("PUT", "/_plugins/_interest/users/deep", "{\"interests\":" + deep + "}");
        assertEquals(400, put.status(), put.toString());
        Rest.Response embed = nodes[0].call("POST", "/_plugins/_interest/_embed", "{\"texts\":" + deep + "}");
        assertEquals(400, embed.status(), embed.toString());
    }

    @Test
    void anythingAfterTheBodysObjectIsA400AsForSearch() {
        String event = "{\"user_id\":\"trailing\",\"type\":\"click\",\"item\":{\"vector\":[1]}}";
        for (String[] call : new String[][] {
            {"POST", "/_plugins/_interest/events", "{\"events\":[" + event + "]} {\"events\":[]}"},
            {"PUT", "/_plugins/_interest/users/trailing", "{\"interests\":[\"jazz\"]} []"},
            {"POST", "/_plugins/_interest/_embed", "{\"texts\":[\"jazz\"]} 7"}
        }) {
            Rest.Response r = nodes[0].call(call[0], call[1], call[2]);
            assertEquals(400, r.status(), r.toString());
            assertTrue(r.raw().contains("found after the main object"), r.raw());
        }
        assertEquals(
                404,
                nodes[0].call("GET", "/_plugins/_interest/users/trailing", null).status());
    }
}
