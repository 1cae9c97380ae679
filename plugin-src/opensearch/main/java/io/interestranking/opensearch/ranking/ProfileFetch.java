package io.interestranking.opensearch.ranking;

import io.interestranking.core.profile.Profile;
import io.interestranking.opensearch.profile.access.ProfileReadAction;
import io.interestranking.opensearch.profile.access.UsersRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.lucene.util.SetOnce;
import org.opensearch.core.action.ActionListener;
import org.opensearch.index.query.QueryRewriteContext;

/**
 * The one profile read of a search, made on the coordinating node during rewrite and as the caller: it goes
 * through the context's reader — on a node {@link ProfileReadAction}, which the security plugin authorizes by
 * name — so a caller without the grant gets the search refused (403) instead of ranking with, or reading through
 * {@code explain}, another user's interests. Only the transport action itself reads the system index.
 */
final class ProfileFetch {

    private ProfileFetch() {}

    /**
     * Registers the read of the user's profile in the space of {@code model} (null: the default model); the supplier
     * answers null until it has answered, then the profile (empty: no such user).
     */
    static Supplier<Optional<Profile>> register(
            QueryRewriteContext ctx, RankingContext.ProfileReader profiles, String userId, String model) {
        SetOnce<Optional<Profile>> holder = new SetOnce<>();
        UsersRequest read = new UsersRequest(UsersRequest.Op.GET, userId, true, List.of(), model);
        ctx.registerAsyncAction((client, listener) -> profiles.read(
                client,
                read,
                ActionListener.wrap(
                        r -> {
                            holder.set(Optional.ofNullable(r.profile()));
                            listener.onResponse(null);
                        },
                        listener::onFailure)));
        return holder::get;
    }
}
