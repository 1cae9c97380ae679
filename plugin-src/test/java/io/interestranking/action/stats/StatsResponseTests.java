package io.interestranking.action.stats;

import org.opensearch.action.FailedNodeException;
import org.opensearch.cluster.ClusterName;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.test.AbstractWireSerializingTestCase;

public class StatsResponseTests extends AbstractWireSerializingTestCase<StatsResponse> {

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
}
