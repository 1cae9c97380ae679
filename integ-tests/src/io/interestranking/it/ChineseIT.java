package io.interestranking.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Chinese end to end with the bundled bge-small-zh-v1.5, in its own 512-d space (two-node cluster). */
class ChineseIT {

    static final Rest[] nodes = Rest.twoNodes();
    static final Rest rest = nodes[0];
    static final String MODEL = "bge-small-zh-v1.5";
    static final String INDEX = "zh-items";
    static final Map<String, String> ITEMS = Map.of(
            "coffee", "意式浓缩咖啡机，十五巴压力，家用",
            "boots", "男士防水登山鞋，高帮，耐磨鞋底",
            "vinyl", "爵士乐黑胶唱片，经典录音重新发行",
            "bread", "手工酸面包发酵篮与面包刀套装",
            "phone", "新款智能手机，续航两天，六点七英寸屏幕",
            "tent", "双人露营帐篷，防风防雨，快速搭建");

    @BeforeAll
    static void catalog() {
        rest.call("DELETE", "/" + INDEX, null);
        rest.ok(
                "PUT",
                "/_ingest/pipeline/" + INDEX,
                Fixtures.pipeline(Map.of("field_map", Map.of("title", "title_vector"), "model", MODEL)));
        rest.ok("PUT", "/" + INDEX, Fixtures.vectorIndex(INDEX, "title", "title_vector", 512, 2, 0, Map.of()));
        StringBuilder bulk = new StringBuilder();
        ITEMS.forEach((id, title) -> bulk.append(
                "{\"index\":{\"_index\":\"" + INDEX + "\",\"_id\":\"" + id + "\"}}\n{\"title\":\"" + title + "\"}\n"));
        assertFalse(rest.ok("POST", "/_bulk?refresh=true", bulk.toString())
                .get("errors")
                .asBoolean());
    }

    /** The user's recommendations in the Chinese space ({@code interest_knn}, k 6). */
    static JsonNode recommend(String user) {
        return recommend(user, MODEL);
    }

    /** The same with {@code model} (null: none named, the field's 512 dimensions say). */
    static JsonNode recommend(String user, String model) {
        Map<String, Object> query = new java.util.HashMap<>(Map.of("field", "title_vector", "user_id", user, "k", 6));
        if (model != null) {
            query.put("model", model);
        }
        return rest.ok("POST", "/" + INDEX + "/_search", Map.of("query", Map.of("interest_knn", query)));
    }

    static String top(JsonNode r) {
        return r.get("hits").get("hits").get(0).get("_id").asText();
    }

    @Test
    void chineseQueriesFindTheRightItemFirst() {
        Map<String, String> queries = Map.of(
                "我想买一台咖啡机",
                "coffee",
                "下雨天爬山穿什么鞋",
                "boots",
                "复古音乐唱片",
                "vinyl",
                "周末去野外过夜需要什么",
                "tent",
                "电池耐用的手机",
                "phone");
        for (Rest node : nodes) {
            queries.forEach((q, expected) -> {
                JsonNode r = node.ok(
                        "POST",
                        "/" + INDEX + "/_search",
                        Map.of(
                                "query",
                                Map.of(
                                        "text_knn",
                                        Map.of("field", "title_vector", "query_text", q, "k", 6, "model", MODEL))));
                assertEquals(expected, top(r), q + " -> " + r);
            });
        }
        // naming no model: the field's 512 dimensions name the Chinese model
        JsonNode unnamed = rest.ok(
                "POST",
                "/" + INDEX + "/_search",
                Map.of("query", Map.of("text_knn", Map.of("field", "title_vector", "query_text", "复古音乐唱片", "k", 6))));
        assertEquals("vinyl", top(unnamed), unnamed.toString());
    }

