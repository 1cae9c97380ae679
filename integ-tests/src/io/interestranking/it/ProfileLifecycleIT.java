package io.interestranking.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The profile index in production (two-node cluster): primaries, expiry, deletion, snapshot and restore. */
class ProfileLifecycleIT {

    static final Rest[] nodes = Rest.twoNodes();
    static final Rest rest = nodes[0];
    static final String EVENTS = "/_plugins/_interest/events";
    static final String PROFILES = "/.interest-profiles";

    @AfterEach
    void resetSettings() {
        Map<String, Object> reset = new HashMap<>();
        for (String key : List.of("index_shards", "inactive_ttl", "sweep_interval")) {
            reset.put("plugins.interest.profile." + key, null);
        }
        rest.ok("PUT", "/_cluster/settings", Map.of("persistent", reset));
    }

    static Map<String, Object> click(String user, String text) {
        return Map.of("user_id", user, "type", "click", "item", Map.of("text", text));
    }

    @Test
    void theProfileIndexGetsTheConfiguredPrimariesAndUsersSpreadEvenlyOverBothNodes() {
        rest.call("DELETE", PROFILES, null);
        rest.ok("PUT", "/_cluster/settings", Map.of("persistent", Map.of("plugins.interest.profile.index_shards", 2)));
        List<Object> events = new ArrayList<>();
        for (int u = 0; u < 400; u++) {
            events.add(Map.of("user_id", "spread-" + u, "type", "click", "item", Map.of("vector", unit(u))));
        }
        assertFalse(
                rest.ok("POST", EVENTS, Map.of("events", events)).get("errors").asBoolean());
        rest.ok("GET", "/_cluster/health" + PROFILES + "?wait_for_status=green&timeout=60s", null);
        rest.ok("POST", PROFILES + "/_refresh", null);
        JsonNode shards = rest.ok("GET", "/_cat/shards" + PROFILES + "?format=json&h=shard,prirep,node,docs", null);
        Set<String> primaryNodes = new HashSet<>();
        int primaries = 0;
        for (JsonNode shard : shards) {
            if ("p".equals(shard.get("prirep").asText())) {
                primaries++;
                primaryNodes.add(shard.get("node").asText());
                int docs = shard.get("docs").asInt();
                assertTrue(docs > 140 && docs < 260, "an uneven spread: " + shards);
            }
        }
        assertEquals(2, primaries, shards.toString());
        assertEquals(2, primaryNodes.size(), "both primaries on one node: " + shards);
        assertEquals(4, shards.size(), "each primary has a replica: " + shards);
        // stored fields uncompressed: the plugin's Lucene codec, found by name on both nodes
        assertEquals(
                "InterestProfile104",
                rest.ok("GET", PROFILES + "/_settings/index.codec", null)
                        .findValue("codec")
                        .asText());
    }

