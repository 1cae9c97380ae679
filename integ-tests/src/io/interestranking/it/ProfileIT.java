package io.interestranking.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Feedback events and profiles on a real single node. */
class ProfileIT {

    static final Rest rest = Rest.single();
    static final String EVENTS = "/_plugins/_interest/events";

    @BeforeAll
    static void items() {
        rest.call("DELETE", "/prof-items", null);
        rest.ok("PUT", "/_ingest/pipeline/prof-items", Fixtures.titlePipeline());
        rest.ok("PUT", "/prof-items", Fixtures.itemIndex("prof-items", 1, 0));
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            bulk.append("{\"index\":{\"_index\":\"prof-items\",\"_id\":\"a")
                    .append(i)
                    .append("\"}}\n");
            bulk.append("{\"title\":\"waterproof leather hiking boots, model ")
                    .append(i)
                    .append("\"}\n");
            bulk.append("{\"index\":{\"_index\":\"prof-items\",\"_id\":\"b")
                    .append(i)
                    .append("\"}}\n");
            bulk.append("{\"title\":\"espresso coffee machine, model ")
                    .append(i)
                    .append("\"}\n");
        }
        rest.bulk(bulk.toString());
    }

    static Map<String, Object> click(String user, String id, Instant t, String eventId) {
        Map<String, Object> e = new HashMap<>();
        e.put("user_id", user);
        e.put("type", "click");
        e.put("item", Map.of("index", "prof-items", "id", id));
        e.put("timestamp", t.toString());
        if (eventId != null) {
            e.put("event_id", eventId);
        }
        return e;
    }

    static JsonNode post(Object... events) {
        return rest.ok("POST", EVENTS, Map.of("events", List.of(events)));
    }

    static JsonNode profile(String user) {
        return rest.ok("GET", "/_plugins/_interest/users/" + user + "?include_vectors=false", null);
    }

    @Test
    void topicAThenTopicBMakesTwoInterestsAndBOutweighsA() {
        rest.call("DELETE", "/_plugins/_interest/users/ab", null);
        Instant t0 = Instant.parse("2026-10-01T10:00:00Z");
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(click("ab", "a" + i, t0.plusSeconds(60L * i), null));
        }
        for (int i = 0; i < 5; i++) {
            events.add(click("ab", "b" + i, t0.plusSeconds(20L * 86400 + 60L * i), null));
        }
        JsonNode result = rest.ok("POST", EVENTS, Map.of("events", events));
        assertEquals(false, result.get("errors").asBoolean(), result.toString());
        JsonNode p = profile("ab");
        assertEquals(10, p.get("event_count").asInt());
        JsonNode interests = p.get("interests");
        assertEquals(2, interests.size(), p.toString());
        JsonNode a = interests.get(0), b = interests.get(1);
        assertEquals(
                "[\"prof-items/a0\",\"prof-items/a1\",\"prof-items/a2\",\"prof-items/a3\",\"prof-items/a4\"]",
                a.get("evidence").toString());
        assertEquals(
                "[\"prof-items/b0\",\"prof-items/b1\",\"prof-items/b2\",\"prof-items/b3\",\"prof-items/b4\"]",
                b.get("evidence").toString());
        assertTrue(b.get("weight").asDouble() > a.get("weight").asDouble(), p.toString());
        assertTrue(p.get("short_term").get("evidence").toString().contains("b4"));
    }

    @Test
    void reclusteringSplitsAnInterestThatMixedTwoTopics() {
        rest.call("DELETE", "/_plugins/_interest/users/mixed", null);
        Map<String, Object> settings = new HashMap<>();
        settings.put(
                "plugins.interest.profile.spawn_threshold", -1.0); // every click joins: one interest of both topics
        settings.put("plugins.interest.profile.recluster_every", 10);
        settings.put("plugins.interest.profile.recluster_threshold", 0.5);
        rest.ok("PUT", "/_cluster/settings", Map.of("transient", settings));
        try {
            long before = rest.statSum("profiles_reclustered");
            Instant t0 = Instant.parse("2026-10-01T10:00:00Z");
            List<Object> events = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                events.add(click("mixed", "a" + i, t0.plusSeconds(120L * i), null));
                events.add(click("mixed", "b" + i, t0.plusSeconds(120L * i + 60), null));
            }
            JsonNode result = rest.ok("POST", EVENTS, Map.of("events", events));
            assertEquals(false, result.get("errors").asBoolean(), result.toString());
            // the tenth event made the profile due: its items' vectors were read and the one interest split in two
            JsonNode interests = profile("mixed").get("interests");
            assertEquals(2, interests.size(), interests.toString());
            assertEquals(
                    "[\"prof-items/a0\",\"prof-items/a1\",\"prof-items/a2\",\"prof-items/a3\",\"prof-items/a4\"]",
                    interests.get(0).get("evidence").toString());
            assertEquals(
                    "[\"prof-items/b0\",\"prof-items/b1\",\"prof-items/b2\",\"prof-items/b3\",\"prof-items/b4\"]",
                    interests.get(1).get("evidence").toString());
            assertEquals(5, interests.get(0).get("count").asInt());
            assertEquals(before + 1, rest.statSum("profiles_reclustered"));
        } finally {
            settings.replaceAll((k, v) -> null);
            rest.ok("PUT", "/_cluster/settings", Map.of("transient", settings));
        }
    }

    @Test
    void itemsAreReadFromTheShardsOrInRealtimeBeforeARefresh() {
        rest.call("DELETE", "/_plugins/_interest/users/fresh", null);
        rest.call("DELETE", "/prof-fresh", null);
        Map<String, Object> index = Fixtures.vectorIndex(
                "prof-items", "title", "title_vector", 384, 1, 0, Map.of("refresh_interval", "-1"));
        rest.ok("PUT", "/prof-fresh", index);
        rest.ok("PUT", "/prof-fresh/_doc/new-1", Map.of("title", "a brand new telescope"));
        Map<String, Object> event = Fixtures.click("fresh", "prof-fresh", "new-1");
        JsonNode unrefreshed = post(event).get("items").get(0);
        assertEquals(201, unrefreshed.get("status").asInt(), unrefreshed.toString());
        // the profile's first interest is the item's own (unit) vector, whichever way it was read — as stored: each
        // component within half a step (1/254 of the largest component) of the item's, so a cosine above 0.999
        float[] stored = Rest.vector(
                rest.ok("GET", "/prof-fresh/_doc/new-1", null).get("_source").get("title_vector"));
        float[] learned = Rest.vector(rest.ok("GET", "/_plugins/_interest/users/fresh", null)
                .get("interests")
                .get(0)
                .get("vector"));
        assertTrue(Rest.cosine(stored, learned) > 0.999);
        rest.ok("POST", "/prof-fresh/_refresh", null);
        Map<String, Object> again = Fixtures.click("fresh", "prof-items", "a0");
        assertEquals(201, post(again).get("items").get(0).get("status").asInt());
        float[] a0 = Rest.vector(
                rest.ok("GET", "/prof-items/_doc/a0", null).get("_source").get("title_vector"));
        JsonNode interests =
                rest.ok("GET", "/_plugins/_interest/users/fresh", null).get("interests");
        assertEquals(2, interests.size(), interests.toString());
        assertTrue(Rest.cosine(a0, Rest.vector(interests.get(1).get("vector"))) > 0.999);
    }

    @Test
    void aRetriedEventCountsOnce() {
        rest.call("DELETE", "/_plugins/_interest/users/dup", null);
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        for (int i = 0; i < 3; i++) {
            JsonNode item = post(click("dup", "a1", t, "evt-1")).get("items").get(0);
            assertEquals(i == 0 ? "applied" : "duplicate", item.get("result").asText());
        }
        assertEquals(1, profile("dup").get("event_count").asInt());
    }

    @Test
    void anAcknowledgedEventSurvivesARestart() throws Exception {
        rest.call("DELETE", "/_plugins/_interest/users/durable", null);
        post(
                click("durable", "a2", Instant.parse("2026-11-01T10:00:00Z"), "d-1"),
                click("durable", "b2", Instant.parse("2026-11-01T11:00:00Z"), "d-2"));
        JsonNode before = rest.ok("GET", "/_plugins/_interest/users/durable", null);
        Path root = Path.of(System.getProperty("tests.root.dir", "."));
        Process restart = new ProcessBuilder(
                        "bash", root.resolve("integ-tests/clusters.sh").toString(), "restart-single")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .start();
        assertTrue(restart.waitFor(5, TimeUnit.MINUTES) && restart.exitValue() == 0, "restart failed");
        JsonNode after = rest.ok("GET", "/_plugins/_interest/users/durable", null);
        // weight_now is decayed to the time of the GET: compare what is stored
        assertEquals(withoutWeightNow(before), withoutWeightNow(after));
        assertEquals(2, after.get("event_count").asInt());
    }

    @Test
    void putDeclaresInterestsAndDeleteForgetsTheUser() {
        rest.call("DELETE", "/_plugins/_interest/users/cold", null);
        JsonNode put = rest.ok(
                "PUT",
                "/_plugins/_interest/users/cold?include_vectors=false",
                Map.of("interests", List.of("I like trail running", "specialty coffee")));
        assertEquals(2, put.get("interests").size());
        assertTrue(put.get("interests").get(0).get("declared").asBoolean());
        assertEquals(
                "[\"text:I like trail running\"]",
                put.get("interests").get(0).get("evidence").toString());
        JsonNode replaced = rest.ok(
                "PUT", "/_plugins/_interest/users/cold?include_vectors=false", Map.of("interests", List.of("jazz")));
        assertEquals(1, replaced.get("interests").size());
        assertEquals(
                384,
                rest.ok("GET", "/_plugins/_interest/users/cold", null)
                        .get("interests")
                        .get(0)
                        .get("vector")
                        .size());

        assertEquals(
                200, rest.call("DELETE", "/_plugins/_interest/users/cold", null).status());
        assertEquals(
                404, rest.call("GET", "/_plugins/_interest/users/cold", null).status());
        assertEquals(
                404, rest.call("DELETE", "/_plugins/_interest/users/cold", null).status());
        assertEquals(
                400,
                rest.call("PUT", "/_plugins/_interest/users/cold", Map.of("interests", List.of(), "x", 1))
                        .status());
    }

    @Test
    void badEventsFailAloneWithAMessageNamingTheField() {
        rest.call("DELETE", "/_plugins/_interest/users/bad", null);
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        Map<String, Object> unknownType = click("bad", "a1", t, null);
        unknownType.put("type", "poke");
        Map<String, Object> noUser = click("bad", "a1", t, null);
        noUser.remove("user_id");
        Map<String, Object> longUser = click("u".repeat(300), "a1", t, null);
        Map<String, Object> wrongDim = click("bad", "a1", t, null);
        wrongDim.put("item", Map.of("vector", List.of(0.1, 0.2, 0.3)));
        Map<String, Object> nan = click("bad", "a1", t, null);
        nan.put("item", Map.of("vector", Arrays.asList(0.1, "NaN", 0.3)));
        Map<String, Object> unknownItem = click("bad", "nope", t, null);
        Map<String, Object> unknownField = click("bad", "a1", t, null);
        unknownField.put("colour", "red");
        JsonNode items = post(
                        click("bad", "a1", t, null),
                        unknownType,
                        noUser,
                        longUser,
                        wrongDim,
                        nan,
                        unknownItem,
                        unknownField,
                        click("bad", "a3", t, null))
                .get("items");
        assertItem(items.get(0), 201, null);
        assertItem(items.get(1), 400, "[type]");
        assertItem(items.get(2), 400, "[user_id]");
        assertItem(items.get(3), 400, "[user_id]");
        assertItem(items.get(4), 400, "dimensions");
        assertItem(items.get(5), 400, "[item.vector][1]");
        assertItem(items.get(6), 404, "prof-items/nope");
        assertItem(items.get(7), 400, "colour");
        assertItem(items.get(8), 201, null);
        assertEquals(2, profile("bad").get("event_count").asInt());
    }

    @Test
    void badRequestsAreRefusedWhole() {
        assertStatus(rest.call("POST", EVENTS, "{\"events\": [ {\"user_id\": "), 400, "");
        assertStatus(rest.call("POST", EVENTS, Map.of("events", List.of(), "x", 1)), 400, "[x]");
        assertStatus(rest.call("POST", EVENTS, Map.of("events", List.of())), 400, "[events]");
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(Map.of());
        }
        assertStatus(rest.call("POST", EVENTS, Map.of("events", many)), 400, "plugins.interest.events.max_per_request");
        rest.ok(
                "PUT",
                "/_cluster/settings",
                Map.of("transient", Map.of("plugins.interest.events.max_body_size", "1kb")));
        try {
            List<Object> big = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                big.add(click("big", "a1", Instant.now(), "big-" + i));
            }
            assertStatus(
                    rest.call("POST", EVENTS, Map.of("events", big)), 413, "plugins.interest.events.max_body_size");
        } finally {
            Map<String, Object> reset = new HashMap<>();
            reset.put("plugins.interest.events.max_body_size", null);
            rest.ok("PUT", "/_cluster/settings", Map.of("transient", reset));
        }
    }

    @Test
    void statsCountWhatHappened() {
        Map<String, Object> statement = Fixtures.statement("stats-user", null, "I like jazz");
        post(click("stats-user", "a1", Instant.now(), null), statement);
        JsonNode nodes = rest.ok("GET", "/_plugins/_interest/stats", null).get("nodes");
        JsonNode node = nodes.elements().next();
        assertTrue(node.get("events_applied").asLong() >= 1, node.toString());
        assertTrue(node.get("inference_latency_ms").get("count").asLong() >= 1, node.toString());
    }

    static String withoutWeightNow(JsonNode profile) {
        return profile.toString().replaceAll("\"weight_now\":[-0-9.E]+,", "");
    }

    static void assertItem(JsonNode item, int status, String mention) {
        assertEquals(status, item.get("status").asInt(), item.toString());
        if (mention != null) {
            assertTrue(
                    item.get("error").get("reason").asText().contains(mention),
                    "expected [" + mention + "] in " + item);
        }
    }

    static void assertStatus(Rest.Response r, int status, String mention) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.raw().contains(mention), "expected [" + mention + "] in " + r);
    }
}
