package io.interestranking.opensearch.profile;

import io.interestranking.core.profile.KeyedSerialQueue;
import io.interestranking.core.profile.Profile;
import io.interestranking.core.profile.ProfileCodec;
import io.interestranking.core.profile.ProfileId;
import io.interestranking.core.stats.InterestStats;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.opensearch.ExceptionsHelper;
import org.opensearch.OpenSearchStatusException;
import org.opensearch.ResourceAlreadyExistsException;
import org.opensearch.action.DocWriteRequest;
import org.opensearch.action.NoShardAvailableActionException;
import org.opensearch.action.UnavailableShardsException;
import org.opensearch.action.admin.indices.create.CreateIndexRequest;
import org.opensearch.action.admin.indices.create.CreateIndexResponse;
import org.opensearch.action.bulk.BulkItemResponse;
import org.opensearch.action.bulk.BulkRequest;
import org.opensearch.action.bulk.BulkResponse;
import org.opensearch.action.delete.DeleteRequest;
import org.opensearch.action.get.GetRequest;
import org.opensearch.action.get.GetResponse;
import org.opensearch.action.get.MultiGetItemResponse;
import org.opensearch.action.get.MultiGetRequest;
import org.opensearch.action.get.MultiGetResponse;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.action.search.SearchRequest;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.support.ContextPreservingActionListener;
import org.opensearch.cluster.ClusterState;
import org.opensearch.cluster.metadata.IndexAbstraction;
import org.opensearch.cluster.metadata.IndexMetadata;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.cache.Cache;
import org.opensearch.common.cache.CacheBuilder;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.common.util.concurrent.ThreadContext;
import org.opensearch.common.xcontent.XContentType;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.common.unit.ByteSizeValue;
import org.opensearch.core.concurrency.OpenSearchRejectedExecutionException;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.index.IndexNotFoundException;
import org.opensearch.index.engine.VersionConflictEngineException;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.search.SearchHit;
import org.opensearch.search.builder.SearchSourceBuilder;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;

/**
 * Profiles in the system index {@value #INDEX}: one document per user and embedding space ({@link ProfileId}),
 * written with optimistic concurrency (if_seq_no / if_primary_term) and retried on conflict, and serialised per
 * profile on this node. Acknowledged writes are in the translog (fsynced per request), so they survive a restart.
 * The index gets {@code plugins.interest.profile.index_shards} primaries when it is created (documents spread over
 * them by the hash of their id), auto-expanded to one replica when a second node exists.
 */
public final class ProfileStore {

    public static final String INDEX = ".interest-profiles";

    /** A profile as read, with the version it was read at; {@code profile} is null when the user has none. */
    public record Versioned(Profile profile, long seqNo, long primaryTerm) {}

    /** What an update function returns: its result, and whether the profile changed and must be written. */
    public record Update<R>(R result, boolean write) {}

    /** One profile's outcome of {@link #updateMany}: a result, or the failure of that profile alone. */
    public record Outcome<R>(R result, Exception failure) {}

    /**
     * Profiles held and written together: bounds the locks one request holds, the size of one multi-get and bulk
     * write, and how long another request for one of these users waits.
     */
    static final int CHUNK = 1000;

    private final Client client;
    private final ClusterService clusterService;
    private final ThreadPool threadPool;
    private final InterestStats stats;
    private final IntSupplier maxRetries;
    private final IntSupplier indexShards;
    private final KeyedSerialQueue serial;
    /** Where the profiles of a write are decoded, changed and encoded, {@link #threads} slices at a time. */
    private final ExecutorService work;

    private final int threads;
    /**
     * Profiles this node wrote last, by document id, with the version it wrote: the next update of the profile
     * starts from here instead of a read. A write from another node makes the cached version stale; the conditional
     * write then fails with a conflict, and that profile is read again. Entries hold the stored binary value, not the
     * decoded profile: a third of the heap (a full profile 9 KB against ~25 KB decoded), and each use decodes a fresh
     * copy that a retried change may modify freely.
     */
    private final Cache<String, Cached> cache;

