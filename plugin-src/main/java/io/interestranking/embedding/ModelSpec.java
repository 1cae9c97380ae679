package io.interestranking.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.ParseField;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.ObjectParser;
import org.opensearch.core.xcontent.XContentParser;

/** What {@code model.json} says about a model folder. */
public final class ModelSpec {

    public static final String MODEL_JSON = "model.json";
    public static final String MODEL_FILE = "model.onnx";
    public static final String TOKENIZER_FILE = "tokenizer.json";

    public enum Pooling {
        MEAN,
        CLS
    }

    private static final ObjectParser<ModelSpec, Void> PARSER = new ObjectParser<>("model.json", ModelSpec::new);

    static {
        PARSER.declareString((s, v) -> s.name = v, new ParseField("name"));
        PARSER.declareString((s, v) -> s.description = v, new ParseField("description"));
        PARSER.declareInt((s, v) -> s.dimension = v, new ParseField("dimension"));
        PARSER.declareString((s, v) -> s.pooling = parsePooling(v), new ParseField("pooling"));
        PARSER.declareBoolean((s, v) -> s.normalize = v, new ParseField("normalize"));
        PARSER.declareInt((s, v) -> s.maxLength = v, new ParseField("max_length"));
        PARSER.declareString((s, v) -> s.queryPrefix = v, new ParseField("query_prefix"));
        PARSER.declareString((s, v) -> s.passagePrefix = v, new ParseField("passage_prefix"));
        PARSER.declareString((s, v) -> s.output = v, new ParseField("output"));
        PARSER.declareString((s, v) -> s.space = v, new ParseField("space"));
        PARSER.declareInt((s, v) -> s.maxBatchTexts = v, new ParseField("max_batch_texts"));
    }

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
        ModelSpec spec;
        try (InputStream in = Files.newInputStream(json);
                XContentParser parser = JsonXContent.jsonXContent.createParser(
                        NamedXContentRegistry.EMPTY, DeprecationHandler.THROW_UNSUPPORTED_OPERATION, in)) {
            spec = PARSER.parse(parser, null);
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