    @Test
    void chineseEventsStatementsAndColdStartLiveInTheModelsSpace() {
        String user = "zh-user";
        rest.call("DELETE", "/_plugins/_interest/users/" + user, null);
        // cold start from a Chinese statement, in the model's space
        JsonNode put = rest.ok(
                "PUT",
                "/_plugins/_interest/users/" + user + "?include_vectors=false&model=" + MODEL,
                Map.of("interests", List.of("我喜欢烘焙面包")));
        assertEquals(MODEL, put.get("space").asText());
        JsonNode cold = recommend(user);
        assertEquals("bread", top(cold), cold.toString());
        // clicks on items (their field is 512-d: the space of the Chinese model) and a Chinese text event
        JsonNode events = rest.ok(
                "POST",
                "/_plugins/_interest/events",
                Map.of(
                        "events",
                        List.of(
                                Fixtures.click(user, INDEX, "vinyl"),
                                Map.of(
                                        "user_id",
                                        user,
                                        "type",
                                        "purchase",
                                        "item",
                                        Map.of("index", INDEX, "id", "vinyl")),
                                Fixtures.statement(user, MODEL, "最近迷上了爵士乐"))));
        assertFalse(events.get("errors").asBoolean(), events.toString());
        JsonNode profile =
                nodes[1].ok("GET", "/_plugins/_interest/users/" + user + "?include_vectors=false&model=" + MODEL, null);
        assertEquals(512, profile.get("dimension").asInt());
        assertEquals(3, profile.get("event_count").asInt());
        // the English space of the same user is untouched
        assertEquals(
                404, rest.call("GET", "/_plugins/_interest/users/" + user, null).status());
        JsonNode recs = recommend(user);
        assertEquals("vinyl", top(recs), recs.toString());
        JsonNode rescored = rest.ok(
                "POST",
                "/" + INDEX + "/_search",
                Fixtures.rescored(Map.of("match_all", Map.of()), 10, Fixtures.interestOnly(user, MODEL)));
        assertEquals("vinyl", top(rescored), rescored.toString());
        // naming no model, searches of the 512-d field read the same profile (same hits, same scores but for the
        // decay of a few milliseconds), as events naming none write it
        assertSameRanking(recs, recommend(user, null));
        assertSameRanking(
                rescored,
                rest.ok(
                        "POST",
                        "/" + INDEX + "/_search",
                        Fixtures.rescored(Map.of("match_all", Map.of()), 10, Fixtures.interestOnly(user, null))));
    }

    static void assertSameRanking(JsonNode expected, JsonNode actual) {
        JsonNode e = expected.get("hits").get("hits"), a = actual.get("hits").get("hits");
        assertEquals(e.size(), a.size(), actual.toString());
        for (int i = 0; i < e.size(); i++) {
            assertEquals(e.get(i).get("_id"), a.get(i).get("_id"), actual.toString());
            assertEquals(
                    e.get(i).get("_score").asDouble(), a.get(i).get("_score").asDouble(), 1e-4);
        }
    }

    @Test
    void theModelsEndpointListsBothModelsAndWhatALoadedOneCosts() {
        rest.ok("POST", "/_plugins/_interest/_embed", Map.of("texts", List.of("你好"), "model", MODEL));
        JsonNode models = rest.ok("GET", "/_plugins/_interest/models", null);
        boolean sawBge = false;
        boolean sawMiniLm = false;
        for (JsonNode m : models.get("models")) {
            if (MODEL.equals(m.get("name").asText())) {
                sawBge = true;
                assertEquals(512, m.get("dimension").asInt());
                assertEquals("cls", m.get("pooling").asText());
                assertEquals(512, m.get("max_length").asInt());
                assertEquals("为这个句子生成表示以用于检索相关文章：", m.get("query_prefix").asText());
                assertTrue(m.get("loaded").asBoolean());
                assertTrue(m.path("native_memory_in_bytes").asLong() > 0, m.toString());
            }
            sawMiniLm |= "all-minilm-l6-v2".equals(m.get("name").asText())
                    && m.get("dimension").asInt() == 384;
        }
        assertTrue(sawBge && sawMiniLm, models.toString());
    }
}