    /** A 384-d unit vector that differs per user. */
    static List<Double> unit(int seed) {
        List<Double> v = new ArrayList<>();
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < 384; i++) {
            v.add(random.nextGaussian());
        }
        return v;
    }

    @Test
    void profilesIdleLongerThanTheTtlAreSweptByOneNodeAndCounted() throws Exception {
        rest.ok("POST", EVENTS, Map.of("events", List.of(click("idle-user", "an old purchase"))));
        long sweepsBefore = rest.statSum("profile_sweeps");
        long expiredBefore = rest.statSum("profiles_expired");
        Thread.sleep(2500);
        sweepEvery("2s", "1s");
        boolean gone = false;
        for (int i = 0; i < 60 && gone == false; i++) {
            Thread.sleep(500);
            gone = rest.call("GET", "/_plugins/_interest/users/idle-user", null).status() == 404;
        }
        assertTrue(gone, "the idle profile was not swept");
        // the sweep counts when its delete-by-query answers, a moment after the deletion is visible
        boolean counted = false;
        for (int i = 0; i < 40 && counted == false; i++) {
            counted = rest.statSum("profiles_expired") > expiredBefore;
            Thread.sleep(counted ? 0 : 250);
        }
        assertTrue(counted, stats().toString());
        // only the elected cluster manager sweeps
        int sweepingNodes = 0;
        for (JsonNode node : stats()) {
            sweepingNodes += node.get("profile_sweeps").asLong() > 0 ? 1 : 0;
        }
        assertEquals(1, sweepingNodes, stats().toString());
        assertTrue(rest.statSum("profile_sweeps") > sweepsBefore);
        // an active user stays
        resetSettings();
        rest.ok("POST", EVENTS, Map.of("events", List.of(click("active-user", "a new purchase"))));
        sweepEvery("1h", "1s");
        Thread.sleep(2500);
        assertEquals(
                200,
                rest.call("GET", "/_plugins/_interest/users/active-user", null).status());
    }

    /** Profiles idle for longer than {@code ttl} are deleted by a sweep every {@code interval}. */
    static void sweepEvery(String ttl, String interval) {
        rest.ok(
                "PUT",
                "/_cluster/settings",
                Map.of(
                        "persistent",
                        Map.of(
                                "plugins.interest.profile.inactive_ttl",
                                ttl,
                                "plugins.interest.profile.sweep_interval",
                                interval)));
    }

    /** How many documents of the profile index the query matches. */
    static int profileDocuments(Map<String, Object> query) {
        return rest.ok("POST", PROFILES + "/_search", query)
                .get("hits")
                .get("total")
                .get("value")
                .asInt();
    }

    static List<JsonNode> stats() {
        List<JsonNode> all = new ArrayList<>();
        rest.ok("GET", "/_plugins/_interest/stats", null).get("nodes").forEach(all::add);
        return all;
    }

    @Test
    void deleteRemovesEveryDocumentOfTheUserStatementTextsIncluded() {
        String user = "forget-me";
        rest.ok(
                "POST",
                EVENTS,
                Map.of(
                        "events",
                        List.of(
                                Fixtures.statement(user, null, "my secret hobby is birdwatching"),
                                Fixtures.statement(user, "minilm-twin", "my other secret"))));
        rest.ok("POST", PROFILES + "/_refresh", null);
        Map<String, Object> byUser = Map.of("query", Map.of("term", Map.of("user_id", user)));
        assertEquals(2, profileDocuments(byUser));
        assertEquals(
                200,
                nodes[1].call("DELETE", "/_plugins/_interest/users/" + user, null)
                        .status());
        rest.ok("POST", PROFILES + "/_refresh", null);
        assertEquals(0, profileDocuments(byUser));
        JsonNode everything =
                rest.ok("POST", PROFILES + "/_search?size=1000", Map.of("query", Map.of("match_all", Map.of())));
        assertFalse(everything.toString().contains("birdwatching"));
        assertEquals(
                404,
                nodes[1].call("DELETE", "/_plugins/_interest/users/" + user, null)
                        .status());
    }

    @Test
    void snapshotThenDeleteThenRestoreBringsTheSameProfileBack() throws Exception {
        String user = "snap-user";
        rest.call("DELETE", "/_plugins/_interest/users/" + user, null);
        rest.ok(
                "POST",
                EVENTS,
                Map.of("events", List.of(click(user, "alpine climbing rope"), click(user, "espresso beans"))));
        JsonNode before = stable(rest.ok("GET", "/_plugins/_interest/users/" + user, null));
        Path repo = Path.of(System.getProperty("tests.root.dir", "."))
                .toAbsolutePath()
                .resolve("target/opensearch/clusters/two/snapshots");
        rest.ok("PUT", "/_snapshot/profiles-it", Map.of("type", "fs", "settings", Map.of("location", repo.toString())));
        rest.call("DELETE", "/_snapshot/profiles-it/snap-1", null);
        JsonNode snap = rest.ok(
                "PUT",
                "/_snapshot/profiles-it/snap-1?wait_for_completion=true",
                Map.of("indices", ".interest-profiles", "include_global_state", false));
        assertEquals("SUCCESS", snap.get("snapshot").get("state").asText(), snap.toString());

        rest.ok("DELETE", "/_plugins/_interest/users/" + user, null);
        assertEquals(
                404, rest.call("GET", "/_plugins/_interest/users/" + user, null).status());
        rest.ok("DELETE", PROFILES, null);
        JsonNode restored = rest.ok(
                "POST",
                "/_snapshot/profiles-it/snap-1/_restore?wait_for_completion=true",
                Map.of("indices", ".interest-profiles", "include_global_state", false));
        assertEquals(0, restored.get("snapshot").get("shards").get("failed").asInt(), restored.toString());
        rest.ok("GET", "/_cluster/health" + PROFILES + "?wait_for_status=green&timeout=60s", null);
        for (Rest node : nodes) {
            assertEquals(before, stable(node.ok("GET", "/_plugins/_interest/users/" + user, null)));
        }
        // and it keeps learning from where it was
        JsonNode next = rest.ok("POST", EVENTS, Map.of("events", List.of(click(user, "trail running shoes"))));
        assertEquals(201, next.get("items").get(0).get("status").asInt(), next.toString());
        assertEquals(
                3,
                rest.ok("GET", "/_plugins/_interest/users/" + user, null)
                        .get("event_count")
                        .asInt());
        rest.ok("DELETE", "/_snapshot/profiles-it/snap-1", null);
    }

    /** The profile without what depends on the time of the read (weights decayed to now). */
    static JsonNode stable(JsonNode profile) {
        ObjectNode copy = profile.deepCopy();
        List<JsonNode> parts = new ArrayList<>();
        copy.get("interests").forEach(parts::add);
        for (String field : List.of("short_term", "negative")) {
            if (copy.has(field)) {
                parts.add(copy.get(field));
            }
        }
        parts.forEach(p -> ((ObjectNode) p).remove("weight_now"));
        return copy;
    }
}