    /** {@code indexUuid}: a restored or re-created profile index must not be written from an older cache. */
    private record Cached(byte[] stored, long seqNo, long primaryTerm, String indexUuid) {
        Profile profile(String docId) {
            return ProfileCodec.fromBinary(stored, docId);
        }
    }

    /** The profiles of one {@link #updateMany} call, by document id, with their changes and outcomes. */
    private record Batch<R>(
            Map<String, ProfileId> ids,
            Map<ProfileId, Function<Profile, Update<R>>> changes,
            Map<ProfileId, Outcome<R>> outcomes) {
        void fail(String docId, Exception e) {
            outcomes.put(ids.get(docId), new Outcome<>(null, e));
        }
    }

    public ProfileStore(
            Client client,
            ClusterService clusterService,
            ThreadPool threadPool,
            InterestStats stats,
            IntSupplier maxRetries,
            ByteSizeValue cacheSize,
            IntSupplier indexShards,
            ExecutorService work,
            int threads) {
        this.client = client;
        this.clusterService = clusterService;
        this.threadPool = threadPool;
        this.stats = stats;
        this.maxRetries = maxRetries;
        this.cache = CacheBuilder.<String, Cached>builder()
                .setMaximumWeight(cacheSize.getBytes())
                .weigher((docId, cached) -> 2L * docId.length() + 64 + cached.stored().length)
                .build();
        this.indexShards = indexShards;
        this.serial = new KeyedSerialQueue(threadPool.generic());
        this.work = work;
        this.threads = threads;
    }

    /**
     * The index profiles are written to: {@value #INDEX} itself, or the index that name is an alias of (after an
     * operator grew it with the split API); null when there is none yet.
     */
    static IndexMetadata profileIndex(ClusterState state) {
        IndexAbstraction found = state.metadata().getIndicesLookup().get(INDEX);
        return found == null ? null : found.getWriteIndex();
    }

    private boolean exists() {
        return profileIndex(clusterService.state()) != null;
    }

    private String indexUuid() {
        IndexMetadata meta = profileIndex(clusterService.state());
        return meta == null ? "" : meta.getIndexUUID();
    }

    Settings indexSettings() {
        return Settings.builder()
                .put("index.number_of_shards", indexShards.getAsInt())
                .put("index.auto_expand_replicas", "0-1")
                .put("index.hidden", true)
                .put("index.codec", ProfileIndexCodec.NAME) // stored fields uncompressed: profiles are vectors
                // set explicitly, so that the shard refreshes in the background although nobody searches it: otherwise
                // it
                // turns search-idle after 30 s and then every realtime read of a profile written since forces a refresh
                .put("index.refresh_interval", "1s")
                .build();
    }

    private static final String MAPPING = """
        { "dynamic": false, "properties": {
            "user_id": { "type": "keyword" }, "space": { "type": "keyword" }, "updated": { "type": "long" } } }""";

    /** Runs a call as the plugin itself (system index access), restoring the caller's context for the listener. */
    private <T> void asSystem(Consumer<ActionListener<T>> call, ActionListener<T> listener) {
        ThreadContext ctx = threadPool.getThreadContext();
        ActionListener<T> restoring = new ContextPreservingActionListener<>(ctx.newRestorableContext(false), listener);
        try (ThreadContext.StoredContext ignored = ctx.stashContext()) {
            call.accept(restoring);
        }
    }

    public void get(ProfileId id, ActionListener<Versioned> listener) {
        if (exists() == false) {
            listener.onResponse(new Versioned(null, -1, -1));
            return;
        }
        this.<GetResponse>asSystem(
                l -> client.get(new GetRequest(INDEX, id.docId()).realtime(true), l),
                ActionListener.wrap(
                        r -> {
                            if (r.isExists() == false) {
                                listener.onResponse(new Versioned(null, -1, -1));
                            } else {
                                listener.onResponse(new Versioned(
                                        ProfileCodec.fromSource(r.getSourceAsMap()), r.getSeqNo(), r.getPrimaryTerm()));
                            }
                        },
                        e -> {
                            if (ExceptionsHelper.unwrapCause(e) instanceof IndexNotFoundException) {
                                listener.onResponse(new Versioned(null, -1, -1));
                            } else {
                                listener.onFailure(e);
                            }
                        }));
    }

