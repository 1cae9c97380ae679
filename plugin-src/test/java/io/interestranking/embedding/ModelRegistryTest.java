package io.interestranking.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

    private static Path model(Path root, String name, String json, boolean withFiles) throws Exception {
        Path dir = Files.createDirectories(root.resolve(name));
        if (json != null) {
            Files.writeString(dir.resolve("model.json"), json);
        }
        if (withFiles) {
            Files.writeString(dir.resolve("model.onnx"), "x");
            Files.writeString(dir.resolve("tokenizer.json"), "{}");
        }
        return dir;
    }

    @Test
    void readsGoodFoldersAndExplainsBadOnesByFile(@TempDir Path root) throws Exception {
        model(
                root,
                "good",
                "{\"dimension\": 8, \"pooling\": \"cls\", \"max_length\": 64, \"query_prefix\": \"q: \"}",
                true);
        model(root, "nojson", null, true);
        model(root, "typo", "{\"dimension\": 8, \"dimensions\": 8}", true);
        model(root, "noonnx", "{\"dimension\": 8}", false);

        ModelRegistry registry = new ModelRegistry(List.of(root));

        ModelSpec good = registry.get("good").spec();
        assertEquals(8, good.dimension());
        assertEquals(ModelSpec.Pooling.CLS, good.pooling());
        assertEquals(64, good.maxLength());
        assertEquals("q: ", good.prefix(TextKind.QUERY));
        assertEquals("", good.prefix(TextKind.PASSAGE));

        String noJson = assertThrows(IllegalArgumentException.class, () -> registry.get("nojson"))
                .getMessage();
        assertTrue(noJson.contains("nojson" + java.io.File.separator + "model.json"), noJson);
        String typo = assertThrows(IllegalArgumentException.class, () -> registry.get("typo"))
                .getMessage();
        assertTrue(typo.contains("model.json") && typo.contains("dimensions"), typo);
        String noOnnx = assertThrows(IllegalArgumentException.class, () -> registry.get("noonnx"))
                .getMessage();
        assertTrue(noOnnx.contains("model.onnx"), noOnnx);
        String unknown = assertThrows(IllegalArgumentException.class, () -> registry.get("nope"))
                .getMessage();
        assertTrue(unknown.contains("unknown model [nope]") && unknown.contains("good"), unknown);
    }

    @Test
    void laterRootOverridesEarlierAndMissingRootIsIgnored(@TempDir Path tmp) throws Exception {
        Path bundled = tmp.resolve("bundled");
        Path operator = tmp.resolve("operator");
        model(bundled, "m", "{\"dimension\": 8}", true);
        model(operator, "m", "{\"dimension\": 16}", true);
        ModelRegistry registry = new ModelRegistry(List.of(bundled, operator, tmp.resolve("absent")));
        assertEquals(16, registry.get("m").spec().dimension());
    }
}
