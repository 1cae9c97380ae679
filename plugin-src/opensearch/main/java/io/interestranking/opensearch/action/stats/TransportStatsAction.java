package io.interestranking.opensearch.action.stats;

import io.interestranking.core.stats.InterestStats;
import java.io.IOException;
import java.util.List;
import org.opensearch.action.FailedNodeException;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.nodes.TransportNodesAction;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.TransportService;

public final class TransportStatsAction
        extends TransportNodesAction<StatsRequest, StatsResponse, StatsRequest.Node, NodeStats> {

    private final InterestStats stats;

    @Inject
    public TransportStatsAction(
            ThreadPool threadPool,
            ClusterService clusterService,
            TransportService transportService,
            ActionFilters actionFilters,
            InterestStats stats) {
        super(
                StatsAction.NAME,
                threadPool,
                clusterService,
                transportService,
                actionFilters,
                StatsRequest::new,
                StatsRequest.Node::new,
                ThreadPool.Names.MANAGEMENT,
                NodeStats.class);
        this.stats = stats;
    }

    @Override
    protected StatsResponse newResponse(
            StatsRequest request, List<NodeStats> responses, List<FailedNodeException> failures) {
        return new StatsResponse(clusterService.getClusterName(), responses, failures);
    }

    @Override
    protected StatsRequest.Node newNodeRequest(StatsRequest request) {
        return new StatsRequest.Node();
    }

    @Override
    protected NodeStats newNodeResponse(StreamInput in) throws IOException {
        return new NodeStats(in);
    }

    @Override
    protected NodeStats nodeOperation(StatsRequest.Node request) {
        return new NodeStats(clusterService.localNode(), stats.snapshot());
    }
}
