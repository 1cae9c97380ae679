package io.interestranking.opensearch.action.stats;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensearch.action.FailedNodeException;
import org.opensearch.cluster.ClusterName;
import org.opensearch.cluster.node.DiscoveryNode;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.MediaType;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.test.AbstractSerializingTestCase;
import org.opensearch.test.OpenSearchTestCase;

public class StatsResponseTests extends AbstractSerializingTestCase<StatsResponse> {

    @Override
    protected Writeable.Reader<StatsResponse> instanceReader() {
        return StatsResponse::new;
    }

    @Override
    protected StatsResponse createTestInstance() {
        return new StatsResponse(
                new ClusterName(randomAlphaOfLength(6)),
                randomList(0, 3, NodeStatsTests::randomNodeStats),
                randomList(
                        0,
                        2,
                        () -> new FailedNodeException(randomAlphaOfLength(4), "down", new IllegalStateException("x"))));
    }

    @Override
    protected StatsResponse doParseInstance(XContentParser parser) throws IOException {
        return StatsResponse.fromXContent(parser);
    }

    /** Nodes are listed in order, as an object keyed by id. */
    @Override
    protected String[] getShuffleFieldsExceptions() {
        return new String[] {"nodes"};
    }

    @Override
    protected boolean supportsUnknownFields() {
        return false;
    }

    /** The view names a node by id (read back as its ephemeral id too) and carries no failure's cause. */
    @Override
    protected StatsResponse createXContextTestInstance(MediaType mediaType) {
        StatsResponse r = createTestInstance();
        List<NodeStats> nodes = r.getNodes().stream()
                .map(n -> {
                    String id = randomAlphaOfLength(8);
                    return new NodeStats(
                            new DiscoveryNode(
                                    randomAlphaOfLength(5),
                                    id,
                                    id,
                                    "",
                                    "",
                                    OpenSearchTestCase.buildNewFakeTransportAddress(),
                                    Map.of(),
                                    Set.of(),
                                    org.opensearch.Version.CURRENT),
                            n.stats());
                })
                .toList();
        return new StatsResponse(r.getClusterName(), nodes, r.failures());
    }
}
