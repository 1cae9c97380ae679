package io.interestranking.opensearch.action.profile;

import io.interestranking.core.embedding.EmbeddingService;
import io.interestranking.core.embedding.TextKind;
import io.interestranking.core.profile.InterestModel;
import io.interestranking.core.profile.ModelParams;
import io.interestranking.core.profile.ProfileCodec;
import io.interestranking.core.profile.ProfileId;
import io.interestranking.core.stats.InterestStats;
import io.interestranking.opensearch.common.Embed;
import io.interestranking.opensearch.events.EventsService;
import io.interestranking.opensearch.profile.ProfileStore;
import io.interestranking.opensearch.profile.access.EventsResponse;
import io.interestranking.opensearch.profile.access.ProfileWriteAction;
import io.interestranking.opensearch.profile.access.ProfileWriteRequest;
import io.interestranking.opensearch.profile.access.ProfileWriteResponse;
import io.interestranking.opensearch.profile.access.UsersRequest;
import io.interestranking.opensearch.profile.access.UsersResponse;
import io.interestranking.opensearch.settings.InterestConfig;
import io.interestranking.opensearch.settings.InterestSettings;
import java.util.List;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

/** Events and declared interests: the two ways a profile changes, one action to grant. */
public final class TransportProfileWriteAction
        extends HandledTransportAction<ProfileWriteRequest, ProfileWriteResponse> {

    private final EventsService events;
    private final ProfileStore store;
    private final EmbeddingService embeddings;
    private final InterestConfig config;
    private final InterestStats stats;

    @Inject
    public TransportProfileWriteAction(
            TransportService transport,
            ActionFilters filters,
            EventsService events,
            ProfileStore store,
            EmbeddingService embeddings,
            InterestConfig config,
            InterestStats stats) {
        super(ProfileWriteAction.NAME, transport, filters, ProfileWriteRequest::new);
        this.events = events;
        this.store = store;
        this.embeddings = embeddings;
        this.config = config;
        this.stats = stats;
    }

    @Override
    protected void doExecute(Task task, ProfileWriteRequest request, ActionListener<ProfileWriteResponse> listener) {
        if (request.events() != null) {
            long start = System.nanoTime();
            events.apply(request.events().events(), ActionListener.map(listener, results -> {
                long took = System.nanoTime() - start;
                stats.recordEventsRequest(took);
                return new ProfileWriteResponse(new EventsResponse(took / 1_000_000, results));
            }));
        } else {
            declare(request.declare(), ActionListener.map(listener, ProfileWriteResponse::new));
        }
    }

    /** Cold start: the texts are embedded as queries and become declared interests. */
    private void declare(UsersRequest request, ActionListener<UsersResponse> listener) {
        ModelParams params = config.modelParams();
        String user = request.userId();
        // an unknown model throws: the action's filter chain hands that 400 to the listener
        String model = request.modelOr(config.defaultModel());
        ProfileId id = new ProfileId(user, embeddings.spec(model).space());
        Embed.embed(
                embeddings,
                model,
                request.texts(),
                TextKind.QUERY,
                InterestSettings.DEFAULT_EMBED_CHUNK,
                ActionListener.wrap(
                        vectors -> {
                            long now = System.currentTimeMillis();
                            store.update(
                                    id,
                                    profile -> {
                                        int dim = ProfileCodec.dimension(profile);
                                        if (dim != -1 && dim != vectors[0].length) {
                                            throw new IllegalArgumentException("[interests] embed to "
                                                    + vectors[0].length + " dimensions, the profile of [" + user
                                                    + "] in [" + id.space() + "] has " + dim);
                                        }
                                        new InterestModel(params)
                                                .declare(profile, List.of(vectors), request.texts(), now);
                                        return new ProfileStore.Update<>(profile, true);
                                    },
                                    ActionListener.map(
                                            listener,
                                            profile -> new UsersResponse(
                                                    user, profile, true, request.includeVectors(), false, params)));
                        },
                        listener::onFailure));
    }
}
