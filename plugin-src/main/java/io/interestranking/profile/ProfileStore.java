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
import org.opensearch.OpenSearchStatusException;
import org.opensearch.action.bulk.BulkItemResponse;
import org.opensearch.action.bulk.BulkRequest;
import org.opensearch.action.bulk.BulkResponse;
import org.opensearch.action.get.GetRequest;
import org.opensearch.action.get.GetResponse;
import org.opensearch.action.get.MultiGetItemResponse;
import org.opensearch.action.get.MultiGetRequest;
import org.opensearch.action.get.MultiGetResponse;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.action.support.ContextPreservingActionListener;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.common.util.concurrent.ThreadContext;
import org.opensearch.common.xcontent.XContentType;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.index.IndexNotFoundException;
import org.opensearch.index.engine.VersionConflictEngineException;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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
    private final IntSupplier cacheSize;
    /**
     * Profiles this node wrote last, with the version it wrote: the next update of the user starts from here
     * instead of a read. A write from another node makes the cached version stale; the conditional write then
     * fails with a conflict, and that user is read again.
     */
    private final Map<String, Cached> cache = new LinkedHashMap<>(256, 0.75f, true);

    /** {@code indexUuid}: a restored or re-created profile index must not be written from an older cache. */
    private record Cached(Profile profile, long seqNo, long primaryTerm, String indexUuid) {}

    private String indexUuid() {
        var meta = clusterService.state().metadata().index(INDEX);
        return meta == null ? "" : meta.getIndexUUID();
    }

    public ProfileStore(
        Client client,
        ClusterService clusterService,
        ThreadPool threadPool,
        InterestStats stats,
        IntSupplier maxRetries,
        IntSupplier cacheSize
    ) {
        this.cacheSize = cacheSize;
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

    /** One user's outcome of {@link #updateMany}: a result, or the failure of that user alone. */
    public record Outcome<R>(R result, Exception failure) {}

    /**
     * Read-modify-write of one user's profile. {@code change} gets a fresh profile (an empty one for a new user)
     * on every attempt, so it must depend only on its input.
     */
    public <R> void update(String userId, Function<Profile, Update<R>> change, ActionListener<R> listener) {
        updateMany(Map.of(userId, change), ActionListener.wrap(outcomes -> {
            Outcome<R> outcome = outcomes.get(userId);
            if (outcome.failure() != null) {
                listener.onFailure(outcome.failure());
            } else {
                listener.onResponse(outcome.result());
            }
        }, listener::onFailure));
    }

    /**
     * Users held and written together: bounds the locks one request holds, the size of one multi-get and bulk
     * write, and how long another request for one of these users waits.
     */
    static final int CHUNK = 1000;

    /**
     * Read-modify-write of several users' profiles: per chunk of {@value #CHUNK} users one multi-get and one bulk
     * write (one translog sync), and only the users whose write lost a race are read and written again. The
     * users of a chunk are held on this node in sorted order (no two requests can wait on each other), so updates
     * of one user never race on one node.
     */
    public <R> void updateMany(Map<String, Function<Profile, Update<R>>> changes, ActionListener<Map<String, Outcome<R>>> listener) {
        List<String> users = new ArrayList<>(new TreeSet<>(changes.keySet()));
        Map<String, Outcome<R>> outcomes = new ConcurrentHashMap<>();
        ensureIndex(ActionListener.wrap(ok -> updateChunk(users, 0, changes, outcomes, listener), listener::onFailure));
    }

    private <R> void updateChunk(
        List<String> users,
        int from,
        Map<String, Function<Profile, Update<R>>> changes,
        Map<String, Outcome<R>> outcomes,
        ActionListener<Map<String, Outcome<R>>> listener
    ) {
        if (from >= users.size()) {
            listener.onResponse(outcomes);
            return;
        }
        List<String> chunk = users.subList(from, Math.min(users.size(), from + CHUNK));
        serial.submitAll(chunk, releaseAll -> attemptMany(chunk, changes, outcomes, 0, ActionListener.runAfter(ActionListener.wrap(
            // the next chunk on a fresh stack: a request of many chunks must not recurse
            done -> threadPool.generic().execute(() -> updateChunk(users, from + CHUNK, changes, outcomes, listener)),
            listener::onFailure), releaseAll)));
    }

    /** A write lost a race, or the profile shard is still starting (just created, or relocating): worth a retry. */
    private static boolean transientFailure(Throwable e) {
        Throwable cause = ExceptionsHelper.unwrapCause(e);
        return cause instanceof VersionConflictEngineException
            || cause instanceof NoShardAvailableActionException
            || cause instanceof UnavailableShardsException;
    }

    private <R> void attemptMany(
        List<String> users,
        Map<String, Function<Profile, Update<R>>> changes,
        Map<String, Outcome<R>> outcomes,
        int attempt,
        ActionListener<Void> listener
    ) {
        Map<String, Cached> known = new HashMap<>();
        List<String> toRead = new ArrayList<>();
        for (String user : users) {
            Cached cached = attempt == 0 ? cached(user) : null;
            if (cached != null) {
                known.put(user, cached);
            } else {
                toRead.add(user);
            }
        }
        if (toRead.isEmpty()) {
            writeMany(users, known, changes, outcomes, attempt, listener);
            return;
        }
        MultiGetRequest mget = new MultiGetRequest().realtime(true);
        for (String user : toRead) {
            mget.add(INDEX, user);
        }
        this.<MultiGetResponse>asSystem(l -> client.multiGet(mget, l), ActionListener.wrap(read -> {
            List<String> retry = new ArrayList<>();
            List<String> readable = new ArrayList<>(known.keySet());
            MultiGetItemResponse[] items = read.getResponses();
            for (int i = 0; i < items.length; i++) {
                String user = toRead.get(i);
                if (items[i].isFailed()) {
                    if (transientFailure(items[i].getFailure().getFailure())) {
                        retry.add(user);
                    } else {
                        outcomes.put(user, new Outcome<>(null, items[i].getFailure().getFailure()));
                    }
                    continue;
                }
                GetResponse got = items[i].getResponse();
                known.put(user, got.isExists()
                    ? new Cached(ProfileCodec.fromSource(got.getSourceAsMap()), got.getSeqNo(), got.getPrimaryTerm(), null)
                    : null);
                readable.add(user);
            }
            if (retry.isEmpty() == false) {
                retryOrFinish(retry, changes, outcomes, attempt, ActionListener.wrap(
                    ignored -> writeMany(readable, known, changes, outcomes, attempt, listener), listener::onFailure));
                return;
            }
            writeMany(readable, known, changes, outcomes, attempt, listener);
        }, e -> retryAllOrFail(users, changes, outcomes, attempt, listener, e)));
    }

    /** Applies the changes to the profiles as read ({@code null}: no profile yet) and writes them in one bulk request. */
    private <R> void writeMany(
        List<String> users,
        Map<String, Cached> read,
        Map<String, Function<Profile, Update<R>>> changes,
        Map<String, Outcome<R>> outcomes,
        int attempt,
        ActionListener<Void> listener
    ) {
        {
            List<String> retry = new ArrayList<>();
            Map<String, R> pending = new HashMap<>();
            Map<String, Profile> profiles = new HashMap<>();
            BulkRequest bulk = new BulkRequest();
            String uuid = indexUuid();
            for (String user : users) {
                Cached got = read.get(user);
                // a copy: the change may run again on a retry, and the cached profile must stay as written
                Profile profile = got != null ? got.profile().copy() : new Profile(user);
                Update<R> update;
                try {
                    update = changes.get(user).apply(profile);
                } catch (RuntimeException e) {
                    outcomes.put(user, new Outcome<>(null, e));
                    continue;
                }
                if (update.write() == false) {
                    outcomes.put(user, new Outcome<>(update.result(), null));
                    continue;
                }
                ProfileCodec.roundVectors(profile); // the cached copy must equal the stored one
                Map<String, Object> source = ProfileCodec.toSource(profile);
                profiles.put(user, profile);
                IndexRequest index = new IndexRequest(INDEX).id(user).source(source, XContentType.SMILE);
                if (got != null) {
                    index.setIfSeqNo(got.seqNo()).setIfPrimaryTerm(got.primaryTerm());
                } else {
                    index.opType(DocWriteRequest.OpType.CREATE);
                }
                bulk.add(index);
                pending.put(user, update.result());
            }
            if (bulk.numberOfActions() == 0) {
                retryOrFinish(retry, changes, outcomes, attempt, listener);
                return;
            }
            this.<BulkResponse>asSystem(l -> client.bulk(bulk, l), ActionListener.wrap(response -> {
                for (BulkItemResponse item : response.getItems()) {
                    String user = item.getId();
                    if (item.isFailed() == false) {
                        stats.profileWrites.increment();
                        remember(user, new Cached(profiles.get(user), item.getResponse().getSeqNo(), item.getResponse().getPrimaryTerm(),
                            uuid));
                        outcomes.put(user, new Outcome<>(pending.get(user), null));
                    } else if (transientFailure(item.getFailure().getCause())) {
                        forget(user);
                        retry.add(user);
                    } else {
                        forget(user);
                        outcomes.put(user, new Outcome<>(null, item.getFailure().getCause()));
                    }
                }
                retryOrFinish(retry, changes, outcomes, attempt, listener);
            }, e -> {
                users.forEach(this::forget);
                retryAllOrFail(users, changes, outcomes, attempt, listener, e);
            }));
        }
    }

    private Cached cached(String user) {
        Cached cached;
        synchronized (cache) {
            cached = cache.get(user);
        }
        return cached != null && cached.indexUuid().equals(indexUuid()) ? cached : null;
    }

    private void remember(String user, Cached cached) {
        int max = cacheSize.getAsInt();
        synchronized (cache) {
            cache.put(user, cached);
            var it = cache.entrySet().iterator();
            while (cache.size() > max && it.hasNext()) {
                it.next();
                it.remove();
            }
        }
    }

    private void forget(String user) {
        synchronized (cache) {
            cache.remove(user);
        }
    }

    private <R> void retryOrFinish(
        List<String> retry,
        Map<String, Function<Profile, Update<R>>> changes,
        Map<String, Outcome<R>> outcomes,
        int attempt,
        ActionListener<Void> listener
    ) {
        if (retry.isEmpty()) {
            listener.onResponse(null);
            return;
        }
        if (attempt >= maxRetries.getAsInt()) {
            for (String user : retry) {
                outcomes.put(user, new Outcome<>(null, new OpenSearchStatusException(
                    "profile of [" + user + "] still conflicted after " + attempt + " retries", RestStatus.CONFLICT)));
            }
            listener.onResponse(null);
            return;
        }
        stats.conflictsRetried.add(retry.size());
        // another node wrote in between, or the shard is not ready: read again after a short random pause
        TimeValue pause = TimeValue.timeValueMillis(ThreadLocalRandom.current().nextInt(1, 5 + Math.min(attempt, 20) * 2));
        threadPool.schedule(() -> attemptMany(retry, changes, outcomes, attempt + 1, listener), pause, ThreadPool.Names.GENERIC);
    }

    private <R> void retryAllOrFail(
        List<String> users,
        Map<String, Function<Profile, Update<R>>> changes,
        Map<String, Outcome<R>> outcomes,
        int attempt,
        ActionListener<Void> listener,
        Exception e
    ) {
        if (transientFailure(e)) {
            retryOrFinish(new ArrayList<>(users), changes, outcomes, attempt, listener);
        } else {
            listener.onFailure(e);
        }
    }

    /** Deletes the user's profile; the listener gets whether there was one. */
    public void delete(String userId, ActionListener<Boolean> listener) {
        if (clusterService.state().metadata().hasIndex(INDEX) == false) {
            listener.onResponse(false);
            return;
        }
        forget(userId);
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
}
