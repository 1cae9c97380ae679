package io.interestranking.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedding path on a real single node: {@code _embed} and the ingest processor, against a reference model. */
class EmbeddingIT {

    static final Rest rest = Rest.single();
    static AllMiniLmL6V2EmbeddingModel reference;

    @BeforeAll
    static void setUp() {
        reference = new AllMiniLmL6V2EmbeddingModel();
    }

    static float[][] embed(List<String> texts) {
        JsonNode body = rest.ok("POST", "/_plugins/_interest/_embed", Map.of("texts", texts));
        assertEquals(384, body.get("dimension").asInt());
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Rest.vector(body.get("vectors").get(i));
        }
        return out;
    }

    @Test
    void embedEndpointMatchesTheReferenceModel() {
        List<String> texts = Fixtures.VARIED_TEXTS;
        float[][] ours = embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            double cos =
                    Rest.cosine(ours[i], reference.embed(texts.get(i)).content().vector());
            assertTrue(cos >= 0.9999, "cosine " + cos + " for [" + texts.get(i) + "]");
        }
    }

    @Test
    void aTextsVectorIsTheSameAloneAndInAMixedBatch() {
        List<String> texts = Fixtures.VARIED_TEXTS;
        float[][] together = embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(embed(List.of(texts.get(i)))[0], together[i], "text " + i);
        }
    }

    @Test
    void ingestedVectorsMatchTheReferenceModel() {
        rest.call("DELETE", "/emb-ref", null);
        rest.ok("PUT", "/_ingest/pipeline/emb-ref", Fixtures.titlePipeline());
        rest.ok("PUT", "/emb-ref", Fixtures.itemIndex("emb-ref", 1, 0));
        StringBuilder bulk = new StringBuilder();
        List<String> texts = Fixtures.VARIED_TEXTS;
        for (int i = 0; i < texts.size(); i++) {
            bulk.append("{\"index\":{\"_index\":\"emb-ref\",\"_id\":\"")
                    .append(i)
                    .append("\"}}\n");
            bulk.append(json(Map.of("title", texts.get(i)))).append('\n');
        }
        JsonNode result = rest.ok("POST", "/_bulk?refresh=true", bulk.toString());
        assertEquals(false, result.get("errors").asBoolean(), result.toString());
        for (int i = 0; i < texts.size(); i++) {
            JsonNode source = rest.ok("GET", "/emb-ref/_doc/" + i, null).get("_source");
            float[] stored = Rest.vector(source.get("title_vector"));
            double cos =
                    Rest.cosine(stored, reference.embed(texts.get(i)).content().vector());
            assertTrue(cos >= 0.9999, "cosine " + cos + " for [" + texts.get(i) + "]");
        }
    }

    @Test
    void aThousandDocumentBulkIsEmbeddedAndFoundByItsOwnVector() {
        rest.call("DELETE", "/emb-bulk", null);
        rest.ok("PUT", "/_ingest/pipeline/emb-bulk", Fixtures.titlePipeline());
        rest.ok("PUT", "/emb-bulk", Fixtures.itemIndex("emb-bulk", 1, 0));
        String[] topics = {
            "hiking boots",
            "espresso machine",
            "mountain bike",
            "jazz vinyl",
            "sourdough bread",
            "chess openings",
            "electric guitar",
            "tomato seeds",
            "swimming goggles",
            "telescope lens"
        };
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            bulk.append("{\"index\":{\"_index\":\"emb-bulk\",\"_id\":\"")
                    .append(i)
                    .append("\"}}\n");
            String title = topics[i % topics.length] + " model " + i + " in colour " + (i * 7919 % 97);
            bulk.append(json(Map.of("title", title))).append('\n');
        }
        JsonNode result = rest.ok("POST", "/_bulk?refresh=true", bulk.toString());
        assertEquals(false, result.get("errors").asBoolean());
        assertEquals(1000, result.get("items").size());
        assertEquals(1000, rest.ok("GET", "/emb-bulk/_count", null).get("count").asInt());
        JsonNode withVectors =
                rest.ok("POST", "/emb-bulk/_count", Map.of("query", Map.of("exists", Map.of("field", "title_vector"))));
        assertEquals(1000, withVectors.get("count").asInt());
        for (int id = 0; id < 1000; id += 97) {
            JsonNode source = rest.ok("GET", "/emb-bulk/_doc/" + id, null).get("_source");
            float[] own = Rest.vector(source.get("title_vector"));
            assertEquals(384, own.length);
            JsonNode hits = rest.ok(
                            "POST",
                            "/emb-bulk/_search",
                            Map.of(
                                    "size",
                                    3,
                                    "query",
                                    Map.of("knn", Map.of("title_vector", Map.of("vector", own, "k", 10)))))
                    .get("hits")
                    .get("hits");
            assertEquals(String.valueOf(id), hits.get(0).get("_id").asText(), "doc " + id + " is not its own nearest");
        }
    }

    @Test
    void aBadDocumentFailsAloneAndNamesTheField() {
        rest.call("DELETE", "/emb-bad", null);
        rest.ok("PUT", "/_ingest/pipeline/emb-bad", Fixtures.titlePipeline());
        rest.ok("PUT", "/emb-bad", Fixtures.itemIndex("emb-bad", 1, 0));
        List<Object> titles = new ArrayList<>();
        titles.add("good one");
        titles.add(12345);
        titles.add(Map.of("nested", "object"));
        titles.add(List.of("an", "array", "of strings"));
        titles.add("");
        titles.add(null); // missing field
        titles.add("good two");
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < titles.size(); i++) {
            bulk.append("{\"index\":{\"_index\":\"emb-bad\",\"_id\":\"")
                    .append(i)
                    .append("\"}}\n");
            Map<String, Object> doc = new HashMap<>();
            if (titles.get(i) != null) {
                doc.put("title", titles.get(i));
            }
            doc.put("n", i);
            bulk.append(json(doc)).append('\n');
        }
        JsonNode items = rest.ok("POST", "/_bulk?refresh=true", bulk.toString()).get("items");
        assertOk(items.get(0));
        assertError(items.get(1), "field [title]", "[number]");
        assertError(items.get(2), "field [title]", "[object]");
        assertOk(items.get(3));
        assertError(items.get(4), "field [title] is empty");
        assertError(items.get(5), "field [title] is missing");
        assertOk(items.get(6));
        float[] joined = Rest.vector(
                rest.ok("GET", "/emb-bad/_doc/3", null).get("_source").get("title_vector"));
        assertArrayEquals(embed(List.of("an\narray\nof strings"))[0], joined);
    }

    @Test
    void ignoreMissingSkipsMissingAndEmptyFields() {
        rest.call("DELETE", "/emb-opt", null);
        rest.ok(
                "PUT",
                "/_ingest/pipeline/emb-opt",
                Fixtures.pipeline(Map.of("field_map", Map.of("title", "title_vector"), "ignore_missing", true)));
        rest.ok("PUT", "/emb-opt", Fixtures.itemIndex("emb-opt", 1, 0));
        String bulk = "{\"index\":{\"_index\":\"emb-opt\",\"_id\":\"1\"}}\n{\"other\":1}\n"
                + "{\"index\":{\"_index\":\"emb-opt\",\"_id\":\"2\"}}\n{\"title\":\"\"}\n"
                + "{\"index\":{\"_index\":\"emb-opt\",\"_id\":\"3\"}}\n{\"title\":\"present\"}\n";
        JsonNode result = rest.ok("POST", "/_bulk?refresh=true", bulk);
        assertEquals(false, result.get("errors").asBoolean(), result.toString());
        assertTrue(rest.ok("GET", "/emb-opt/_doc/1", null).get("_source").get("title_vector") == null);
        assertTrue(rest.ok("GET", "/emb-opt/_doc/2", null).get("_source").get("title_vector") == null);
        assertEquals(
                384,
                rest.ok("GET", "/emb-opt/_doc/3", null)
                        .get("_source")
                        .get("title_vector")
                        .size());
    }

    @Test
    void aMegabyteTextIsTruncatedNotRejected() {
        rest.call("DELETE", "/emb-big", null);
        rest.ok("PUT", "/_ingest/pipeline/emb-big", Fixtures.titlePipeline());
        rest.ok("PUT", "/emb-big", Fixtures.itemIndex("emb-big", 1, 0));
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 1_000_000) {
            sb.append("alpine lakes and glacier hikes ");
        }
        rest.ok("PUT", "/emb-big/_doc/1?refresh=true", Map.of("title", sb.toString()));
        float[] stored = Rest.vector(
                rest.ok("GET", "/emb-big/_doc/1", null).get("_source").get("title_vector"));
        // 2,000 characters hold far more than 256 word pieces: the same truncated text
        assertArrayEquals(embed(List.of(sb.substring(0, 2000)))[0], stored);
        assertEquals(
                "green",
                rest.ok("GET", "/_cluster/health/emb-big", null).get("status").asText());
    }

    @Test
    void badPipelineDefinitionsAreRefusedNamingTheProblem() {
        Rest.Response unknownOption = rest.call(
                "PUT",
                "/_ingest/pipeline/emb-broken",
                Fixtures.pipeline(Map.of("field_map", Map.of("title", "v"), "colour", "red")));
        assertEquals(400, unknownOption.status(), unknownOption.toString());
        assertTrue(unknownOption.raw().contains("colour"), unknownOption.toString());

        Rest.Response unknownModel = rest.call(
                "PUT",
                "/_ingest/pipeline/emb-broken",
                Fixtures.pipeline(Map.of("field_map", Map.of("title", "v"), "model", "no-such-model")));
        assertEquals(400, unknownModel.status(), unknownModel.toString());
        assertTrue(
                unknownModel.raw().contains("no-such-model")
                        && unknownModel.raw().contains("model"),
                unknownModel.toString());

        Rest.Response badBatch = rest.call(
                "PUT",
                "/_ingest/pipeline/emb-broken",
                Fixtures.pipeline(Map.of("field_map", Map.of("title", "v"), "batch_size", 0)));
        assertEquals(400, badBatch.status(), badBatch.toString());
        assertTrue(badBatch.raw().contains("batch_size"), badBatch.toString());

        Rest.Response noFieldMap = rest.call(
                "PUT", "/_ingest/pipeline/emb-broken", Fixtures.pipeline(Map.of("model", "all-minilm-l6-v2")));
        assertEquals(400, noFieldMap.status(), noFieldMap.toString());
        assertTrue(noFieldMap.raw().contains("field_map"), noFieldMap.toString());
    }

    @Test
    void badEmbedRequestsGet400NamingTheField() {
        assertBad(
                rest.call("POST", "/_plugins/_interest/_embed", Map.of("texts", List.of("x"), "colour", "red")),
                "colour");
        assertBad(rest.call("POST", "/_plugins/_interest/_embed", Map.of("texts", List.of())), "texts");
        assertBad(
                rest.call("POST", "/_plugins/_interest/_embed", Map.of("texts", List.of("x"), "model", "nope")),
                "nope");
        assertBad(
                rest.call("POST", "/_plugins/_interest/_embed", Map.of("texts", List.of("x"), "kind", "poem")), "kind");
        assertBad(rest.call("POST", "/_plugins/_interest/_embed", "{\"texts\": [\"x\""), "");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 257; i++) {
            many.add("t" + i);
        }
        assertBad(
                rest.call("POST", "/_plugins/_interest/_embed", Map.of("texts", many)),
                "plugins.interest.embed.max_texts");
        assertBad(
                rest.call("POST", "/_plugins/_interest/_embed", Map.of("texts", List.of("y".repeat(100_001)))),
                "texts][0]");
    }

    static void assertBad(Rest.Response response, String mention) {
        assertEquals(400, response.status(), response.toString());
        assertTrue(response.raw().contains(mention), "expected [" + mention + "] in " + response);
    }

    static void assertOk(JsonNode item) {
        JsonNode index = item.get("index");
        assertTrue(index.get("status").asInt() / 100 == 2, index.toString());
    }

    static void assertError(JsonNode item, String... mentions) {
        JsonNode index = item.get("index");
        assertEquals(400, index.get("status").asInt(), index.toString());
        for (String m : mentions) {
            assertTrue(index.get("error").toString().contains(m), "expected [" + m + "] in " + index);
        }
    }

    static String json(Object value) {
        try {
            return Rest.JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
