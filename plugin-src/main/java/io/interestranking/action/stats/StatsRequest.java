package io.interestranking.action.stats;

import java.io.IOException;
import org.opensearch.action.support.nodes.BaseNodesRequest;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.transport.TransportRequest;

public final class StatsRequest extends BaseNodesRequest<StatsRequest> {

    public StatsRequest(String... nodeIds) {
        super(nodeIds);
    }

    public StatsRequest(StreamInput in) throws IOException {
        super(in);
    }

    /** What one node is asked. */
    public static final class Node extends TransportRequest {
        public Node() {}

        public Node(StreamInput in) throws IOException {
            super(in);
        }
    }
}
