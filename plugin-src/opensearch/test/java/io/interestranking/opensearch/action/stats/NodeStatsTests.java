package io.interestranking.opensearch.action.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opensearch.cluster.node.DiscoveryNode;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.test.AbstractWireSerializingTestCase;
import org.opensearch.test.OpenSearchTestCase;

public class NodeStatsTests extends AbstractWireSerializingTestCase<NodeStats> {

    @Override
    protected Writeable.Reader<NodeStats> instanceReader() {
        return NodeStats::new;
    }

    @Override
    protected NodeStats createTestInstance() {
        return randomNodeStats();
    }

    static NodeStats randomNodeStats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("events_applied", randomNonNegativeLong());
        stats.put("events_request_latency_ms", Map.of("p50", randomDouble(), "p99", randomDouble()));
        DiscoveryNode node = new DiscoveryNode(
                randomAlphaOfLength(5),
                OpenSearchTestCase.buildNewFakeTransportAddress(),
                org.opensearch.Version.CURRENT);
        return new NodeStats(node, stats);
    }
}
