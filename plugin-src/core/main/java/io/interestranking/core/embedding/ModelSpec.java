package io.interestranking.core.embedding;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/** What {@code model.json} says about a model folder. */
public final class ModelSpec {

    public static final String MODEL_JSON = "model.json";
    public static final String MODEL_FILE = "model.onnx";
    public static final String TOKENIZER_FILE = "tokenizer.json";

    public enum Pooling {
        MEAN,
        CLS
    }

    /** Each field of {@code model.json} and what it sets; any other field is refused. */
    private static final Map<String, BiConsumer<ModelSpec, JsonPrimitive>> FIELDS = Map.ofEntries(
            Map.entry("name", (s, v) -> s.name = string(v, "name")),
            Map.entry("description", (s, v) -> s.description = string(v, "description")),
            Map.entry("dimension", (s, v) -> s.dimension = integer(v, "dimension")),
            Map.entry("pooling", (s, v) -> s.pooling = parsePooling(string(v, "pooling"))),
            Map.entry("normalize", (s, v) -> s.normalize = bool(v, "normalize")),
            Map.entry("max_length", (s, v) -> s.maxLength = integer(v, "max_length")),
            Map.entry("query_prefix", (s, v) -> s.queryPrefix = string(v, "query_prefix")),
            Map.entry("passage_prefix", (s, v) -> s.passagePrefix = string(v, "passage_prefix")),
            Map.entry("output", (s, v) -> s.output = string(v, "output")),
            Map.entry("space", (s, v) -> s.space = string(v, "space")),
            Map.entry("max_batch_texts", (s, v) -> s.maxBatchTexts = integer(v, "max_batch_texts")));

    private String name;
    private String description = "";
    private int dimension = -1;
    private Pooling pooling = Pooling.MEAN;
    private boolean normalize = true;
    private int maxLength = 256;
    private String queryPrefix = "";
    private String passagePrefix = "";
    private String output;
    /** The embedding space the vectors live in: the name of the model they are comparable with (default: its own). */
    private String space;
    /**
     * Texts per model call. 1 for a dynamically quantized model: it scales activations per call, so a text's vector
     * would depend on what else is in its batch; alone, it is always the same.
     */
    private int maxBatchTexts = Integer.MAX_VALUE;

    private ModelSpec() {}

    /** Reads and validates {@code <dir>/model.json}; the exception message names the file and the problem. */
    public static ModelSpec read(Path dir) throws IOException {
        Path json = dir.resolve(MODEL_JSON);
        if (Files.isRegularFile(json) == false) {
            throw new IOException("missing file [" + json + "]");
        }
        ModelSpec spec = new ModelSpec();
        try (InputStream in = Files.newInputStream(json)) {
            JsonElement root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            if (root.isJsonObject() == false) {
                throw new IllegalArgumentException("expected an object");
            }
            for (Map.Entry<String, JsonElement> field : ((JsonObject) root).entrySet()) {
                BiConsumer<ModelSpec, JsonPrimitive> setter = FIELDS.get(field.getKey());
                if (setter == null) {
                    throw new IllegalArgumentException("unknown field [" + field.getKey() + "]");
                }
                if (field.getValue().isJsonPrimitive() == false) {
                    throw new IllegalArgumentException("[" + field.getKey() + "] must be a string, number or boolean");
                }
                setter.accept(spec, field.getValue().getAsJsonPrimitive());
            }
        } catch (RuntimeException e) {
            throw new IOException("invalid [" + json + "]: " + e.getMessage(), e);
        }
        String folder = dir.getFileName().toString();
        if (spec.name == null) {
            spec.name = folder;
        } else if (spec.name.equals(folder) == false) {
            throw new IOException(
                    "invalid [" + json + "]: name [" + spec.name + "] differs from its folder [" + folder + "]");
        }
        if (spec.maxBatchTexts < 1) {
            throw new IOException("invalid [" + json + "]: [max_batch_texts] must be at least 1");
        }
        if (spec.space == null) {
            spec.space = spec.name;
        }
        if (spec.dimension < 1 || spec.dimension > 16_000) {
            throw new IOException("invalid [" + json + "]: [dimension] must be between 1 and 16000");
        }
        if (spec.maxLength < 8 || spec.maxLength > 8192) {
            throw new IOException("invalid [" + json + "]: [max_length] must be between 8 and 8192");
        }
        for (String file : new String[] {MODEL_FILE, TOKENIZER_FILE}) {
            if (Files.isRegularFile(dir.resolve(file)) == false) {
                throw new IOException("missing file [" + dir.resolve(file) + "]");
            }
        }
        return spec;
    }

    private static String string(JsonPrimitive v, String field) {
        if (v.isString() == false) {
            throw new IllegalArgumentException("[" + field + "] must be a string, got [" + v + "]");
        }
        return v.getAsString();
    }

    private static int integer(JsonPrimitive v, String field) {
        try {
            return v.getAsBigDecimal().intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("[" + field + "] must be an integer, got [" + v + "]");
        }
    }

    private static boolean bool(JsonPrimitive v, String field) {
        if (v.isBoolean() == false) {
            throw new IllegalArgumentException("[" + field + "] must be true or false, got [" + v + "]");
        }
        return v.getAsBoolean();
    }

    private static Pooling parsePooling(String value) {
        try {
            return Pooling.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("[pooling] must be [mean] or [cls], got [" + value + "]");
        }
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public int dimension() {
        return dimension;
    }

    public String space() {
        return space;
    }

    public int maxBatchTexts() {
        return maxBatchTexts;
    }

    public Pooling pooling() {
        return pooling;
    }

    public boolean normalize() {
        return normalize;
    }

    public int maxLength() {
        return maxLength;
    }

    public String prefix(TextKind kind) {
        return kind == TextKind.QUERY ? queryPrefix : passagePrefix;
    }

    /** Name of the ONNX output to read, or null for the first output. */
    public String output() {
        return output;
    }
}
