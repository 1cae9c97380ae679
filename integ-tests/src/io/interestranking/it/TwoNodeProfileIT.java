package io.interestranking.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Profiles under concurrency across two nodes: nothing lost, nothing counted twice, replicated. */
class TwoNodeProfileIT {

    static final Rest[] nodes = Rest.twoNodes();

    static List<Double> randomUnit(Random random) {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < 384; i++) {
            v.add(random.nextGaussian());
        }
        return v;
    }

    @Test
    void eightClientsAlternatingNodesLoseNoEvent() throws Exception {
        nodes[0].call("DELETE", "/_plugins/_interest/users/hot", null);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger applied = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int client = c;
            done.add(clients.submit(() -> {
                Random random = new Random(client);
                for (int i = 0; i < 500; i++) {
                    Rest node = nodes[(client + i) % 2];
                    Map<String, Object> event = Map.of(
                            "user_id",
                            "hot",
                            "type",
                            "click",
                            "event_id",
                            "c" + client + "-" + i,
                            "item",
                            Map.of("vector", randomUnit(random)));
                    Rest.Response r = node.call("POST", "/_plugins/_interest/events", Map.of("events", List.of(event)));
                    if (r.status() >= 500
                            || r.body().get("items").get(0).get("status").asInt() >= 500) {
                        serverErrors.incrementAndGet();
                        System.err.println("server error: " + r);
                    } else if ("applied"
                            .equals(r.body().get("items").get(0).path("result").asText())) {
                        applied.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        clients.shutdown();
        assertEquals(0, serverErrors.get());
        assertEquals(4000, applied.get());
        for (Rest node : nodes) {
            JsonNode p = node.ok("GET", "/_plugins/_interest/users/hot?include_vectors=false", null);
            assertEquals(4000, p.get("event_count").asInt());
        }
        // every primary of the profile index has a replica (on the other node)
        JsonNode shards = nodes[0].ok("GET", "/_cat/shards/.interest-profiles?format=json", null);
        int primaries = 0;
        for (JsonNode shard : shards) {
            primaries += "p".equals(shard.get("prirep").asText()) ? 1 : 0;
        }
        assertEquals(2 * primaries, shards.size(), shards.toString());
    }
}
