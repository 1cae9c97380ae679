package io.interestranking.opensearch.events;

import io.interestranking.core.embedding.EmbeddingService;
import io.interestranking.core.embedding.ModelSpec;
import io.interestranking.core.embedding.TextKind;
import io.interestranking.core.events.EventParser;
import io.interestranking.core.profile.EventType;
import io.interestranking.core.profile.InterestModel;
import io.interestranking.core.profile.Profile;
import io.interestranking.core.profile.ProfileCodec;
import io.interestranking.core.profile.ProfileId;
import io.interestranking.core.profile.Vectors;
import io.interestranking.core.stats.InterestStats;
import io.interestranking.opensearch.common.Embed;
import io.interestranking.opensearch.profile.ProfileStore;
import io.interestranking.opensearch.profile.access.EventResult;
import io.interestranking.opensearch.settings.InterestConfig;
import io.interestranking.opensearch.settings.InterestSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.ExceptionsHelper;
import org.opensearch.action.get.MultiGetItemResponse;
import org.opensearch.action.get.MultiGetRequest;
import org.opensearch.action.get.MultiGetResponse;
import org.opensearch.cluster.ClusterState;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.search.fetch.subphase.FetchSourceContext;
import org.opensearch.transport.client.Client;

/**
 * Applies a batch of feedback events: validates each, resolves items to vectors (one multi-get for all
 * document items, one embedding call for all texts), then updates each user's profile once for all of that
 * user's events. Each event gets its own result; a bad event fails alone.
 */
public final class EventsService {

    private static final Logger logger = LogManager.getLogger(EventsService.class);

    /** The outcome of an event that failed. */
    static EventResult failed(Slot slot, Exception e) {
        return new EventResult(
                ExceptionsHelper.status(e).getStatus(),
                null,
                slot.parsed == null ? null : slot.parsed.userId(),
                slot.parsed == null ? null : slot.parsed.eventId(),
                OpenSearchErrorType.of(e),
                e.getMessage());
    }

    /** Working state of one event. */
    static final class Slot {
        EventParser.Parsed parsed;
        /** The model the event names, or the default model. */
        ModelSpec model;

        float[] vector;
        Exception error;
        ItemVectors.Target target;
        /** The space of the profile the event goes to, known once the vector is. */
        String space;
    }

    private final Client client;
    private final ClusterService clusterService;
    private final EmbeddingService embeddings;
    private final ProfileStore store;
    private final InterestStats stats;
    private final InterestConfig config;

    public EventsService(
            Client client,
            ClusterService clusterService,
            EmbeddingService embeddings,
            ProfileStore store,
            InterestStats stats,
            InterestConfig config) {
        this.client = client;
        this.clusterService = clusterService;
        this.embeddings = embeddings;
        this.store = store;
        this.stats = stats;
        this.config = config;
    }

    public void apply(List<Object> rawEvents, ActionListener<List<EventResult>> listener) {
        long now = System.currentTimeMillis();
        List<Slot> slots = new ArrayList<>(rawEvents.size());
        for (Object raw : rawEvents) {
            Slot slot = new Slot();
            try {
                slot.parsed = EventParser.parse(raw, now);
                slot.model = embeddings.spec(slot.parsed.model() != null ? slot.parsed.model() : config.defaultModel());
                if (slot.parsed.item().vector() != null) {
                    int length = slot.parsed.item().vector().length;
                    if (length != slot.model.dimension()) {
                        throw new IllegalArgumentException(
                                "[item.vector] has " + length + " dimensions, the space of model [" + slot.model.name()
                                        + "] has " + slot.model.dimension() + " (name another model with [model])");
                    }
                    slot.vector = Vectors.unit(slot.parsed.item().vector());
                    if (slot.vector == null) {
                        throw new IllegalArgumentException("[item.vector] must have a direction (all zeros given)");
                    }
                }
            } catch (IllegalArgumentException e) {
                slot.error = e;
            }
            slots.add(slot);
        }
        resolveDocuments(
                slots,
                ActionListener.wrap(
                        ignored -> resolveTexts(
                                slots,
                                ActionListener.wrap(
                                        ignored2 -> {
                                            assignSpaces(slots);
                                            updateProfiles(slots, listener);
                                        },
                                        listener::onFailure)),
                        listener::onFailure));
    }