    /**
     * Read-modify-write of one profile. {@code change} gets a fresh profile (an empty one for a new user) on every
     * attempt, so it must depend only on its input.
     */
    public <R> void update(ProfileId id, Function<Profile, Update<R>> change, ActionListener<R> listener) {
        updateMany(
                Map.of(id, change),
                ActionListener.wrap(
                        outcomes -> {
                            Outcome<R> outcome = outcomes.get(id);
                            if (outcome.failure() != null) {
                                listener.onFailure(outcome.failure());
                            } else {
                                listener.onResponse(outcome.result());
                            }
                        },
                        listener::onFailure));
    }

    /**
     * Read-modify-write of several profiles: per chunk of {@value #CHUNK} profiles one multi-get and one bulk
     * write (one translog sync), and only the profiles whose write lost a race are read and written again. The
     * profiles of a chunk are held on this node in sorted order (no two requests can wait on each other), so
     * updates of one profile never race on one node.
     */
    public <R> void updateMany(
            Map<ProfileId, Function<Profile, Update<R>>> changes, ActionListener<Map<ProfileId, Outcome<R>>> listener) {
        Map<String, ProfileId> ids = new TreeMap<>();
        changes.keySet().forEach(id -> ids.put(id.docId(), id));
        Batch<R> batch = new Batch<>(ids, changes, new ConcurrentHashMap<>());
        List<String> docIds = new ArrayList<>(ids.keySet());
        ensureIndex(ActionListener.wrap(ok -> updateChunk(docIds, 0, batch, listener), listener::onFailure));
    }

    private <R> void updateChunk(
            List<String> docIds, int from, Batch<R> batch, ActionListener<Map<ProfileId, Outcome<R>>> listener) {
        if (from >= docIds.size()) {
            listener.onResponse(batch.outcomes());
            return;
        }
        List<String> chunk = docIds.subList(from, Math.min(docIds.size(), from + CHUNK));
        serial.submitAll(
                chunk,
                releaseAll -> attemptMany(
                        chunk,
                        batch,
                        0,
                        ActionListener.runAfter(
                                ActionListener.wrap(
                                        // the next chunk on a fresh stack: a request of many chunks must not recurse
                                        done -> threadPool
                                                .generic()
                                                .execute(() -> updateChunk(docIds, from + CHUNK, batch, listener)),
                                        listener::onFailure),
                                releaseAll)));
    }

    /** A write lost a race, or the profile shard is still starting (just created, or relocating): worth a retry. */
    private static boolean transientFailure(Throwable e) {
        Throwable cause = ExceptionsHelper.unwrapCause(e);
        return cause instanceof VersionConflictEngineException
                || cause instanceof NoShardAvailableActionException
                || cause instanceof UnavailableShardsException;
    }

