package io.interestranking.opensearch.events;

import io.interestranking.opensearch.common.WireFormat;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.action.support.single.shard.SingleShardRequest;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

public final class ShardVectorsRequest extends SingleShardRequest<ShardVectorsRequest> {

    final int shard;
    final String field;
    final List<String> ids;

    public ShardVectorsRequest(String index, int shard, String field, List<String> ids) {
        super(index);
        this.shard = shard;
        this.field = field;
        this.ids = ids;
    }

    public ShardVectorsRequest(StreamInput in) throws IOException {
        super(in);
        WireFormat.check(in, ShardVectorsAction.NAME);
        shard = in.readVInt();
        field = in.readString();
        ids = in.readStringList();
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        WireFormat.write(out);
        out.writeVInt(shard);
        out.writeString(field);
        out.writeStringCollection(ids);
    }

    public List<String> ids() {
        return ids;
    }

    @Override
    public ActionRequestValidationException validate() {
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShardVectorsRequest o
                && Objects.equals(shard, o.shard)
                && Objects.equals(field, o.field)
                && Objects.equals(ids, o.ids);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shard, field, ids);
    }
}
