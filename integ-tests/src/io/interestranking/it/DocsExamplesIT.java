package io.interestranking.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every {@code bash} example of docs/ and the README against the single-node test cluster, in reading order,
 * on the demo catalog: an example that fails or answers an error makes the build fail, so the docs cannot rot.
 */
class DocsExamplesIT {

    static final Rest rest = Rest.single();
    static final Path ROOT = Path.of(System.getProperty("tests.root.dir", "."));
    static final String URL = System.getProperty("tests.cluster.single", "http://127.0.0.1:9250");
    static final List<String> PAGES = List.of(
            "docs/ingest.md",
            "docs/embed.md",
            "docs/profiles.md",
            "docs/ranking.md",
            "docs/settings.md",
            "docs/models.md",
            "docs/operating.md",
            "README.md");
    static final Pattern BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    @BeforeAll
    static void demoCatalog() throws Exception {
        rest.call("DELETE", "/articles", null);
        rest.call("DELETE", "/zh-items", null);
        Fixtures.demoCatalog(rest, ROOT);
    }

    @AfterAll
    static void resetSettings() {
        Map<String, Object> reset = new HashMap<>();
        reset.put("plugins.interest.embed.max_texts", null);
        for (String key : List.of(
                "index_shards",
                "inactive_ttl",
                "sweep_interval",
                "spawn_threshold",
                "merge_threshold",
                "cohesion",
                "recluster_every",
                "recluster_threshold")) {
            reset.put("plugins.interest.profile." + key, null);
        }
        rest.call("PUT", "/_cluster/settings", Map.of("persistent", reset));
        rest.call("DELETE", "/zh-items", null);
        for (String user : List.of("u42", "ana", "ben", "zh-u1")) {
            rest.call("DELETE", "/_plugins/_interest/users/" + user, null);
        }
        // the examples create an index with a replica, which a single node leaves yellow
        rest.call("DELETE", "/articles", null);
    }

    @Test
    void everyExampleRunsAndAnswersWithoutError() throws Exception {
        int examples = runExamples(PAGES, URL);
        assertTrue(examples >= 13, "only " + examples + " examples found");
        // after operating.md's split, the profile index is an alias of the split one: profiles still work through it
        JsonNode applied = rest.ok(
                "POST",
                "/_plugins/_interest/events",
                Map.of("events", List.of(Fixtures.statement("u42", null, "after the split"))));
        assertFalse(applied.get("errors").asBoolean(), applied.toString());
        assertEquals(
                200, rest.call("GET", "/_plugins/_interest/users/u42", null).status());
    }

    /** Runs every curl example of the pages against {@code url}, in reading order; the number run. */
    static int runExamples(List<String> pages, String url) throws Exception {
        int examples = 0;
        for (String page : pages) {
            String text = Files.readString(ROOT.resolve(page));
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                String script = m.group(1);
                if (script.contains("scripts/") || script.contains("curl") == false) {
                    continue; // the README's launcher commands are run by CI itself
                }
                examples++;
                String runnable = script.replace("http://localhost:9200", url)
                        .replace("http://127.0.0.1:9200", url)
                        .replace("localhost:9200", url);
                Process p = new ProcessBuilder("bash", "-e", "-c", runnable)
                        .redirectErrorStream(true)
                        .start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(2, TimeUnit.MINUTES), page + ": timed out:\n" + script);
                assertEquals(0, p.exitValue(), page + ": failed:\n" + script + "\n" + out);
                for (JsonNode response : responses(out)) {
                    assertFalse(response.has("error"), page + ": answered an error:\n" + script + "\n" + response);
                }
            }
        }
        return examples;
    }

    /** The JSON values a script printed, one after another. */
    static List<JsonNode> responses(String out) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        try (JsonParser parser = Rest.JSON.getFactory().createParser(out);
                MappingIterator<JsonNode> it = Rest.JSON.readValues(parser, JsonNode.class)) {
            while (it.hasNext()) {
                all.add(it.next());
            }
        }
        return all;
    }
}