    private <R> void attemptMany(List<String> docIds, Batch<R> batch, int attempt, ActionListener<Void> listener) {
        Map<String, Cached> known = new HashMap<>();
        List<String> toRead = new ArrayList<>();
        String uuid = indexUuid(); // once per attempt, not once per profile
        for (String docId : docIds) {
            Cached cached = attempt == 0 ? cached(docId, uuid) : null;
            if (cached != null) {
                known.put(docId, cached);
            } else {
                toRead.add(docId);
            }
        }
        if (toRead.isEmpty()) {
            writeMany(docIds, known, Map.of(), batch, attempt, listener);
            return;
        }
        MultiGetRequest mget = new MultiGetRequest().realtime(true);
        for (String docId : toRead) {
            mget.add(INDEX, docId);
        }
        this.<MultiGetResponse>asSystem(
                l -> client.multiGet(mget, l),
                ActionListener.wrap(
                        read -> {
                            List<String> retry = new ArrayList<>();
                            List<String> readable = new ArrayList<>(known.keySet());
                            Map<String, GetResponse> fetched = new HashMap<>(); // decoded where they are changed
                            MultiGetItemResponse[] items = read.getResponses();
                            for (int i = 0; i < items.length; i++) {
                                String docId = toRead.get(i);
                                if (items[i].isFailed()) {
                                    if (transientFailure(items[i].getFailure().getFailure())) {
                                        retry.add(docId);
                                    } else {
                                        batch.fail(docId, items[i].getFailure().getFailure());
                                    }
                                    continue;
                                }
                                fetched.put(docId, items[i].getResponse());
                                readable.add(docId);
                            }
                            if (retry.isEmpty() == false) {
                                retryOrFinish(
                                        retry,
                                        batch,
                                        attempt,
                                        ActionListener.wrap(
                                                ignored ->
                                                        writeMany(readable, known, fetched, batch, attempt, listener),
                                                listener::onFailure));
                                return;
                            }
                            writeMany(readable, known, fetched, batch, attempt, listener);
                        },
                        e -> retryAllOrFail(docIds, batch, attempt, listener, e)));
    }

    /** The writes one slice of a {@link #writeMany} call prepared, in its order. */
    private record Prepared<R>(List<IndexRequest> requests, Map<String, byte[]> written, Map<String, R> pending) {}

    /** Profiles per slice at least: below that, handing a slice to another thread costs more than it saves. */
    static final int MIN_SLICE = 64;

    /**
     * Applies the changes to the profiles — cached ({@code known}) or just read ({@code fetched}; absent: no profile
     * yet) — and writes them in one bulk request. Decoding, changing and encoding run in slices on the profile pool,
     * one per thread: on the thread that delivered the read they were the longest step of a request of returning
     * users, on one core.
     */
    private <R> void writeMany(
            List<String> docIds,
            Map<String, Cached> known,
            Map<String, GetResponse> fetched,
            Batch<R> batch,
            int attempt,
            ActionListener<Void> listener) {
        long now = threadPool.absoluteTimeInMillis();
        int slices = Math.max(1, Math.min(threads, docIds.size() / MIN_SLICE));
        if (slices == 1) {
            send(List.of(prepare(docIds, known, fetched, batch, now)), batch, attempt, listener);
            return;
        }
        AtomicReferenceArray<Prepared<R>> parts = new AtomicReferenceArray<>(slices);
        AtomicInteger remaining = new AtomicInteger(slices);
        int per = (docIds.size() + slices - 1) / slices;
        for (int k = 0; k < slices; k++) {
            int slice = k;
            List<String> mine = docIds.subList(slice * per, Math.min(docIds.size(), (slice + 1) * per));
            Runnable task = () -> {
                try {
                    parts.set(slice, prepare(mine, known, fetched, batch, now));
                } catch (RuntimeException e) { // prepare fails per profile, so a bug: fail the slice, never hang
                    mine.forEach(docId -> batch.fail(docId, e));
                    parts.set(slice, new Prepared<>(List.of(), Map.of(), Map.of()));
                }
                if (remaining.decrementAndGet() == 0) {
                    List<Prepared<R>> all = new ArrayList<>(slices);
                    for (int i = 0; i < slices; i++) {
                        all.add(parts.get(i));
                    }
                    send(all, batch, attempt, listener);
                }
            };
            try {
                work.execute(task);
            } catch (OpenSearchRejectedExecutionException full) {
                task.run();
            }
        }
    }

