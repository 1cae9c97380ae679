package io.interestranking.opensearch.action.stats;

import io.interestranking.opensearch.common.WireFormat;
import java.io.IOException;
import java.util.Arrays;
import org.opensearch.action.support.nodes.BaseNodesRequest;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.transport.TransportRequest;

/** The nodes to ask (none: all). */
public final class StatsRequest extends BaseNodesRequest<StatsRequest> {

    public StatsRequest(String... nodeIds) {
        super(nodeIds);
    }

    public StatsRequest(StreamInput in) throws IOException {
        super(in);
        WireFormat.check(in, StatsAction.NAME);
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        WireFormat.write(out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StatsRequest o && Arrays.equals(nodesIds(), o.nodesIds());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nodesIds());
    }

    /** What one node is asked: nothing but the version. */
    public static final class Node extends TransportRequest {
        public Node() {}

        public Node(StreamInput in) throws IOException {
            super(in);
            WireFormat.check(in, StatsAction.NAME + "[n]");
        }

        @Override
        public void writeTo(StreamOutput out) throws IOException {
            super.writeTo(out);
            WireFormat.write(out);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Node;
        }

        @Override
        public int hashCode() {
            return Node.class.hashCode();
        }
    }
}