    /**
     * Items named by index and id: first read in binary from the shards' vector values (one request per shard),
     * then, for what a shard's searcher does not see yet (not refreshed), one realtime multi-get of _source.
     */
    private void resolveDocuments(List<Slot> slots, ActionListener<Void> listener) {
        ClusterState state = clusterService.state();
        Map<String, List<Slot>> byShard = new LinkedHashMap<>();
        Map<String, ShardVectorsRequest> requests = new LinkedHashMap<>();
        Map<String, Object> targets = new HashMap<>();
        for (Slot slot : slots) {
            if (slot.error != null || slot.parsed.item().index() == null) {
                continue;
            }
            EventParser.Item item = slot.parsed.item();
            // the mapping is parsed once per index and field named in the batch, not once per event
            Object target = targets.computeIfAbsent(item.index() + '\u0000' + item.field(), k -> {
                try {
                    return ItemVectors.vectorField(state, item.index(), item.field());
                } catch (ItemVectors.NotFound e) {
                    return new org.opensearch.ResourceNotFoundException(e.getMessage());
                } catch (IllegalArgumentException e) {
                    return e;
                }
            });
            if (target instanceof Exception e) {
                slot.error = e;
                continue;
            }
            slot.target = (ItemVectors.Target) target;
            int shard = clusterService
                    .operationRouting()
                    .shardId(state, slot.target.index(), item.id(), null)
                    .id();
            String key = slot.target.index() + '\u0000' + shard + '\u0000' + slot.target.field();
            byShard.computeIfAbsent(key, k -> new ArrayList<>()).add(slot);
            requests.computeIfAbsent(
                            key,
                            k -> new ShardVectorsRequest(
                                    slot.target.index(), shard, slot.target.field(), new ArrayList<>()))
                    .ids()
                    .add(item.id());
        }
        if (requests.isEmpty()) {
            listener.onResponse(null);
            return;
        }
        AtomicInteger remaining = new AtomicInteger(requests.size());
        Runnable oneDone = () -> {
            if (remaining.decrementAndGet() == 0) {
                List<Slot> missing = new ArrayList<>();
                for (List<Slot> group : byShard.values()) {
                    for (Slot slot : group) {
                        if (slot.vector == null && slot.error == null) {
                            missing.add(slot);
                        }
                    }
                }
                resolveByGet(missing, listener);
            }
        };
        requests.forEach((key, request) -> client.execute(
                ShardVectorsAction.INSTANCE,
                request,
                ActionListener.wrap(
                        response -> {
                            List<Slot> group = byShard.get(key);
                            float[][] vectors = response.vectors();
                            for (int i = 0; i < group.size(); i++) {
                                if (vectors[i] != null) {
                                    group.get(i).vector = Vectors.unitOfFinite(vectors[i]);
                                }
                            }
                            oneDone.run();
                        },
                        e -> oneDone.run()))); // the realtime get below covers a failed shard read
    }