    /** One slice's profiles changed and encoded; a profile that fails gets its outcome here, the others a write. */
    private <R> Prepared<R> prepare(
            List<String> docIds,
            Map<String, Cached> known,
            Map<String, GetResponse> fetched,
            Batch<R> batch,
            long now) {
        List<IndexRequest> requests = new ArrayList<>(docIds.size());
        Map<String, byte[]> written = new HashMap<>();
        Map<String, R> pending = new HashMap<>();
        for (String docId : docIds) {
            ProfileId id = batch.ids().get(docId);
            Update<R> update;
            byte[] binary;
            try {
                GetResponse response = fetched.get(docId);
                Cached got = response == null
                        ? known.get(docId)
                        : response.isExists()
                                ? new Cached(
                                        ProfileCodec.binaryOf(response.getSourceAsMap()),
                                        response.getSeqNo(),
                                        response.getPrimaryTerm(),
                                        null)
                                : null;
                // a fresh copy: the change may run again on a retry, and the cached value must stay as written
                Profile profile = got != null ? got.profile(docId) : new Profile(id.user(), id.space());
                update = batch.changes().get(id).apply(profile);
                if (update.write() == false) {
                    batch.outcomes().put(id, new Outcome<>(update.result(), null));
                    continue;
                }
                ProfileCodec.roundVectors(profile); // what the change returns shows the stored values
                profile.updated(now);
                binary = ProfileCodec.binary(profile);
                IndexRequest index = new IndexRequest(INDEX)
                        .id(docId)
                        .source(ProfileCodec.toSource(profile, binary), XContentType.SMILE);
                if (got != null) {
                    index.setIfSeqNo(got.seqNo()).setIfPrimaryTerm(got.primaryTerm());
                } else {
                    index.opType(DocWriteRequest.OpType.CREATE);
                }
                requests.add(index);
            } catch (RuntimeException e) {
                batch.fail(docId, e);
                continue;
            }
            written.put(docId, binary);
            pending.put(docId, update.result());
        }
        return new Prepared<>(requests, written, pending);
    }

    /** The prepared writes of all slices, in their order, in one bulk request (one translog sync). */
    private <R> void send(List<Prepared<R>> parts, Batch<R> batch, int attempt, ActionListener<Void> listener) {
        BulkRequest bulk = new BulkRequest();
        Map<String, byte[]> written = new HashMap<>();
        Map<String, R> pending = new HashMap<>();
        List<String> docIds = new ArrayList<>();
        for (Prepared<R> part : parts) {
            part.requests().forEach(request -> {
                bulk.add(request);
                docIds.add(request.id());
            });
            written.putAll(part.written());
            pending.putAll(part.pending());
        }
        List<String> retry = new ArrayList<>();
        String uuid = indexUuid();
        if (bulk.numberOfActions() == 0) {
            retryOrFinish(retry, batch, attempt, listener);
            return;
        }
        this.<BulkResponse>asSystem(
                l -> client.bulk(bulk, l),
                ActionListener.wrap(
                        response -> {
                            for (BulkItemResponse item : response.getItems()) {
                                String docId = item.getId();
                                if (item.isFailed() == false) {
                                    stats.profileWrites.increment();
                                    remember(
                                            docId,
                                            new Cached(
                                                    written.get(docId),
                                                    item.getResponse().getSeqNo(),
                                                    item.getResponse().getPrimaryTerm(),
                                                    uuid));
                                    batch.outcomes()
                                            .put(batch.ids().get(docId), new Outcome<>(pending.get(docId), null));
                                } else if (transientFailure(item.getFailure().getCause())) {
                                    forget(docId);
                                    retry.add(docId);
                                } else {
                                    forget(docId);
                                    batch.fail(docId, item.getFailure().getCause());
                                }
                            }
                            retryOrFinish(retry, batch, attempt, listener);
                        },
                        e -> {
                            docIds.forEach(this::forget);
                            retryAllOrFail(docIds, batch, attempt, listener, e);
                        }));
    }

    private Cached cached(String docId, String indexUuid) {
        Cached cached = cache.get(docId);
        return cached != null && cached.indexUuid().equals(indexUuid) ? cached : null;
    }

    private void remember(String docId, Cached cached) {
        cache.put(docId, cached);
    }

    private void forget(String docId) {
        cache.invalidate(docId);
    }

    /** The cache size is a dynamic setting: a smaller one evicts at the next write. */
    public void resizeCache(ByteSizeValue size) {
        cache.setMaximumWeight(size.getBytes());
    }

