package io.interestranking.opensearch.action.stats;

import io.interestranking.opensearch.common.WireFormat;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.opensearch.action.support.nodes.BaseNodeResponse;
import org.opensearch.cluster.node.DiscoveryNode;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

public final class NodeStats extends BaseNodeResponse {

    private final Map<String, Object> stats;

    public NodeStats(DiscoveryNode node, Map<String, Object> stats) {
        super(node);
        this.stats = stats;
    }

    public NodeStats(StreamInput in) throws IOException {
        super(in);
        WireFormat.check(in, StatsAction.NAME);
        stats = in.readMap();
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        WireFormat.write(out);
        out.writeMap(stats);
    }

    public Map<String, Object> stats() {
        return stats;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NodeStats o && getNode().equals(o.getNode()) && Objects.equals(stats, o.stats);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getNode(), stats);
    }
}
