package io.interestranking.opensearch.ranking;

import io.interestranking.core.profile.ModelParams;
import io.interestranking.core.profile.Profile;
import io.interestranking.core.scoring.RescoreMath;
import io.interestranking.opensearch.common.WireFormat;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.QueryRewriteContext;
import org.opensearch.index.query.QueryShardContext;
import org.opensearch.search.rescore.RescoreContext;
import org.opensearch.search.rescore.RescorerBuilder;

/**
 * The {@code interest} rescorer. The profile is fetched once per search on the coordinating node (rewrite) and
 * travels inline, with the time of the search, to the shards, which score their window (see {@link RescoreMath}).
 */
public final class InterestRescorerBuilder extends RescorerBuilder<InterestRescorerBuilder> {

    public static final String NAME = "interest";

    private final InterestRescoreParams params;
    /** Set by the coordinating rewrite: empty for an unknown user. */
    private Optional<Profile> profile;

    private long now;
    private final RankingContext context;
    private final Supplier<Optional<Profile>> pending;

    private InterestRescorerBuilder(
            RankingContext context, InterestRescoreParams params, Supplier<Optional<Profile>> pending) {
        this.context = context;
        this.params = params;
        this.pending = pending;
    }

    public static InterestRescorerBuilder fromXContent(XContentParser parser, RankingContext context)
            throws IOException {
        return new InterestRescorerBuilder(context, InterestRescoreParams.parse(parser), null);
    }

    public InterestRescorerBuilder(StreamInput in, RankingContext context) throws IOException {
        super(in);
        this.context = context;
        this.pending = null;
        WireFormat.check(in, NAME);
        params = InterestRescoreParams.readFrom(in);
        if (in.readBoolean()) {
            profile = Optional.ofNullable(WireFormat.readOptionalProfile(in));
        }
        now = in.readLong();
    }

    @Override
    protected void doWriteTo(StreamOutput out) throws IOException {
        WireFormat.write(out);
        params.writeTo(out);
        out.writeBoolean(profile != null);
        if (profile != null) {
            WireFormat.writeOptionalProfile(out, profile.orElse(null));
        }
        out.writeLong(now);
    }

    @Override
    protected void doXContent(XContentBuilder builder, Params p) throws IOException {
        builder.startObject(NAME);
        params.toXContent(builder, p);
        builder.endObject();
    }

    private InterestRescorerBuilder copy(Supplier<Optional<Profile>> pending) {
        InterestRescorerBuilder b = new InterestRescorerBuilder(context, params, pending);
        b.profile = profile;
        b.now = now;
        if (windowSize != null) {
            b.windowSize(windowSize);
        }
        return b;
    }

    @Override
    public RescorerBuilder<InterestRescorerBuilder> rewrite(QueryRewriteContext ctx) {
        if (profile != null) {
            return this;
        }
        if (pending == null) {
            String spaceOf = SearchSpace.model(
                    ctx, context, NAME, params.field(), params.model()); // a model of the field's space
            return copy(ProfileFetch.register(ctx, context.profiles(), params.userId(), spaceOf));
        }
        Optional<Profile> fetched = pending.get();
        if (fetched == null) {
            return this;
        }
        InterestRescorerBuilder done = copy(null);
        done.profile = fetched;
        done.now = ctx.nowInMillis(); // the search's own clock: every shard decays the profile to the same instant
        return done;
    }

    @Override
    protected RescoreContext innerBuildContext(int windowSize, QueryShardContext shardContext) {
        if (profile == null) {
            throw new IllegalStateException("[" + NAME + "] rescorer was not rewritten on the coordinating node");
        }
        ModelParams model = context.config().modelParams();
        return new InterestRescorer.Context(
                windowSize,
                params.userId(),
                params.field(),
                params.scoring(),
                profile.orElse(null),
                now,
                model,
                context.explainCache().get());
    }

    @Override
    public String getWriteableName() {
        return NAME;
    }

    @Override
    public boolean equals(Object o) {
        if (super.equals(o) == false) {
            return false;
        }
        InterestRescorerBuilder b = (InterestRescorerBuilder) o;
        return params.equals(b.params)
                && Objects.equals(pending, b.pending)
                && Objects.equals(profile, b.profile)
                && now == b.now;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), params, now);
    }
}
