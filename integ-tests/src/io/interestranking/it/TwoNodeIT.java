package io.interestranking.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inference runs on every node that ingests or coordinates: both nodes must give the same vectors. */
class TwoNodeIT {

    static final Rest[] nodes = Rest.twoNodes();

    @Test
    void bothNodesEmbedIdentically() {
        assertEquals(
                2,
                nodes[0].ok("GET", "/_cluster/health", null)
                        .get("number_of_nodes")
                        .asInt());
        List<String> texts = Fixtures.VARIED_TEXTS;
        JsonNode a = nodes[0].ok("POST", "/_plugins/_interest/_embed", Map.of("texts", texts))
                .get("vectors");
        JsonNode b = nodes[1].ok("POST", "/_plugins/_interest/_embed", Map.of("texts", texts))
                .get("vectors");
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(Rest.vector(a.get(i)), Rest.vector(b.get(i)), "text " + i);
        }
    }

    @Test
    void bulkThroughEitherNodeEmbedsEveryDocument() {
        Rest first = nodes[0];
        first.call("DELETE", "/two-items", null);
        first.ok("PUT", "/_ingest/pipeline/two-items", Fixtures.titlePipeline());
        first.ok("PUT", "/two-items", Fixtures.itemIndex("two-items", 3, 1));
        first.ok("GET", "/_cluster/health/two-items?wait_for_status=green&timeout=60s", null);
        for (int n = 0; n < nodes.length; n++) {
            StringBuilder bulk = new StringBuilder();
            for (int i = 0; i < 150; i++) {
                String id = n + "-" + i;
                bulk.append("{\"index\":{\"_index\":\"two-items\",\"_id\":\"")
                        .append(id)
                        .append("\"}}\n");
                bulk.append("{\"title\":\"item ")
                        .append(i)
                        .append(" sent through node ")
                        .append(n)
                        .append("\"}\n");
            }
            JsonNode result = nodes[n].ok("POST", "/_bulk?refresh=true", bulk.toString());
            assertEquals(false, result.get("errors").asBoolean(), result.toString());
        }
        Map<String, Object> exists = Map.of("query", Map.of("exists", Map.of("field", "title_vector")));
        for (Rest node : nodes) {
            assertEquals(
                    300,
                    node.ok("POST", "/two-items/_count", exists).get("count").asInt());
        }
        // the same document has the same vector whichever node ingested its neighbours
        float[] expected = Rest.vector(nodes[1].ok(
                        "POST", "/_plugins/_interest/_embed", Map.of("texts", List.of("item 7 sent through node 0")))
                .get("vectors")
                .get(0));
        JsonNode stored =
                nodes[1].ok("GET", "/two-items/_doc/0-7", null).get("_source").get("title_vector");
        assertArrayEquals(expected, Rest.vector(stored));
        // the knn query finds it first from either node
        for (Rest node : nodes) {
            JsonNode hits = node.ok(
                            "POST",
                            "/two-items/_search",
                            Map.of(
                                    "size",
                                    1,
                                    "query",
                                    Map.of("knn", Map.of("title_vector", Map.of("vector", expected, "k", 10)))))
                    .get("hits")
                    .get("hits");
            assertEquals("0-7", hits.get(0).get("_id").asText());
        }
    }
}
