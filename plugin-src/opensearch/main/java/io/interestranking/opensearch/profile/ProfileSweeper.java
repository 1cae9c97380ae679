package io.interestranking.opensearch.profile;

import io.interestranking.core.stats.InterestStats;
import java.io.Closeable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.common.util.concurrent.ThreadContext;
import org.opensearch.core.action.ActionListener;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.index.reindex.BulkByScrollResponse;
import org.opensearch.index.reindex.DeleteByQueryAction;
import org.opensearch.index.reindex.DeleteByQueryRequest;
import org.opensearch.threadpool.Scheduler;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;

/**
 * Deletes the profiles of users who left: those not written for longer than
 * {@code plugins.interest.profile.inactive_ttl} (off by default), every {@code plugins.interest.profile.sweep_interval}.
 * Every node schedules the check; only the elected cluster manager sweeps, so one node at a time does, and a new
 * cluster manager takes over by itself. The deletion is a delete-by-query on the write time, so it costs one
 * scroll over the expired documents only.
 */
public final class ProfileSweeper implements Closeable {

    private static final Logger LOG = LogManager.getLogger(ProfileSweeper.class);

    private final Client client;
    private final ClusterService clusterService;
    private final ThreadPool threadPool;
    private final InterestStats stats;
    private final Supplier<TimeValue> ttl;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Scheduler.Cancellable scheduled;

    public ProfileSweeper(
            Client client,
            ClusterService clusterService,
            ThreadPool threadPool,
            InterestStats stats,
            Supplier<TimeValue> ttl) {
        this.client = client;
        this.clusterService = clusterService;
        this.threadPool = threadPool;
        this.stats = stats;
        this.ttl = ttl;
    }

    /** (Re)starts the periodic check with this interval. */
    public synchronized void schedule(TimeValue interval) {
        if (scheduled != null) {
            scheduled.cancel();
        }
        scheduled = threadPool.scheduleWithFixedDelay(this::sweepIfClusterManager, interval, ThreadPool.Names.GENERIC);
    }

    void sweepIfClusterManager() {
        TimeValue maxIdle = ttl.get();
        if (maxIdle.millis() < 0
                || clusterService.state().nodes().isLocalNodeElectedClusterManager() == false
                || ProfileStore.profileIndex(clusterService.state()) == null
                || running.compareAndSet(false, true) == false) {
            return;
        }
        long cutoff = threadPool.absoluteTimeInMillis() - maxIdle.millis();
        DeleteByQueryRequest delete = new DeleteByQueryRequest(ProfileStore.INDEX)
                .setQuery(QueryBuilders.rangeQuery("updated").lt(cutoff))
                .setRefresh(true)
                .setAbortOnVersionConflict(false); // a profile written meanwhile is active again: it stays
        ThreadContext ctx = threadPool.getThreadContext();
        try (ThreadContext.StoredContext ignored = ctx.stashContext()) {
            ctx.markAsSystemContext();
            client.execute(
                    DeleteByQueryAction.INSTANCE,
                    delete,
                    ActionListener.runAfter(
                            ActionListener.wrap(
                                    (BulkByScrollResponse r) -> {
                                        stats.profilesExpired.add(r.getDeleted());
                                        stats.sweeps.increment();
                                        if (r.getDeleted() > 0) {
                                            LOG.info("deleted {} profiles not updated for {}", r.getDeleted(), maxIdle);
                                        }
                                    },
                                    e -> LOG.warn("the sweep of inactive profiles failed", e)),
                            () -> running.set(false)));
        }
    }

    @Override
    public synchronized void close() {
        if (scheduled != null) {
            scheduled.cancel();
        }
    }
}
