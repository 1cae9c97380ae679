package io.interestranking.opensearch.events;

import io.interestranking.opensearch.common.WireFormat;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

/** One vector per requested id, in order; null where the shard's searcher has no such live document or no vector. */
public final class ShardVectorsResponse extends ActionResponse {

    private final float[][] vectors;

    public ShardVectorsResponse(float[][] vectors) {
        this.vectors = vectors;
    }

    public ShardVectorsResponse(StreamInput in) throws IOException {
        super(in);
        WireFormat.check(in, ShardVectorsAction.NAME);
        vectors = new float[in.readVInt()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = in.readBoolean() ? in.readFloatArray() : null;
        }
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        WireFormat.write(out);
        out.writeVInt(vectors.length);
        for (float[] v : vectors) {
            out.writeBoolean(v != null);
            if (v != null) {
                out.writeFloatArray(v);
            }
        }
    }

    public float[][] vectors() {
        return vectors;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShardVectorsResponse o && Arrays.deepEquals(vectors, o.vectors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.deepHashCode(vectors));
    }
}
