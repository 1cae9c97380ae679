package io.interestranking.profile;

import io.interestranking.stats.InterestStats;

import org.opensearch.ExceptionsHelper;
import org.opensearch.ResourceAlreadyExistsException;
import org.opensearch.action.DocWriteRequest;
import org.opensearch.action.NoShardAvailableActionException;
import org.opensearch.action.UnavailableShardsException;
import org.opensearch.action.admin.indices.create.CreateIndexRequest;
import org.opensearch.action.admin.indices.create.CreateIndexResponse;
import org.opensearch.action.delete.DeleteRequest;
import org.opensearch.action.delete.DeleteResponse;
import org.opensearch.action.get.GetRequest;
import org.opensearch.action.get.GetResponse;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.action.index.IndexResponse;
import org.opensearch.action.support.ContextPreservingActionListener;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.common.util.concurrent.ThreadContext;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.index.IndexNotFoundException;
import org.opensearch.index.engine.VersionConflictEngineException;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Profiles in the system index {@value #INDEX}: one document per user, written with optimistic concurrency
 * (if_seq_no / if_primary_term) and retried on conflict, and serialised per user on this node. Acknowledged
 * writes are in the translog (fsynced per request), so they survive a restart; one primary shard, auto-expanded
 * to one replica when a second node exists.
 */
public final class ProfileStore {

    public static final String INDEX = ".interest-profiles";

    /** A profile as read, with the version it was read at; {@code profile} is null when the user has none. */
    public record Versioned(Profile profile, long seqNo, long primaryTerm) {}

    /** What an update function returns: its result, and whether the profile changed and must be written. */
    public record Update<R>(R result, boolean write) {}

    private final Client client;
    private final ClusterService clusterService;
    private final ThreadPool threadPool;
    private final InterestStats stats;
    private final IntSupplier maxRetries;
    private final KeyedSerialQueue serial;

    public ProfileStore(Client client, ClusterService clusterService, ThreadPool threadPool, InterestStats stats, IntSupplier maxRetries) {
        this.client = client;
        this.clusterService = clusterService;
        this.threadPool = threadPool;
        this.stats = stats;
        this.maxRetries = maxRetries;
        this.serial = new KeyedSerialQueue(threadPool.generic());
    }

    public static Settings indexSettings() {
        return Settings.builder()
            .put("index.number_of_shards", 1)
            .put("index.auto_expand_replicas", "0-1")
            .put("index.hidden", true)
            .build();
    }

    private static final String MAPPING = """
        { "dynamic": false, "properties": {
            "user_id": { "type": "keyword" }, "clock": { "type": "long" }, "event_count": { "type": "long" } } }""";

    /** Runs a call as the plugin itself (system index access), restoring the caller's context for the listener. */
    private <T> void asSystem(Consumer<ActionListener<T>> call, ActionListener<T> listener) {
        ThreadContext ctx = threadPool.getThreadContext();
        ActionListener<T> restoring = new ContextPreservingActionListener<>(ctx.newRestorableContext(false), listener);
        try (ThreadContext.StoredContext ignored = ctx.stashContext()) {
            call.accept(restoring);
        }
    }

    public void get(String userId, ActionListener<Versioned> listener) {
        if (clusterService.state().metadata().hasIndex(INDEX) == false) {
            listener.onResponse(new Versioned(null, -1, -1));
            return;
        }
        this.<GetResponse>asSystem(l -> client.get(new GetRequest(INDEX, userId).realtime(true), l), ActionListener.wrap(r -> {
            if (r.isExists() == false) {
                listener.onResponse(new Versioned(null, -1, -1));
            } else {
                listener.onResponse(new Versioned(ProfileCodec.fromSource(r.getSourceAsMap()), r.getSeqNo(), r.getPrimaryTerm()));
            }
        }, e -> {
            if (ExceptionsHelper.unwrapCause(e) instanceof IndexNotFoundException) {
                listener.onResponse(new Versioned(null, -1, -1));
            } else {
                listener.onFailure(e);
            }
        }));
    }

    /**
     * Read-modify-write of one user's profile. {@code change} gets a fresh profile (an empty one for a new user)
     * on every attempt, so it must depend only on its input.
     */
    public <R> void update(String userId, Function<Profile, Update<R>> change, ActionListener<R> listener) {
        serial.submit(userId, done -> ensureIndex(ActionListener.wrap(
            ok -> attempt(userId, change, ActionListener.runAfter(listener, done), 0),
            e -> {
                done.run();
                listener.onFailure(e);
            }
        )));
    }

    /** A write lost a race, or the profile shard is still starting (just created, or relocating): worth a retry. */
    private static boolean transientFailure(Exception e) {
        Throwable cause = ExceptionsHelper.unwrapCause(e);
        return cause instanceof VersionConflictEngineException
            || cause instanceof NoShardAvailableActionException
            || cause instanceof UnavailableShardsException;
    }

    private <R> void retryOrFail(String userId, Function<Profile, Update<R>> change, ActionListener<R> listener, int attempt, Exception e) {
        if (transientFailure(e) && attempt < maxRetries.getAsInt()) {
            stats.conflictsRetried.increment();
            // another node wrote in between, or the shard is not ready: read again after a short random pause
            TimeValue pause = TimeValue.timeValueMillis(ThreadLocalRandom.current().nextInt(1, 5 + Math.min(attempt, 20) * 2));
            threadPool.schedule(() -> attempt(userId, change, listener, attempt + 1), pause, ThreadPool.Names.GENERIC);
        } else {
            listener.onFailure(e);
        }
    }

    private <R> void attempt(String userId, Function<Profile, Update<R>> change, ActionListener<R> listener, int attempt) {
        get(userId, ActionListener.wrap(read -> {
            Profile profile = read.profile() != null ? read.profile() : new Profile(userId);
            Update<R> update = change.apply(profile);
            if (update.write() == false) {
                listener.onResponse(update.result());
                return;
            }
            IndexRequest index = new IndexRequest(INDEX).id(userId).source(ProfileCodec.toSource(profile));
            if (read.profile() == null) {
                index.opType(DocWriteRequest.OpType.CREATE);
            } else {
                index.setIfSeqNo(read.seqNo()).setIfPrimaryTerm(read.primaryTerm());
            }
            this.<IndexResponse>asSystem(l -> client.index(index, l), ActionListener.wrap(r -> {
                stats.profileWrites.increment();
                listener.onResponse(update.result());
            }, e -> retryOrFail(userId, change, listener, attempt, e)));
        }, e -> retryOrFail(userId, change, listener, attempt, e)));
    }

    /** Deletes the user's profile; the listener gets whether there was one. */
    public void delete(String userId, ActionListener<Boolean> listener) {
        if (clusterService.state().metadata().hasIndex(INDEX) == false) {
            listener.onResponse(false);
            return;
        }
        serial.submit(userId, done -> this.<DeleteResponse>asSystem(
            l -> client.delete(new DeleteRequest(INDEX, userId), l),
            ActionListener.runAfter(ActionListener.wrap(r -> listener.onResponse(r.status() == RestStatus.OK), listener::onFailure), done)
        ));
    }

    private void ensureIndex(ActionListener<Void> listener) {
        if (clusterService.state().metadata().hasIndex(INDEX)) {
            listener.onResponse(null);
            return;
        }
        CreateIndexRequest create = new CreateIndexRequest(INDEX).settings(indexSettings()).mapping(MAPPING).waitForActiveShards(
            org.opensearch.action.support.ActiveShardCount.ONE
        );
        this.<CreateIndexResponse>asSystem(l -> client.admin().indices().create(create, l), ActionListener.wrap(r -> listener.onResponse(null), e -> {
            if (ExceptionsHelper.unwrapCause(e) instanceof ResourceAlreadyExistsException) {
                listener.onResponse(null);
            } else {
                listener.onFailure(e);
            }
        }));
    }

    /** For the stored document's shape in docs and tests. */
    public static Map<String, Object> sourceOf(Profile profile) {
        return ProfileCodec.toSource(profile);
    }
}
