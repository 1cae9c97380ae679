package io.interestranking.opensearch.action.embed;

import io.interestranking.core.profile.ParsedValues;
import io.interestranking.opensearch.common.WireFormat;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

/** {@code {"model": ..., "dimension": ..., "vectors": [[...], ...]}}, one vector per input text, in order. */
public final class EmbedResponse extends ActionResponse implements ToXContentObject {

    private final String model;
    private final float[][] vectors;

    public EmbedResponse(String model, float[][] vectors) {
        this.model = model;
        this.vectors = vectors;
    }

    public EmbedResponse(StreamInput in) throws IOException {
        super(in);
        WireFormat.check(in, EmbedAction.NAME);
        model = in.readString();
        vectors = new float[in.readVInt()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = in.readFloatArray();
        }
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        WireFormat.write(out);
        out.writeString(model);
        out.writeVInt(vectors.length);
        for (float[] v : vectors) {
            out.writeFloatArray(v);
        }
    }

    public float[][] vectors() {
        return vectors;
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject();
        builder.field("model", model);
        builder.field("dimension", vectors.length == 0 ? 0 : vectors[0].length);
        builder.startArray("vectors");
        for (float[] v : vectors) {
            builder.startArray();
            for (float x : v) {
                builder.value(x);
            }
            builder.endArray();
        }
        builder.endArray();
        return builder.endObject();
    }

    /** Reads what {@link #toXContent} writes (the dimension follows from the vectors). */
    public static EmbedResponse fromXContent(XContentParser parser) throws IOException {
        Map<String, Object> m = parser.map();
        List<?> vectors = (List<?>) m.get("vectors");
        float[][] read = new float[vectors.size()][];
        for (int i = 0; i < read.length; i++) {
            read[i] = ParsedValues.floats((List<?>) vectors.get(i));
        }
        return new EmbedResponse((String) m.get("model"), read);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmbedResponse o
                && Objects.equals(model, o.model)
                && Arrays.deepEquals(vectors, o.vectors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, Arrays.deepHashCode(vectors));
    }
}
