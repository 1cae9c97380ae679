package io.interestranking.it;

import static io.interestranking.it.Rest.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Query-time ranking on a two-node cluster, index with 3 shards and a replica. */
class RankingIT {

    static final Rest[] nodes = Rest.twoNodes();
    static final Rest rest = nodes[0];
    static final String INDEX = "rank-items";
    static final String[] TOPICS = {
        "hiking boots for alpine trails", "espresso coffee machine", "jazz vinyl record", "sourdough bread baking"
    };

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
            bulk.append("{\"index\":{\"_index\":\"")
                    .append(INDEX)
                    .append("\",\"_id\":\"")
                    .append((char) ('a' + t))
                    .append(i)
                    .append("\"}}\n");
            bulk.append("{\"title\":\"")
                    .append(TOPICS[t])
                    .append(", edition ")
                    .append(i)
                    .append("\",\"topic\":\"")
                    .append((char) ('a' + t))
                    .append("\"}\n");
        }
        rest.bulk(bulk.toString());
        rest.ok("GET", "/_cluster/health/" + INDEX + "?wait_for_status=green&timeout=60s", null);
    }

    static List<Double> scores(JsonNode response) {
        List<Double> s = new ArrayList<>();
        response.get("hits").get("hits").forEach(h -> s.add(h.get("_score").asDouble()));
        return s;
    }

    @Test
    void textKnnEqualsKnnWithTheEmbedVector() {
        String text = "a machine for making coffee at home";
        JsonNode vector = rest.ok("POST", "/_plugins/_interest/_embed", Map.of("texts", List.of(text), "kind", "query"))
                .get("vectors")
                .get(0);
        Map<String, Object> filter = Map.of("range", Map.of("_seq_no", Map.of("gte", 0)));
        for (Rest node : nodes) {
            JsonNode viaText = top20(
                    node,
                    Map.of("text_knn", Map.of("field", "title_vector", "query_text", text, "k", 20, "filter", filter)));
            JsonNode viaVector = top20(
                    node, Map.of("knn", Map.of("title_vector", Map.of("vector", vector, "k", 20, "filter", filter))));
            assertEquals(ids(viaVector), ids(viaText));
            assertEquals(scores(viaVector), scores(viaText));
            assertTrue(ids(viaText).get(0).startsWith("b"), ids(viaText).toString());
        }
    }

    @Test
    void interestKnnRecommendsTheUsersTopic() {
        rest.call("DELETE", "/_plugins/_interest/users/jazz-fan", null);
        List<Object> events = new ArrayList<>();
        for (int i : new int[] {2, 6, 10}) {
            events.add(Fixtures.click("jazz-fan", INDEX, "c" + i));
        }
        assertEquals(
                false,
                rest.ok("POST", "/_plugins/_interest/events", Map.of("events", events))
                        .get("errors")
                        .asBoolean());
        for (Rest node : nodes) {
            JsonNode hits = node.ok(
                    "POST",
                    "/" + INDEX + "/_search",
                    Map.of(
                            "size",
                            10,
                            "query",
                            Map.of("interest_knn", Map.of("field", "title_vector", "user_id", "jazz-fan", "k", 30))));
            for (String id : ids(hits)) {
                assertTrue(id.startsWith("c"), ids(hits).toString());
            }
        }
    }

    @Test
    void interestKnnForAnUnknownUserRunsTheFallback() {
        Map<String, Object> fallback = Map.of("term", Map.of("topic", "d"));
        JsonNode expected = rest.ok(
                "POST", "/" + INDEX + "/_search", Map.of("size", 50, "query", fallback, "sort", List.of("_doc")));
        JsonNode actual = rest.ok(
                "POST",
                "/" + INDEX + "/_search",
                Map.of(
                        "size",
                        50,
                        "sort",
                        List.of("_doc"),
                        "query",
                        Map.of(
                                "interest_knn",
                                Map.of("field", "title_vector", "user_id", "never-seen", "fallback", fallback))));
        assertEquals(ids(expected), ids(actual));
        assertEquals(30, ids(actual).size());
        JsonNode matchAll = rest.ok(
                "POST",
                "/" + INDEX + "/_count",
                Map.of("query", Map.of("interest_knn", Map.of("field", "title_vector", "user_id", "never-seen"))));
        assertEquals(120, matchAll.get("count").asInt());
    }

    /** A first pass that mixes topics, so that personalisation has something to reorder. */
    static JsonNode top20(Rest node, Map<String, Object> query) {
        return node.ok("POST", "/" + INDEX + "/_search", Map.of("size", 20, "query", query));
    }

    /** The rescorer's parameters for the user "baker" on {@code title_vector}, with these (name, value pairs). */
    static Map<String, Object> baker(Object... more) {
        Map<String, Object> interest = new java.util.HashMap<>(Map.of("user_id", "baker", "field", "title_vector"));
        for (int i = 0; i < more.length; i += 2) {
            interest.put((String) more[i], more[i + 1]);
        }
        return interest;
    }

    static Map<String, Object> search(int from, int size, Map<String, Object> rescore) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("from", from);
        body.put("size", size);
        body.put(
                "query",
                Map.of(
                        "text_knn",
                        Map.of("field", "title_vector", "query_text", "things I might buy this weekend", "k", 100)));
        if (rescore != null) {
            body.put("rescore", Map.of("window_size", 100, "interest", rescore));
        }
        return body;
    }

    static void profileAboutBread() {
        rest.call("DELETE", "/_plugins/_interest/users/baker", null);
        List<Object> events = new ArrayList<>();
        for (int i : new int[] {3, 7, 11, 15}) {
            events.add(Fixtures.click("baker", INDEX, "d" + i));
        }
        assertEquals(
                false,
                rest.ok("POST", "/_plugins/_interest/events", Map.of("events", events))
                        .get("errors")
                        .asBoolean());
    }

    static double meanRankOf(List<String> ids, String prefix) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i).startsWith(prefix)) {
                sum += i;
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void theRescorerLiftsTheUsersTopic() {
        profileAboutBread();
        for (Rest node : nodes) {
            List<String> plain = ids(node.ok("POST", "/" + INDEX + "/_search", search(0, 100, null)));
            List<String> personal = ids(node.ok(
                    "POST",
                    "/" + INDEX + "/_search",
                    search(0, 100, baker("query_weight", 0.5, "interest_weight", 0.5))));
            assertTrue(meanRankOf(personal, "d") < meanRankOf(plain, "d"), plain + " vs " + personal);
            for (String id : personal.subList(0, 10)) {
                assertTrue(id.startsWith("d"), personal.toString());
            }
        }
    }

    @Test
    void zeroInterestWeightKeepsTheFirstPassOrderAcrossShards() {
        profileAboutBread();
        JsonNode plain = rest.ok("POST", "/" + INDEX + "/_search", search(0, 100, null));
        JsonNode rescored = rest.ok(
                "POST", "/" + INDEX + "/_search", search(0, 100, baker("query_weight", 1.0, "interest_weight", 0.0)));
        assertEquals(ids(plain), ids(rescored));
        assertEquals(scores(plain), scores(rescored));
    }

    @Test
    void unknownUserKeepsTheFirstPassOrder() {
        JsonNode plain = rest.ok("POST", "/" + INDEX + "/_search", search(0, 50, null));
        JsonNode rescored = rest.ok(
                "POST",
                "/" + INDEX + "/_search",
                search(0, 50, Map.of("user_id", "nobody-at-all", "field", "title_vector")));
        assertEquals(ids(plain), ids(rescored));
    }

    @Test
    void aSeedGivesTheSameOrderEveryTimeAndConsistentPages() {
        profileAboutBread();
        Map<String, Object> explore = baker("exploration", Map.of("weight", 0.3, "seed", "session-123"));
        List<String> first = ids(rest.ok("POST", "/" + INDEX + "/_search", search(0, 30, explore)));
        for (Rest node : nodes) {
            assertEquals(first, ids(node.ok("POST", "/" + INDEX + "/_search", search(0, 30, explore))));
        }
        List<String> paged = new ArrayList<>();
        for (int from = 0; from < 30; from += 10) {
            paged.addAll(ids(nodes[from / 10 % 2].ok("POST", "/" + INDEX + "/_search", search(from, 10, explore))));
        }
        assertEquals(first, paged);
        Map<String, Object> otherSeed = baker("exploration", Map.of("weight", 0.3, "seed", "session-456"));
        assertTrue(first.equals(ids(rest.ok("POST", "/" + INDEX + "/_search", search(0, 30, otherSeed)))) == false);
    }

    @Test
    void explainComponentsAddUpToTheScore() {
        assertExplanationsAddUp(baker("exploration", Map.of("weight", 0.1, "seed", "s")), 3);
    }

    @Test
    void explainShowsTheDiversityAdjustmentToo() {
        assertExplanationsAddUp(baker("diversity", Map.of("lambda", 0.6)), 4);
    }

    /** Every hit's explanation has {@code parts} parts whose values add up to the hit's score. */
    static void assertExplanationsAddUp(Map<String, Object> rescore, int parts) {
        profileAboutBread();
        Map<String, Object> body = new java.util.HashMap<>(search(0, 20, rescore));
        body.put("explain", true);
        JsonNode hits =
                rest.ok("POST", "/" + INDEX + "/_search", body).get("hits").get("hits");
        assertEquals(20, hits.size());
        for (JsonNode hit : hits) {
            JsonNode explanation = hit.get("_explanation");
            double sum = 0;
            for (JsonNode part : explanation.get("details")) {
                sum += part.get("value").asDouble();
            }
            assertEquals(parts, explanation.get("details").size(), explanation.toString());
            assertEquals(
                    hit.get("_score").asDouble(), explanation.get("value").asDouble(), 1e-5, explanation.toString());
            assertEquals(hit.get("_score").asDouble(), sum, 1e-5, explanation.toString());
        }
    }

    @Test
    void badQueriesGet400NamingTheField() {
        Map<String, Object> good = Map.of("user_id", "u", "field", "title_vector");
        for (var bad : List.of(
                Map.entry(Map.<String, Object>of("field", "title_vector"), "user_id"),
                Map.entry(Map.<String, Object>of("user_id", "u"), "field"),
                Map.entry(merge(good, "interest_weight", -0.5), "interest_weight"),
                Map.entry(merge(good, "colour", "red"), "colour"),
                Map.entry(merge(good, "normalize", "zscore"), "normalize"),
                Map.entry(merge(good, "diversity", Map.of("lambda", 2)), "diversity.lambda"))) {
            Rest.Response r = rest.call("POST", "/" + INDEX + "/_search", search(0, 10, bad.getKey()));
            assertEquals(400, r.status(), r.toString());
            assertTrue(r.raw().contains(bad.getValue()), "expected [" + bad.getValue() + "] in " + r);
        }
        assertBad(Map.of("text_knn", Map.of("field", "title_vector", "query_text", "x", "colour", 1)), "colour");
        assertBad(Map.of("text_knn", Map.of("field", "title_vector")), "query_text");
        assertBad(Map.of("text_knn", Map.of("query_text", "x")), "field");
        assertBad(Map.of("text_knn", Map.of("field", "title_vector", "query_text", "x", "k", 0)), "[k]");
        assertBad(Map.of("text_knn", Map.of("field", "title_vector", "query_text", "x", "model", "nope")), "nope");
        assertBad(Map.of("interest_knn", Map.of("field", "title_vector")), "user_id");
        assertBad(
                Map.of(
                        "interest_knn",
                        Map.of("field", "title_vector", "user_id", "u", "fallback", Map.of("nope", Map.of()))),
                "nope");
    }

    static Map<String, Object> merge(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new java.util.HashMap<>(base);
        m.put(key, value);
        return m;
    }

    static void assertBad(Map<String, Object> query, String mention) {
        Rest.Response r = rest.call("POST", "/" + INDEX + "/_search", Map.of("query", query));
        assertEquals(400, r.status(), r.toString());
        assertTrue(r.raw().contains(mention), "expected [" + mention + "] in " + r);
    }
}
