package io.interestranking.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * ml-commons driven offline, as an operator of the official distribution would (tests and the side-by-side bench):
 * the all-MiniLM-L6-v2 ONNX file this plugin bundles, zipped with its tokenizer and served on loopback, registered
 * as an ONNX text-embedding model and deployed on the node.
 */
public final class MlCommons implements Closeable {

    private final Rest rest;
    private final HttpServer server;
    private final Map<String, Object> register;

    /** Configures ml-commons on the node and serves the model folder's files as a zip. */
    public MlCommons(Rest rest, Path modelDir) throws IOException {
        this.rest = rest;
        byte[] zip = zip(modelDir);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/model.zip", exchange -> {
            exchange.sendResponseHeaders(200, zip.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(zip);
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
                "name",
                "all-minilm-l6-v2-onnx",
                "version",
                "1.0.0",
                "model_format",
                "ONNX",
                "function_name",
                "TEXT_EMBEDDING",
                "model_content_size_in_bytes",
                zip.length,
                "model_content_hash_value",
                sha256(zip),
                "model_config",
                Map.of(
                        "model_type",
                        "bert",
                        "embedding_dimension",
                        384,
                        "framework_type",
                        "sentence_transformers",
                        "pooling_mode",
                        "mean",
                        "normalize_result",
                        true),
                "url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/model.zip");
    }

    private static byte[] zip(Path modelDir) throws IOException {
        Path zip = Files.createTempFile("minilm-onnx", ".zip");
        try {
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                for (String[] entry :
                        new String[][] {{"model.onnx", "all-minilm-l6-v2.onnx"}, {"tokenizer.json", "tokenizer.json"}
                        }) {
                    out.putNextEntry(new ZipEntry(entry[1]));
                    Files.copy(modelDir.resolve(entry[0]), out);
                    out.closeEntry();
                }
            }
            return Files.readAllBytes(zip);
        } finally {
            Files.delete(zip);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls an ml-commons task until it completes; its model id. */
    public String await(JsonNode started) throws InterruptedException {
        String task = started.get("task_id").asText();
        for (int i = 0; i < 600; i++) {
            JsonNode t = rest.ok("GET", "/_plugins/_ml/tasks/" + task, null);
            String state = t.get("state").asText();
            if ("COMPLETED".equals(state)) {
                return t.get("model_id").asText();
            }
            if (state.startsWith("FAILED") || "COMPLETED_WITH_ERROR".equals(state)) {
                throw new AssertionError("ml-commons task failed: " + t);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("ml-commons task " + task + " did not complete");
    }

    public String registerModel() throws InterruptedException {
        return await(rest.ok("POST", "/_plugins/_ml/models/_register", register));
    }

    public void deploy(String model) throws InterruptedException {
        await(rest.ok("POST", "/_plugins/_ml/models/" + model + "/_deploy", null));
    }

    public void undeploy(String model) {
        rest.ok("POST", "/_plugins/_ml/models/" + model + "/_undeploy", null);
    }

    /** ml-commons' vectors of the texts. */
    public float[][] predict(String model, List<String> texts) {
        JsonNode r = rest.ok("POST", "/_plugins/_ml/_predict/text_embedding/" + model, Map.of("text_docs", texts));
        float[][] v = new float[texts.size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = Rest.vector(
                    r.get("inference_results").get(i).get("output").get(0).get("data"));
        }
        return v;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
