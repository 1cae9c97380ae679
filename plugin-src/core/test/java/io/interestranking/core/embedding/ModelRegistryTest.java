package io.interestranking.core.embedding;

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

    @Test
    void aDimensionNamesTheModelOfItsOneSpaceAndNeverGuessesBetweenTwo(@TempDir Path root) throws Exception {
        model(root, "a", "{\"dimension\": 8}", true);
        model(root, "a-0-int8", "{\"dimension\": 8, \"space\": \"a\"}", true); // first by name, same space
        model(root, "b", "{\"dimension\": 16}", true);
        model(root, "c", "{\"dimension\": 16}", true);
        model(root, "d", "{\"dimension\": 32}", true);
        ModelRegistry registry = new ModelRegistry(List.of(root));
        String where = "[q] field [f] of [i] has ";

        assertEquals(
                "a-0-int8", registry.forDimension("a-0-int8", "d", 8, where + 8).name()); // named, fits
        assertEquals("d", registry.forDimension(null, "d", 32, where + 32).name()); // the default fits
        assertEquals("a", registry.forDimension(null, "d", 8, where + 8).name()); // the model named like its space
        assertEquals("d", registry.forDimension(null, "a", 32, where + 32).name()); // the one space of 32

        assertEquals(
                "[q] field [f] of [i] has 32, the space of model [a] has 8",
                assertThrows(IllegalArgumentException.class, () -> registry.forDimension("a", "d", 32, where + 32))
                        .getMessage());
        assertEquals(
                "[q] field [f] of [i] has 16, the default model [a] has 8 and several spaces have 16 [b, c]: name the"
                        + " field's model with [model]",
                assertThrows(IllegalArgumentException.class, () -> registry.forDimension(null, "a", 16, where + 16))
                        .getMessage());
        assertEquals(
                "[q] field [f] of [i] has 64, the default model [a] has 8 and no model this node knows has 64: name"
                        + " the field's model with [model]",
                assertThrows(IllegalArgumentException.class, () -> registry.forDimension(null, "a", 64, where + 64))
                        .getMessage());
    }
}
