package io.interestranking.opensearch.action.embed;

import static org.opensearch.action.ValidateActions.addValidationError;

import io.interestranking.core.embedding.TextKind;
import io.interestranking.opensearch.common.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.core.ParseField;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ObjectParser;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

/** {@code {"texts": [...], "model": "...", "kind": "passage"|"query"}}. */
public final class EmbedRequest extends ActionRequest implements ToXContentObject {

    private static final ObjectParser<EmbedRequest, Void> PARSER = new ObjectParser<>("_embed", EmbedRequest::new);

    static {
        PARSER.declareStringArray((r, v) -> r.texts = v, new ParseField("texts"));
        PARSER.declareString((r, v) -> r.model = v, new ParseField("model"));
        PARSER.declareString((r, v) -> r.kind = parseKind(v), new ParseField("kind"));
    }

    private List<String> texts = new ArrayList<>();
    private String model;
    private TextKind kind = TextKind.PASSAGE;

    public EmbedRequest() {}

    public EmbedRequest(List<String> texts, String model, TextKind kind) {
        this.texts = texts;
        this.model = model;
        this.kind = kind;
    }

    public EmbedRequest(StreamInput in) throws IOException {
        super(in);
        WireFormat.check(in, EmbedAction.NAME);
        texts = in.readStringList();
        model = in.readOptionalString();
        kind = in.readEnum(TextKind.class);
    }

    public static EmbedRequest parse(XContentParser parser) throws IOException {
        return PARSER.parse(parser, null);
    }

    private static TextKind parseKind(String value) {
        try {
            return TextKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("[kind] must be [passage] or [query], got [" + value + "]");
        }
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        WireFormat.write(out);
        out.writeStringCollection(texts);
        out.writeOptionalString(model);
        out.writeEnum(kind);
    }

    /** The body {@link #parse} reads. */
    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject().field("texts", texts);
        if (model != null) {
            builder.field("model", model);
        }
        return builder.field("kind", kind.name().toLowerCase(Locale.ROOT)).endObject();
    }

    @Override
    public ActionRequestValidationException validate() {
        ActionRequestValidationException e = null;
        if (texts == null || texts.isEmpty()) {
            e = addValidationError("[texts] must hold at least one text", e);
        } else {
            for (int i = 0; i < texts.size(); i++) {
                if (texts.get(i) == null) {
                    e = addValidationError("[texts][" + i + "] must be a string", e);
                }
            }
        }
        return e;
    }

    public List<String> texts() {
        return texts;
    }

    public String model() {
        return model;
    }

    public TextKind kind() {
        return kind;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmbedRequest o
                && Objects.equals(texts, o.texts)
                && Objects.equals(model, o.model)
                && Objects.equals(kind, o.kind);
    }

    @Override
    public int hashCode() {
        return Objects.hash(texts, model, kind);
    }
}
