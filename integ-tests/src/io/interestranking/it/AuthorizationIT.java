package io.interestranking.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Profile access is authorized by transport action, in the caller's context (two-node cluster). The clusters carry
 * a test-only plugin whose ActionFilter — the security plugin's own mechanism — refuses with 403 the actions named
 * in the header {@value #DENY}.
 */
class AuthorizationIT {

    static final Rest[] nodes = Rest.twoNodes();
    static final String DENY = "X-Test-Deny-Actions";
    static final String READ = "cluster:admin/interest/profile/read";
    static final String WRITE = "cluster:admin/interest/profile/write";
    static final String DELETE = "cluster:admin/interest/profile/delete";
    static final String INDEX = "authz-items";

    @BeforeAll
    static void catalogAndUser() {
        Rest rest = nodes[0];
        rest.call("DELETE", "/" + INDEX, null);
        rest.ok("PUT", "/_ingest/pipeline/" + INDEX, Fixtures.titlePipeline());
        rest.ok("PUT", "/" + INDEX, Fixtures.itemIndex(INDEX, 2, 0));
        String bulk = """
            {"index":{"_index":"authz-items","_id":"boots"}}
            {"title":"waterproof hiking boots"}
            {"index":{"_index":"authz-items","_id":"espresso"}}
            {"title":"espresso coffee machine"}
            {"index":{"_index":"authz-items","_id":"vinyl"}}
            {"title":"jazz vinyl record"}
            """;
        assertFalse(rest.ok("POST", "/_bulk?refresh=true", bulk).get("errors").asBoolean());
        rest.call("DELETE", "/_plugins/_interest/users/authz-user", null);
        rest.ok(
                "POST",
                "/_plugins/_interest/events",
                Map.of("events", List.of(Fixtures.click("authz-user", INDEX, "espresso"))));
    }

    static Map<String, Object> rescored(boolean explain) {
        return Map.of(
                "explain",
                explain,
                "query",
                Map.of("match_all", Map.of()),
                "rescore",
                Map.of("window_size", 10, "interest", Map.of("user_id", "authz-user", "field", "title_vector")));
    }

    static Map<String, Object> recommended() {
        return Map.of(
                "query", Map.of("interest_knn", Map.of("field", "title_vector", "user_id", "authz-user", "k", 3)));
    }

    @Test
    void aSearcherWithoutTheReadGrantIsRefusedEveryUseOfAProfileOnEitherNode() {
        for (Rest node : nodes) {
            for (Map<String, Object> search : List.of(rescored(false), rescored(true), recommended())) {
                Rest.Response refused = node.call("POST", "/" + INDEX + "/_search", search, DENY, READ);
                assertEquals(403, refused.status(), refused.toString());
                assertTrue(refused.raw().contains(READ), refused.raw());
                Rest.Response allowed = node.call("POST", "/" + INDEX + "/_search", search, DENY, WRITE + "," + DELETE);
                assertEquals(200, allowed.status(), allowed.toString());
                assertEquals(
                        "espresso",
                        allowed.body().get("hits").get("hits").get(0).get("_id").asText(),
                        allowed.raw());
            }
            // the same searcher may still search the items
            Rest.Response plain = node.call(
                    "POST", "/" + INDEX + "/_search", Map.of("query", Map.of("match_all", Map.of())), DENY, READ);
            assertEquals(200, plain.status(), plain.toString());
            Rest.Response get = node.call("GET", "/_plugins/_interest/users/authz-user", null, DENY, READ);
            assertEquals(403, get.status(), get.toString());
        }
    }

    @Test
    void readingChangingAndForgettingAreGrantedApart() {
        Rest rest = nodes[1];
        String user = "authz-apart";
        rest.call("DELETE", "/_plugins/_interest/users/" + user, null);
        Map<String, Object> events = Map.of("events", List.of(Fixtures.click(user, INDEX, "vinyl")));
        Map<String, Object> declared = Map.of("interests", List.of("I like jazz"));

        assertEquals(
                403,
                rest.call("POST", "/_plugins/_interest/events", events, DENY, WRITE)
                        .status());
        assertEquals(
                403,
                rest.call("PUT", "/_plugins/_interest/users/" + user, declared, DENY, WRITE)
                        .status());
        assertEquals(
                404, rest.call("GET", "/_plugins/_interest/users/" + user, null).status()); // nothing was written

        // write without read or delete
        Rest.Response written = rest.call("POST", "/_plugins/_interest/events", events, DENY, READ + "," + DELETE);
        assertEquals(200, written.status(), written.toString());
        assertEquals(201, written.body().get("items").get(0).get("status").asInt(), written.raw());
        assertEquals(
                200,
                rest.call("PUT", "/_plugins/_interest/users/" + user, declared, DENY, READ + "," + DELETE)
                        .status());

        // read without delete, delete without read
        assertEquals(
                403,
                rest.call("DELETE", "/_plugins/_interest/users/" + user, null, DENY, DELETE)
                        .status());
        JsonNode profile = rest.ok("GET", "/_plugins/_interest/users/" + user + "?include_vectors=false", null);
        assertEquals(user, profile.get("user_id").asText());
        Rest.Response deleted =
                rest.call("DELETE", "/_plugins/_interest/users/" + user, null, DENY, READ + "," + WRITE);
        assertEquals(200, deleted.status(), deleted.toString());
        assertEquals(
                404, rest.call("GET", "/_plugins/_interest/users/" + user, null).status());
    }
}
