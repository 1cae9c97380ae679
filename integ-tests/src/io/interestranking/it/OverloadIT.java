package io.interestranking.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A node whose inference pool is full answers 429 (retry later) — for `_embed` and for a `text_knn` search —
 * never a 5xx, never a hang, and works normally once the burst is over. Runs against the "tiny" cluster
 * (integ-tests/clusters.sh): one inference thread, a queue of one.
 */
class OverloadIT {

    static final Rest node = Rest.tiny();
    static final String LONG_TEXT =
            "a fairly long sentence about waterproof hiking boots and mountain trails ".repeat(8);

    @Test
    void aFullInferencePoolAnswers429AndRecovers() throws Exception {
        node.call("DELETE", "/overload", null);
        node.ok("PUT", "/overload", Fixtures.vectorIndex("_none", "title", "title_vector", 1, 0));
        node.ok(
                "PUT",
                "/overload/_doc/1?refresh=true",
                Map.of(
                        "title",
                        "boots",
                        "title_vector",
                        Rest.JSON.convertValue(
                                node.ok("POST", "/_plugins/_interest/_embed", Map.of("texts", List.of("boots")))
                                        .get("vectors")
                                        .get(0),
                                List.class)));
        long rejectedBefore = rejected();

        List<Rest.Response> responses = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            // bursts of 16 concurrent calls, each a distinct text (the query cache must not answer); one is enough
            for (int burst = 0; burst < 5 && responses.stream().noneMatch(r -> r.status() == 429); burst++) {
                List<Future<Rest.Response>> calls = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    String text = LONG_TEXT + burst + " " + i;
                    boolean embed = i % 2 == 0;
                    calls.add(clients.submit(() -> embed
                            ? node.call("POST", "/_plugins/_interest/_embed", Map.of("texts", List.of(text)))
                            : node.call("POST", "/overload/_search", Map.of("query", Fixtures.textKnn(text, 1)))));
                }
                for (Future<Rest.Response> call : calls) {
                    responses.add(call.get());
                }
            }
        } finally {
            clients.shutdownNow();
        }
        for (Rest.Response r : responses) {
            assertTrue(r.status() == 200 || r.status() == 429, "only 200 or 429 under overload, got " + r);
            if (r.status() == 429) {
                assertEquals(
                        "rejected_execution_exception",
                        r.body().path("error").path("type").asText(),
                        r.raw());
            }
        }
        assertTrue(responses.stream().anyMatch(r -> r.status() == 429), "no request was rejected in 5 bursts of 16");
        assertTrue(responses.stream().anyMatch(r -> r.status() == 200), "every request was rejected");
        assertTrue(rejected() > rejectedBefore, "the stats count rejected requests");

        // the burst is over: the node embeds and searches as usual
        node.ok("POST", "/_plugins/_interest/_embed", Map.of("texts", List.of("after the burst")));
        JsonNode hits =
                node.ok("POST", "/overload/_search", Map.of("query", Fixtures.textKnn("boots for the mountains", 1)));
        assertEquals("1", hits.get("hits").get("hits").get(0).get("_id").asText());
    }

    static long rejected() {
        return node.ok("GET", "/_plugins/_interest/stats", null)
                .get("nodes")
                .elements()
                .next()
                .get("rejected_requests")
                .asLong();
    }
}
