package io.interestranking.it;

import static io.interestranking.it.Rest.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With neural-search's {@code hybrid} query and {@code normalization-processor} (the "full distribution" node). */
class HybridIT {

    static final Rest rest = Rest.full();
    static final String INDEX = "hybrid-items";
    static final String PIPELINE = "/_search/pipeline/hybrid-norm";
    static final String[] TITLES = {
        "waterproof hiking boots",
        "trail running shoes",
        "espresso coffee machine",
        "burr coffee grinder",
        "jazz vinyl record",
        "turntable with speakers",
        "sourdough bread starter",
        "cast iron bread pan"
    };

    @BeforeAll
    static void catalog() {
        rest.call("DELETE", "/" + INDEX, null);
        rest.ok("PUT", "/_ingest/pipeline/" + INDEX, Fixtures.titlePipeline());
        rest.ok("PUT", "/" + INDEX, Fixtures.itemIndex(INDEX, 2, 0));
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            bulk.append("{\"index\":{\"_index\":\"")
                    .append(INDEX)
                    .append("\",\"_id\":\"d")
                    .append(i)
                    .append("\"}}\n")
                    .append("{\"title\":\"")
                    .append(TITLES[i % TITLES.length])
                    .append(" edition ")
                    .append(i)
                    .append("\"}\n");
        }
        assertFalse(rest.ok("POST", "/_bulk?refresh=true", bulk.toString())
                .get("errors")
                .asBoolean());
        rest.ok(
                "PUT",
                PIPELINE,
                Map.of(
                        "phase_results_processors",
                        List.of(Map.of(
                                "normalization-processor",
                                Map.of(
                                        "normalization", Map.of("technique", "min_max"),
                                        "combination",
                                                Map.of(
                                                        "technique",
                                                        "arithmetic_mean",
                                                        "parameters",
                                                        Map.of("weights", List.of(0.3, 0.7))))))));
    }

    static Map<String, Object> hybrid(Object second) {
        return Map.of(
                "size",
                10,
                "query",
                Map.of("hybrid", Map.of("queries", List.of(Map.of("match", Map.of("title", "coffee")), second))));
    }

    static List<Double> scores(JsonNode r) {
        List<Double> s = new ArrayList<>();
        r.get("hits").get("hits").forEach(h -> s.add(h.get("_score").asDouble()));
        return s;
    }

    @Test
    void textKnnInsideHybridEqualsKnnWithTheEmbedVector() {
        String text = "a machine that makes coffee";
        JsonNode vector = rest.ok("POST", "/_plugins/_interest/_embed", Map.of("texts", List.of(text), "kind", "query"))
                .get("vectors")
                .get(0);
        JsonNode viaText = rest.ok(
                "POST",
                "/" + INDEX + "/_search?search_pipeline=hybrid-norm",
                hybrid(Map.of("text_knn", Map.of("field", "title_vector", "query_text", text, "k", 20))));
        JsonNode viaVector = rest.ok(
                "POST",
                "/" + INDEX + "/_search?search_pipeline=hybrid-norm",
                hybrid(Map.of("knn", Map.of("title_vector", Map.of("vector", vector, "k", 20)))));
        assertEquals(ids(viaVector), ids(viaText));
        assertEquals(scores(viaVector), scores(viaText));
        assertTrue(ids(viaText).size() == 10, viaText.toString());
    }

    @Test
    void interestKnnInsideHybridRecommendsTheUsersTopic() {
        rest.call("DELETE", "/_plugins/_interest/users/hybrid-fan", null);
        rest.ok(
                "POST",
                "/_plugins/_interest/events",
                Map.of(
                        "events",
                        List.of(
                                Fixtures.click("hybrid-fan", INDEX, "d4"),
                                Fixtures.click("hybrid-fan", INDEX, "d12"))));
        JsonNode r = rest.ok(
                "POST",
                "/" + INDEX + "/_search?search_pipeline=hybrid-norm",
                hybrid(Map.of("interest_knn", Map.of("field", "title_vector", "user_id", "hybrid-fan", "k", 20))));
        String top =
                r.get("hits").get("hits").get(0).get("_source").get("title").asText();
        assertTrue(top.startsWith("jazz vinyl") || top.startsWith("espresso") || top.startsWith("burr"), r.toString());
        // the jazz items (the user's interest) rank in the top 10 although the text query is about coffee
        assertTrue(r.toString().contains("jazz vinyl"), r.toString());
    }

    @Test
    void theInterestRescorerOverAHybridQueryWorksOrSaysWhyNot() {
        rest.call("DELETE", "/_plugins/_interest/users/hybrid-rescored", null);
        rest.ok(
                "POST",
                "/_plugins/_interest/events",
                Map.of("events", List.of(Fixtures.click("hybrid-rescored", INDEX, "d3"))));
        Map<String, Object> search = new java.util.HashMap<>(
                hybrid(Map.of("text_knn", Map.of("field", "title_vector", "query_text", "coffee", "k", 20))));
        search.put("rescore", Map.of("window_size", 10, "interest", Fixtures.interestOnly("hybrid-rescored", null)));
        Rest.Response r = rest.call("POST", "/" + INDEX + "/_search?search_pipeline=hybrid-norm", search);
        if (r.status() == 200) {
            // rescored: the clicked grinder's siblings first
            assertTrue(
                    r.body()
                            .get("hits")
                            .get("hits")
                            .get(0)
                            .get("_source")
                            .get("title")
                            .asText()
                            .startsWith("burr coffee grinder"),
                    r.toString());
        } else {
            assertEquals(400, r.status(), r.toString());
            assertTrue(r.raw().contains("hybrid"), r.raw());
        }
    }

    /** docs/hybrid.md's examples run here, on the node that has neural-search (the other pages run in DocsExamplesIT). */
    @Test
    void theHybridDocsExamplesRun() throws Exception {
        rest.call("DELETE", "/shop", null);
        rest.call("DELETE", "/_plugins/_interest/users/hybrid-u1", null);
        assertTrue(DocsExamplesIT.runExamples(
                        List.of("docs/hybrid.md"), System.getProperty("tests.cluster.full", "http://127.0.0.1:9265"))
                >= 4);
    }
}