    private void resolveByGet(List<Slot> pending, ActionListener<Void> listener) {
        if (pending.isEmpty()) {
            listener.onResponse(null);
            return;
        }
        MultiGetRequest mget = new MultiGetRequest();
        for (Slot slot : pending) {
            mget.add(new MultiGetRequest.Item(
                            slot.target.index(), slot.parsed.item().id())
                    .fetchSourceContext(new FetchSourceContext(true, new String[] {slot.target.field()}, null)));
        }
        mget.realtime(true);
        client.multiGet(
                mget,
                ActionListener.wrap(
                        (MultiGetResponse response) -> {
                            MultiGetItemResponse[] items = response.getResponses();
                            for (int i = 0; i < items.length; i++) {
                                Slot slot = pending.get(i);
                                String key = slot.parsed.item().key();
                                if (items[i].isFailed()) {
                                    slot.error = items[i].getFailure().getFailure();
                                } else if (items[i].getResponse().isExists() == false) {
                                    slot.error = new org.opensearch.ResourceNotFoundException(
                                            "item [" + key + "] not found");
                                } else {
                                    float[] v = ItemVectors.fromSource(
                                            items[i].getResponse().getSourceAsMap(), slot.target.field());
                                    slot.vector = v == null ? null : Vectors.unit(v);
                                    if (slot.vector == null) {
                                        slot.error = new org.opensearch.ResourceNotFoundException(
                                                "item [" + key + "] has no vector in [" + slot.target.field() + "]");
                                    }
                                }
                            }
                            listener.onResponse(null);
                        },
                        listener::onFailure));
    }

    /** Texts are embedded with the event's model, one call per model named in the batch. */
    private void resolveTexts(List<Slot> slots, ActionListener<Void> listener) {
        Map<String, List<Slot>> byModel = new LinkedHashMap<>();
        for (Slot slot : slots) {
            if (slot.error == null && slot.parsed.item().text() != null) {
                byModel.computeIfAbsent(slot.model.name(), k -> new ArrayList<>())
                        .add(slot);
            }
        }
        if (byModel.isEmpty()) {
            listener.onResponse(null);
            return;
        }
        AtomicInteger remaining = new AtomicInteger(byModel.size());
        byModel.forEach((model, pending) -> {
            List<String> texts =
                    pending.stream().map(slot -> slot.parsed.item().text()).toList();
            Embed.embed(
                    embeddings,
                    model,
                    texts,
                    TextKind.QUERY,
                    InterestSettings.DEFAULT_EMBED_CHUNK,
                    ActionListener.wrap(
                            vectors -> {
                                for (int i = 0; i < vectors.length; i++) {
                                    pending.get(i).vector = vectors[i];
                                }
                                if (remaining.decrementAndGet() == 0) {
                                    listener.onResponse(null);
                                }
                            },
                            e -> {
                                for (Slot slot : pending) {
                                    slot.error = e;
                                }
                                if (remaining.decrementAndGet() == 0) {
                                    listener.onResponse(null);
                                }
                            }));
        });
    }

    /**
     * The space of each event's profile. Texts and raw vectors are in the space of the event's model (checked
     * above); an item read from an index in the space its field's dimension says, by the rule searches follow too
     * ({@link io.interestranking.core.embedding.ModelRegistry#forDimension}).
     */
    private void assignSpaces(List<Slot> slots) {
        for (Slot slot : slots) {
            if (slot.error != null) {
                continue;
            }
            if (slot.target == null || slot.vector.length == slot.model.dimension()) {
                slot.space =
                        slot.model.space(); // a text or raw vector (checked above), or a field of the model's dimension
                continue;
            }
            String where = "[item] field [" + slot.target.field() + "] of [" + slot.target.index() + "] has "
                    + slot.vector.length + " dimensions";
            try {
                slot.space = embeddings
                        .registry()
                        .forDimension(slot.parsed.model(), slot.model.name(), slot.vector.length, where)
                        .space();
            } catch (IllegalArgumentException e) {
                slot.error = e;
            }
        }
    }

