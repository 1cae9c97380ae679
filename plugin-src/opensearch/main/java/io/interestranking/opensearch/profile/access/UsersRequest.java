package io.interestranking.opensearch.profile.access;

import io.interestranking.opensearch.common.WireFormat;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

/**
 * Read, declare (cold start from texts) or forget one user's profile. Its XContent form describes the request as a
 * whole ({@code op}, {@code user_id}, {@code include_vectors}, {@code interests}, {@code model}); over REST these
 * arrive as the method, the path, parameters and the PUT body.
 */
public final class UsersRequest extends ActionRequest implements ToXContentObject {

    public enum Op {
        GET,
        PUT,
        DELETE
    }

    private final Op op;
    private final String userId;
    private final boolean includeVectors;
    private final List<String> texts;
    /** The model whose space the profile is in; null: the default model. */
    private final String model;

    public UsersRequest(Op op, String userId, boolean includeVectors, List<String> texts, String model) {
        this.op = op;
        this.userId = userId;
        this.includeVectors = includeVectors;
        this.texts = texts;
        this.model = model;
    }

    public UsersRequest(StreamInput in) throws IOException {
        super(in);
        WireFormat.check(in, "users request");
        op = in.readEnum(Op.class);
        userId = in.readString();
        includeVectors = in.readBoolean();
        texts = in.readStringList();
        model = in.readOptionalString();
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        WireFormat.write(out);
        out.writeEnum(op);
        out.writeString(userId);
        out.writeBoolean(includeVectors);
        out.writeStringCollection(texts);
        out.writeOptionalString(model);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject()
                .field("op", op.name().toLowerCase(Locale.ROOT))
                .field("user_id", userId)
                .field("include_vectors", includeVectors)
                .field("interests", texts);
        if (model != null) {
            builder.field("model", model);
        }
        return builder.endObject();
    }

    public static UsersRequest fromXContent(XContentParser parser) throws IOException {
        return fromMap(parser.map());
    }

    @SuppressWarnings("unchecked")
    static UsersRequest fromMap(Map<String, Object> m) {
        return new UsersRequest(
                Op.valueOf(((String) m.get("op")).toUpperCase(Locale.ROOT)),
                (String) m.get("user_id"),
                (Boolean) m.get("include_vectors"),
                (List<String>) m.get("interests"),
                (String) m.get("model"));
    }

    @Override
    public ActionRequestValidationException validate() {
        return null;
    }

    public Op op() {
        return op;
    }

    public String userId() {
        return userId;
    }

    public boolean includeVectors() {
        return includeVectors;
    }

    public List<String> texts() {
        return texts;
    }

    public String model() {
        return model;
    }

    /** The model the request names, or {@code defaultModel}. */
    public String modelOr(String defaultModel) {
        return model != null ? model : defaultModel;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UsersRequest o
                && Objects.equals(op, o.op)
                && Objects.equals(userId, o.userId)
                && Objects.equals(includeVectors, o.includeVectors)
                && Objects.equals(texts, o.texts)
                && Objects.equals(model, o.model);
    }

    @Override
    public int hashCode() {
        return Objects.hash(op, userId, includeVectors, texts, model);
    }
}
