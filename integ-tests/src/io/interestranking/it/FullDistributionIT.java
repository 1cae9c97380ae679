package io.interestranking.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Next to ml-commons and neural-search on one node (the "full distribution" cluster, port 9265). Both plugins run
 * their own copy of ONNX Runtime: whichever loads it first, both keep working, and with the same ONNX file both
 * give the same vector of a text. ml-commons gets the all-MiniLM-L6-v2 file this plugin bundles, zipped and served
 * on loopback by this test.
 */
class FullDistributionIT {

    static final Rest rest = Rest.full();
    static final Path ROOT = Path.of(System.getProperty("tests.root.dir", "."));
    static final Path MODEL =
            Path.of(System.getProperty("tests.models.dir", "target/models")).resolve("all-minilm-l6-v2");
    static final List<String> TEXTS = List.of(
            "waterproof hiking boots",
            "a machine for making espresso at home",
            "Vitamin D supplementation reduces the risk of acute respiratory infections.");
    static MlCommons ml;

    @BeforeAll
    static void serveModelAndConfigureMlCommons() throws Exception {
        ml = new MlCommons(rest, MODEL);
    }

    @AfterAll
    static void stopServer() {
        if (ml != null) {
            ml.close();
        }
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
        Process p = new ProcessBuilder(
                        "bash", ROOT.resolve("integ-tests/clusters.sh").toString(), "restart-full")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, "restart failed");
    }

    @Test
    void bothPluginsWorkWhicheverLoadsOnnxRuntimeFirstAndAfterARestartWithAutoRedeploy() throws Exception {
        // 1. ml-commons first: nothing of this plugin has loaded ONNX Runtime on the fresh node
        String model = ml.registerModel();
        ml.deploy(model);
        float[][] first = ml.predict(model, TEXTS);
        assertSameVectors(first, ourVectors());

        // 2. this plugin first: restart with the model undeployed (no auto-redeploy), embed, then ml-commons deploys
        ml.undeploy(model);
        restart();
        float[][] ours = ourVectors();
        ml.deploy(model);
        assertSameVectors(ml.predict(model, TEXTS), ours);
        pipelineAndTextKnn("full-items-2");

        // 3. restart with the model deployed: ml-commons redeploys it by itself while our pipeline ingests
        restart();
        pipelineAndTextKnn("full-items-3");
        float[][] redeployed = null;
        for (int i = 0; i < 240 && redeployed == null; i++) {
            Rest.Response r =
                    rest.call("POST", "/_plugins/_ml/_predict/text_embedding/" + model, Map.of("text_docs", TEXTS));
            if (r.status() == 200) {
                redeployed = ml.predict(model, TEXTS);
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
            bulk.append("{\"index\":{\"_index\":\"")
                    .append(index)
                    .append("\"}}\n{\"title\":\"")
                    .append(title)
                    .append("\"}\n");
        }
        JsonNode r = rest.ok("POST", "/_bulk?refresh=true", bulk.toString());
        assertFalse(r.get("errors").asBoolean(), r.toString());
        JsonNode hits = rest.ok(
                "POST",
                "/" + index + "/_search",
                Map.of(
                        "size",
                        1,
                        "query",
                        Map.of("text_knn", Map.of("field", "title_vector", "query_text", "coffee maker", "k", 10))));
        assertTrue(
                hits.get("hits")
                        .get("hits")
                        .get(0)
                        .get("_source")
                        .get("title")
                        .asText()
                        .startsWith("espresso"),
                hits.toString());
    }
}
