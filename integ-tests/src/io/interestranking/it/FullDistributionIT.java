package io.interestranking.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Next to ml-commons and neural-search on one node (the "full distribution" cluster, port 9265). Both plugins run
 * their own copy of ONNX Runtime: whichever loads it first, both keep working, and with the same ONNX file both
 * give the same vector of a text. ml-commons gets the all-MiniLM-L6-v2 file this plugin bundles, zipped and served
 * on loopback by this test.
 */
class FullDistributionIT {

    static final Rest rest = Rest.full();
    static final Path ROOT = Path.of(System.getProperty("tests.root.dir", "."));
    static final Path MODEL = Path.of(System.getProperty("tests.models.dir", "target/models")).resolve("all-minilm-l6-v2");
    static final List<String> TEXTS = List.of("waterproof hiking boots", "a machine for making espresso at home",
        "Vitamin D supplementation reduces the risk of acute respiratory infections.");
    static HttpServer server;
    static Map<String, Object> register;

    @BeforeAll
    static void serveModelAndConfigureMlCommons() throws Exception {
        Path zip = Files.createTempFile("minilm-onnx", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String[] entry : new String[][] { { "model.onnx", "all-minilm-l6-v2.onnx" }, { "tokenizer.json", "tokenizer.json" } }) {
                out.putNextEntry(new ZipEntry(entry[1]));
                Files.copy(MODEL.resolve(entry[0]), out);
                out.closeEntry();
            }
        }
        byte[] bytes = Files.readAllBytes(zip);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/model.zip", exchange -> {
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(bytes);
            }
        });
        server.start();
        Map<String, Object> ml = new HashMap<>();
        ml.put("plugins.ml_commons.allow_registering_model_via_url", true);
        ml.put("plugins.ml_commons.only_run_on_ml_node", false);
        ml.put("plugins.ml_commons.native_memory_threshold", 100);
        ml.put("plugins.ml_commons.jvm_heap_memory_threshold", 100);
        ml.put("plugins.ml_commons.trusted_url_regex", "^http://127\\.0\\.0\\.1.*$");
        ml.put("plugins.ml_commons.model_access_control_enabled", false);
        ml.put("plugins.ml_commons.model_auto_redeploy.enable", true);
        rest.ok("PUT", "/_cluster/settings", Map.of("persistent", ml));
        register = Map.of(
            "name", "all-minilm-l6-v2-onnx",
            "version", "1.0.0",
            "model_format", "ONNX",
            "function_name", "TEXT_EMBEDDING",
            "model_content_size_in_bytes", bytes.length,
            "model_content_hash_value", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
            "model_config", Map.of("model_type", "bert", "embedding_dimension", 384, "framework_type", "sentence_transformers",
                "pooling_mode", "mean", "normalize_result", true),
            "url", "http://127.0.0.1:" + server.getAddress().getPort() + "/model.zip"
        );
        Files.delete(zip);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Polls an ml-commons task until it completes; its model id. */
    static String await(JsonNode started) throws InterruptedException {
        String task = started.get("task_id").asText();
        for (int i = 0; i < 600; i++) {
            JsonNode t = rest.ok("GET", "/_plugins/_ml/tasks/" + task, null);
            String state = t.get("state").asText();
            if ("COMPLETED".equals(state)) {
                return t.get("model_id").asText();
            }
            assertFalse(state.startsWith("FAILED") || "COMPLETED_WITH_ERROR".equals(state), "ml-commons task failed: " + t);
            Thread.sleep(500);
        }
        throw new AssertionError("ml-commons task " + task + " did not complete");
    }

    static String registerModel() throws InterruptedException {
        return await(rest.ok("POST", "/_plugins/_ml/models/_register", register));
    }

    static void deploy(String model) throws InterruptedException {
        await(rest.ok("POST", "/_plugins/_ml/models/" + model + "/_deploy", null));
    }

    static float[][] mlVectors(String model) {
        JsonNode r = rest.ok("POST", "/_plugins/_ml/_predict/text_embedding/" + model, Map.of("text_docs", TEXTS));
        float[][] v = new float[TEXTS.size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = Rest.vector(r.get("inference_results").get(i).get("output").get(0).get("data"));
        }
        return v;
    }

    static float[][] ourVectors() {
        JsonNode r = rest.ok("POST", "/_plugins/_interest/_embed", Map.of("texts", TEXTS));
        float[][] v = new float[TEXTS.size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = Rest.vector(r.get("vectors").get(i));
        }
        return v;
    }

    static void assertSameVectors(float[][] ml, float[][] ours) {
        for (int i = 0; i < ml.length; i++) {
            assertEquals(384, ml[i].length);
            double cos = Rest.cosine(ml[i], ours[i]);
            assertTrue(cos >= 0.9999, "text " + i + ": cos " + cos);
        }
    }

    static void restart() throws Exception {
        Process p = new ProcessBuilder("bash", ROOT.resolve("integ-tests/clusters.sh").toString(), "restart-full")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, "restart failed");
    }

    @Test
    void bothPluginsWorkWhicheverLoadsOnnxRuntimeFirstAndAfterARestartWithAutoRedeploy() throws Exception {
        // 1. ml-commons first: nothing of this plugin has loaded ONNX Runtime on the fresh node
        String model = registerModel();
        deploy(model);
        float[][] ml = mlVectors(model);
        assertSameVectors(ml, ourVectors());

        // 2. this plugin first: restart with the model undeployed (no auto-redeploy), embed, then ml-commons deploys
        rest.ok("POST", "/_plugins/_ml/models/" + model + "/_undeploy", null);
        restart();
        float[][] ours = ourVectors();
        deploy(model);
        assertSameVectors(mlVectors(model), ours);
        pipelineAndTextKnn("full-items-2");

        // 3. restart with the model deployed: ml-commons redeploys it by itself while our pipeline ingests
        restart();
        pipelineAndTextKnn("full-items-3");
        float[][] redeployed = null;
        for (int i = 0; i < 240 && redeployed == null; i++) {
            Rest.Response r = rest.call("POST", "/_plugins/_ml/_predict/text_embedding/" + model, Map.of("text_docs", TEXTS));
            if (r.status() == 200) {
                redeployed = mlVectors(model);
            } else {
                pipelineAndTextKnn("full-items-3"); // keep ingesting while ml-commons redeploys
                Thread.sleep(500);
            }
        }
        assertTrue(redeployed != null, "ml-commons did not redeploy its model after the restart");
        assertSameVectors(redeployed, ourVectors());
    }

    /** This plugin's pipeline, bulk ingest and text_knn on the node. */
    static void pipelineAndTextKnn(String index) {
        rest.ok("PUT", "/_ingest/pipeline/" + index, Fixtures.titlePipeline());
        if (rest.call("HEAD", "/" + index, null).status() == 404) {
            rest.ok("PUT", "/" + index, Fixtures.itemIndex(index, 1, 0));
        }
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            String title = i % 2 == 0 ? "espresso machine number " + i : "hiking boots model " + i;
            bulk.append("{\"index\":{\"_index\":\"").append(index).append("\"}}\n{\"title\":\"").append(title).append("\"}\n");
        }
        JsonNode r = rest.ok("POST", "/_bulk?refresh=true", bulk.toString());
        assertFalse(r.get("errors").asBoolean(), r.toString());
        JsonNode hits = rest.ok("POST", "/" + index + "/_search", Map.of("size", 1, "query",
            Map.of("text_knn", Map.of("field", "title_vector", "query_text", "coffee maker", "k", 10))));
        assertTrue(hits.get("hits").get("hits").get(0).get("_source").get("title").asText().startsWith("espresso"), hits.toString());
    }
}