    private <R> void retryOrFinish(List<String> retry, Batch<R> batch, int attempt, ActionListener<Void> listener) {
        if (retry.isEmpty()) {
            listener.onResponse(null);
            return;
        }
        if (attempt >= maxRetries.getAsInt()) {
            for (String docId : retry) {
                ProfileId id = batch.ids().get(docId);
                batch.fail(
                        docId,
                        new OpenSearchStatusException(
                                "profile of [" + id.user() + "] in [" + id.space() + "] still conflicted after "
                                        + attempt + " retries",
                                RestStatus.CONFLICT));
            }
            listener.onResponse(null);
            return;
        }
        stats.conflictsRetried.add(retry.size());
        // another node wrote in between, or the shard is not ready: read again after a short random pause
        TimeValue pause =
                TimeValue.timeValueMillis(ThreadLocalRandom.current().nextInt(1, 5 + Math.min(attempt, 20) * 2));
        threadPool.schedule(() -> attemptMany(retry, batch, attempt + 1, listener), pause, ThreadPool.Names.GENERIC);
    }

    private <R> void retryAllOrFail(
            List<String> docIds, Batch<R> batch, int attempt, ActionListener<Void> listener, Exception e) {
        if (transientFailure(e)) {
            retryOrFinish(new ArrayList<>(docIds), batch, attempt, listener);
        } else {
            listener.onFailure(e);
        }
    }

    /**
     * Deletes every profile of the user — in each of {@code spaces} (read in real time, so a profile written a moment
     * ago goes too) and in any other space the index holds for them — and the node's cached copies. The listener
     * gets whether there was any.
     */
    public void deleteUser(String userId, Collection<String> spaces, ActionListener<Boolean> listener) {
        if (exists() == false) {
            listener.onResponse(false);
            return;
        }
        SearchRequest others = new SearchRequest(INDEX)
                .source(new SearchSourceBuilder()
                        .query(QueryBuilders.termQuery("user_id", userId))
                        .size(10_000)
                        .fetchSource(false));
        this.<SearchResponse>asSystem(
                l -> client.search(others, l),
                ActionListener.wrap(
                        found -> {
                            TreeSet<String> docIds = new TreeSet<>();
                            spaces.forEach(space -> docIds.add(new ProfileId(userId, space).docId()));
                            for (SearchHit hit : found.getHits().getHits()) {
                                docIds.add(hit.getId());
                            }
                            docIds.forEach(this::forget);
                            serial.submitAll(new ArrayList<>(docIds), releaseAll -> {
                                BulkRequest bulk = new BulkRequest();
                                docIds.forEach(docId -> bulk.add(new DeleteRequest(INDEX, docId)));
                                this.<BulkResponse>asSystem(
                                        l -> client.bulk(bulk, l),
                                        ActionListener.runAfter(
                                                ActionListener.wrap(
                                                        r -> {
                                                            boolean any = false;
                                                            for (BulkItemResponse item : r.getItems()) {
                                                                if (item.isFailed()) {
                                                                    listener.onFailure(item.getFailure()
                                                                            .getCause());
                                                                    return;
                                                                }
                                                                any |= item.getResponse()
                                                                                .status()
                                                                        == RestStatus.OK;
                                                            }
                                                            listener.onResponse(any);
                                                        },
                                                        listener::onFailure),
                                                releaseAll));
                            });
                        },
                        listener::onFailure));
    }

    private void ensureIndex(ActionListener<Void> listener) {
        if (exists()) {
            listener.onResponse(null);
            return;
        }
        CreateIndexRequest create = new CreateIndexRequest(INDEX)
                .settings(indexSettings())
                .mapping(MAPPING)
                .waitForActiveShards(org.opensearch.action.support.ActiveShardCount.ONE);
        this.<CreateIndexResponse>asSystem(
                l -> client.admin().indices().create(create, l),
                ActionListener.wrap(r -> listener.onResponse(null), e -> {
                    if (ExceptionsHelper.unwrapCause(e) instanceof ResourceAlreadyExistsException) {
                        listener.onResponse(null);
                    } else {
                        listener.onFailure(e);
                    }
                }));
    }
}
