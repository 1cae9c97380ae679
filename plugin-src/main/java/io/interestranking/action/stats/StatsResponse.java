package io.interestranking.action.stats;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.opensearch.action.FailedNodeException;
import org.opensearch.action.support.nodes.BaseNodesResponse;
import org.opensearch.cluster.ClusterName;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

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
