package io.interestranking.opensearch.action.models;

import io.interestranking.core.profile.ParsedValues;
import io.interestranking.opensearch.common.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

/** Every model of a node: its spec, whether it is loaded and what loading it cost; unusable folders with why. */
public final class ModelsResponse extends ActionResponse implements ToXContentObject {

    /** One model as the response shows it. */
    public record Model(
            String name,
            String description,
            String space,
            int dimension,
            String pooling,
            boolean normalize,
            int maxLength,
            String queryPrefix,
            String passagePrefix,
            boolean loaded,
            long nativeMemoryBytes)
            implements Writeable {

        Model(StreamInput in) throws IOException {
            this(
                    in.readString(),
                    in.readString(),
                    in.readString(),
                    in.readVInt(),
                    in.readString(),
                    in.readBoolean(),
                    in.readVInt(),
                    in.readString(),
                    in.readString(),
                    in.readBoolean(),
                    in.readLong());
        }

        @Override
        public void writeTo(StreamOutput out) throws IOException {
            out.writeString(name);
            out.writeString(description);
            out.writeString(space);
            out.writeVInt(dimension);
            out.writeString(pooling);
            out.writeBoolean(normalize);
            out.writeVInt(maxLength);
            out.writeString(queryPrefix);
            out.writeString(passagePrefix);
            out.writeBoolean(loaded);
            out.writeLong(nativeMemoryBytes);
        }
    }

    private final String node;
    private final List<Model> models;
    private final Map<String, String> unavailable;

    public ModelsResponse(String node, List<Model> models, Map<String, String> unavailable) {
        this.node = node;
        this.models = models;
        this.unavailable = unavailable;
    }

    public ModelsResponse(StreamInput in) throws IOException {
        super(in);
        WireFormat.check(in, ModelsAction.NAME);
        node = in.readString();
        models = in.readList(Model::new);
        unavailable = in.readMap(StreamInput::readString, StreamInput::readString);
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        WireFormat.write(out);
        out.writeString(node);
        out.writeList(models);
        out.writeMap(unavailable, StreamOutput::writeString, StreamOutput::writeString);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject().field("node", node).startArray("models");
        for (Model m : models) {
            builder.startObject()
                    .field("name", m.name())
                    .field("description", m.description())
                    .field("space", m.space())
                    .field("dimension", m.dimension())
                    .field("pooling", m.pooling())
                    .field("normalize", m.normalize())
                    .field("max_length", m.maxLength())
                    .field("query_prefix", m.queryPrefix())
                    .field("passage_prefix", m.passagePrefix())
                    .field("loaded", m.loaded());
            if (m.loaded() && m.nativeMemoryBytes() >= 0) {
                builder.field("native_memory_in_bytes", m.nativeMemoryBytes());
            }
            builder.endObject();
        }
        builder.endArray();
        if (unavailable.isEmpty() == false) {
            builder.field("unavailable", unavailable);
        }
        return builder.endObject();
    }

    /** Reads what {@link #toXContent} writes; a model shown without its native memory has -1. */
    @SuppressWarnings("unchecked")
    public static ModelsResponse fromXContent(XContentParser parser) throws IOException {
        Map<String, Object> m = parser.map();
        List<Model> models = new ArrayList<>();
        for (Object o : (List<Object>) m.get("models")) {
            Map<String, Object> model = (Map<String, Object>) o;
            models.add(new Model(
                    (String) model.get("name"),
                    (String) model.get("description"),
                    (String) model.get("space"),
                    ParsedValues.intValue(model, "dimension"),
                    (String) model.get("pooling"),
                    (Boolean) model.get("normalize"),
                    ParsedValues.intValue(model, "max_length"),
                    (String) model.get("query_prefix"),
                    (String) model.get("passage_prefix"),
                    (Boolean) model.get("loaded"),
                    model.containsKey("native_memory_in_bytes")
                            ? ParsedValues.longValue(model, "native_memory_in_bytes")
                            : -1));
        }
        Map<String, String> unavailable = (Map<String, String>) m.getOrDefault("unavailable", Map.of());
        return new ModelsResponse((String) m.get("node"), models, unavailable);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelsResponse o
                && Objects.equals(node, o.node)
                && Objects.equals(models, o.models)
                && Objects.equals(unavailable, o.unavailable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(node, models, unavailable);
    }
}