    private void updateProfiles(List<Slot> slots, ActionListener<List<EventResult>> listener) {
        Map<ProfileId, List<Integer>> byUser = new LinkedHashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            if (slot.error == null) {
                byUser.computeIfAbsent(new ProfileId(slot.parsed.userId(), slot.space), k -> new ArrayList<>())
                        .add(i);
            }
        }
        EventResult[] results = new EventResult[slots.size()];
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).error != null) {
                results[i] = failed(slots.get(i), slots.get(i).error);
                stats.eventsFailed.increment();
            }
        }
        if (byUser.isEmpty()) {
            listener.onResponse(List.of(results));
            return;
        }
        InterestModel model = new InterestModel(config.modelParams());
        Map<ProfileId, java.util.function.Function<Profile, ProfileStore.Update<Applied>>> changes =
                new LinkedHashMap<>();
        byUser.forEach((user, indices) -> changes.put(user, profile -> applyAll(model, profile, slots, indices)));
        store.updateMany(
                changes,
                ActionListener.wrap(
                        outcomes -> {
                            Map<ProfileId, List<String>> due = new LinkedHashMap<>();
                            byUser.forEach((user, indices) -> {
                                ProfileStore.Outcome<Applied> outcome = outcomes.get(user);
                                for (int k = 0; k < indices.size(); k++) {
                                    EventResult r = outcome.failure() == null
                                            ? outcome.result().results()[k]
                                            : failed(slots.get(indices.get(k)), outcome.failure());
                                    results[indices.get(k)] = r;
                                    count(r);
                                }
                                if (outcome.failure() == null
                                        && outcome.result().reclusterKeys() != null) {
                                    due.put(user, outcome.result().reclusterKeys());
                                }
                            });
                            // the events are applied and acknowledged whatever re-clustering does
                            recluster(
                                    model,
                                    due,
                                    fieldsNamed(slots),
                                    ActionListener.wrap(ignored -> listener.onResponse(List.of(results)), e -> {
                                        logger.warn("re-clustering interests failed", e);
                                        listener.onResponse(List.of(results));
                                    }));
                        },
                        listener::onFailure));
    }

    /**
     * The vector field this request's events read from each index they named: an evidence key is "index/id", so an
     * index of several vector fields is read from the field its events use (else only an index's one field is known).
     */
    private static Map<String, String> fieldsNamed(List<Slot> slots) {
        Map<String, String> fields = new HashMap<>();
        for (Slot slot : slots) {
            if (slot.error == null && slot.target != null) {
                fields.putIfAbsent(slot.parsed.item().index(), slot.target.field());
            }
        }
        return fields;
    }

    /**
     * Re-clusters the interests of the profiles that became due (see {@link InterestModel#recluster}): the vectors of
     * their evidence items are read as events' items are (from {@code fields}, or the index's only vector field), then
     * each profile is updated once more. Items that cannot be read leave their interest as it is.
     */
    private void recluster(
            InterestModel model,
            Map<ProfileId, List<String>> due,
            Map<String, String> fields,
            ActionListener<Void> listener) {
        List<ProfileId> users = new ArrayList<>(due.keySet());
        reclusterChunk(model, due, users, 0, fields, listener);
    }

    /**
     * Profiles re-clustered together: bounds the item vectors one request holds at once (up to {@value
     * InterestModel#RECLUSTER_MAX_ITEMS} per profile) whatever {@code max_per_request} allows.
     */
    static final int RECLUSTER_CHUNK = 100;

    private void reclusterChunk(
            InterestModel model,
            Map<ProfileId, List<String>> all,
            List<ProfileId> users,
            int from,
            Map<String, String> fields,
            ActionListener<Void> listener) {
        if (from >= users.size()) {
            listener.onResponse(null);
            return;
        }
        Map<ProfileId, List<String>> due = new LinkedHashMap<>();
        users.subList(from, Math.min(users.size(), from + RECLUSTER_CHUNK)).forEach(u -> due.put(u, all.get(u)));
        // the next chunk on a fresh stack: a request of many chunks must not recurse
        ActionListener<Void> next = ActionListener.wrap(
                ignored -> client.threadPool()
                        .generic()
                        .execute(() -> reclusterChunk(model, all, users, from + RECLUSTER_CHUNK, fields, listener)),
                listener::onFailure);
        Map<String, Slot> byKey = new LinkedHashMap<>();
        due.values()
                .forEach(keys -> keys.forEach(key -> {
                    EventParser.Item item = EventParser.Item.ofKey(key, fields);
                    if (item != null) {
                        byKey.computeIfAbsent(key, k -> {
                            Slot slot = new Slot();
                            slot.parsed = new EventParser.Parsed(null, EventType.CLICK, 0, item, null, 1, null, null);
                            return slot;
                        });
                    }
                }));
        List<Slot> slots = new ArrayList<>(byKey.values());
        resolveDocuments(
                slots,
                ActionListener.wrap(
                        ignored -> {
                            Map<String, float[]> vectors = new HashMap<>();
                            byKey.forEach((key, slot) -> {
                                if (slot.error == null && slot.vector != null) {
                                    vectors.put(key, slot.vector);
                                }
                            });
                            Map<ProfileId, java.util.function.Function<Profile, ProfileStore.Update<Boolean>>> changes =
                                    new LinkedHashMap<>();
                            due.keySet()
                                    .forEach(user -> changes.put(user, profile -> {
                                        boolean changed = model.recluster(profile, vectors);
                                        return new ProfileStore.Update<>(changed, changed);
                                    }));
                            store.updateMany(
                                    changes,
                                    ActionListener.wrap(
                                            outcomes -> {
                                                outcomes.forEach((user, outcome) -> {
                                                    if (outcome.failure() == null) {
                                                        if (outcome.result()) {
                                                            stats.profilesReclustered.increment();
                                                        }
                                                    } else {
                                                        logger.debug(
                                                                "re-clustering the interests of [{}] failed: {}",
                                                                user,
                                                                outcome.failure()
                                                                        .getMessage());
                                                    }
                                                });
                                                next.onResponse(null);
                                            },
                                            next::onFailure));
                        },
                        next::onFailure));
    }

    /**
     * One user's events applied: each event's result, and the evidence keys of the interests to re-cluster when these
     * events made the profile due (else null).
     */
    record Applied(EventResult[] results, List<String> reclusterKeys) {}

    /** Applies one user's events, in request order, to a fresh copy of the profile. */
    private static ProfileStore.Update<Applied> applyAll(
            InterestModel model, Profile profile, List<Slot> slots, List<Integer> indices) {
        EventResult[] mine = new EventResult[indices.size()];
        boolean changed = false;
        long before = profile.eventCount();
        int dimension = ProfileCodec.dimension(profile);
        for (int k = 0; k < indices.size(); k++) {
            Slot slot = slots.get(indices.get(k));
            if (dimension != -1 && slot.vector.length != dimension) { // a model.json changed under a stored profile
                mine[k] = failed(
                        slot,
                        new IllegalArgumentException(
                                "[item] vector has " + slot.vector.length + " dimensions, the profile of ["
                                        + slot.parsed.userId() + "] in [" + profile.space() + "] has " + dimension));
                continue;
            }
            dimension = slot.vector.length;
            InterestModel.Outcome outcome = model.apply(profile, slot.parsed.resolve(slot.vector));
            changed |= outcome == InterestModel.Outcome.APPLIED;
            mine[k] = outcome == InterestModel.Outcome.APPLIED
                    ? new EventResult(
                            RestStatus.CREATED.getStatus(),
                            "applied",
                            slot.parsed.userId(),
                            slot.parsed.eventId(),
                            null,
                            null)
                    : new EventResult(
                            RestStatus.OK.getStatus(),
                            "duplicate",
                            slot.parsed.userId(),
                            slot.parsed.eventId(),
                            null,
                            null);
        }
        List<String> keys =
                changed && model.reclusterDue(before, profile) ? InterestModel.reclusterKeys(profile) : null;
        return new ProfileStore.Update<>(new Applied(mine, keys), changed);
    }

    private void count(EventResult r) {
        if (r.status() == RestStatus.CREATED.getStatus()) {
            stats.eventsApplied.increment();
        } else if ("duplicate".equals(r.result())) {
            stats.duplicatesIgnored.increment();
        } else {
            stats.eventsFailed.increment();
        }
    }
}
