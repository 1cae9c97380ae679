package io.interestranking.opensearch.action.stats;

import io.interestranking.core.profile.ParsedValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opensearch.action.FailedNodeException;
import org.opensearch.action.support.nodes.BaseNodesResponse;
import org.opensearch.cluster.ClusterName;
import org.opensearch.cluster.node.DiscoveryNode;
import org.opensearch.cluster.node.DiscoveryNodeRole;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.transport.TransportAddress;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

/** {@code {"cluster_name", "nodes": {"<node id>": {"name", ...counters}}}}. */
public final class StatsResponse extends BaseNodesResponse<NodeStats> implements ToXContentObject {

    public StatsResponse(StreamInput in) throws IOException {
        super(in);
    }

    public StatsResponse(ClusterName clusterName, List<NodeStats> nodes, List<FailedNodeException> failures) {
        super(clusterName, nodes, failures);
    }

    @Override
    protected List<NodeStats> readNodesFrom(StreamInput in) throws IOException {
        return in.readList(NodeStats::new);
    }

    @Override
    protected void writeNodesTo(StreamOutput out, List<NodeStats> nodes) throws IOException {
        out.writeList(nodes);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject();
        builder.field("cluster_name", getClusterName().value());
        builder.startObject("nodes");
        for (NodeStats node : getNodes()) {
            builder.startObject(node.getNode().getId());
            builder.field("name", node.getNode().getName());
            builder.mapContents(node.stats());
            builder.endObject();
        }
        builder.endObject();
        if (failures().isEmpty() == false) {
            builder.field("failed_nodes", failures().size());
        }
        return builder.endObject();
    }

    /**
     * Reads what {@link #toXContent} writes: each node as its id and name (the view shows no address: a node read
     * back has the loopback address and its id as ephemeral id), counters with whole numbers as longs and others as
     * doubles, and as many placeholder failures as failed nodes.
     */
    public static StatsResponse fromXContent(XContentParser parser) throws IOException {
        Map<String, Object> m = parser.mapOrdered(); // nodes in the order shown
        List<NodeStats> nodes = new ArrayList<>();
        ParsedValues.map(m, "nodes").forEach((id, o) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> stats = ParsedValues.widened((Map<String, ?>) o);
            String name = (String) stats.remove("name");
            DiscoveryNode node = new DiscoveryNode(
                    name,
                    id,
                    id,
                    "",
                    "",
                    new TransportAddress(TransportAddress.META_ADDRESS, 0),
                    Map.of(),
                    DiscoveryNodeRole.BUILT_IN_ROLES,
                    org.opensearch.Version.CURRENT);
            nodes.add(new NodeStats(node, stats));
        });
        List<FailedNodeException> failures = new ArrayList<>();
        int failed = m.containsKey("failed_nodes") ? ParsedValues.intValue(m, "failed_nodes") : 0;
        for (int i = 0; i < failed; i++) {
            failures.add(new FailedNodeException(null, "failed node", null));
        }
        return new StatsResponse(new ClusterName((String) m.get("cluster_name")), nodes, failures);
    }

    /** By cluster, nodes and the number of failed nodes (the failures' exceptions do not compare by content). */
    @Override
    public boolean equals(Object other) {
        return other instanceof StatsResponse o
                && getClusterName().equals(o.getClusterName())
                && getNodes().equals(o.getNodes())
                && failures().size() == o.failures().size();
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClusterName(), getNodes(), failures().size());
    }
}
