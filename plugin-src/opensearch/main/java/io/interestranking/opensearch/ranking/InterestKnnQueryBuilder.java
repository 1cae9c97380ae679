package io.interestranking.opensearch.ranking;

import io.interestranking.core.profile.InterestScorer;
import io.interestranking.core.profile.ModelParams;
import io.interestranking.core.profile.Profile;
import io.interestranking.core.profile.UserIds;
import io.interestranking.core.scoring.InterestKnnPlan;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.opensearch.common.lucene.search.function.CombineFunction;
import org.opensearch.core.ParseField;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ObjectParser;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.BoolQueryBuilder;
import org.opensearch.index.query.BoostingQueryBuilder;
import org.opensearch.index.query.DisMaxQueryBuilder;
import org.opensearch.index.query.MatchAllQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryRewriteContext;
import org.opensearch.index.query.functionscore.FunctionScoreQueryBuilder;
import org.opensearch.index.query.functionscore.ScoreFunctionBuilders;

/**
 * {@code interest_knn}: recommendations for a user without query text. The profile is fetched once, on the
 * coordinating node during rewrite; the query becomes a {@code dis_max} of k-NN queries, one per interest
 * (its cosine scaled by its share, {@link InterestScorer#shares}, {@link #scaledCosine}), plus a k-NN query of the
 * short-term interest (boosted by β_S·c_S), wrapped in a {@code boosting} query that multiplies the scores of items
 * near the negative interest by (1 − β_N·c_N). An unknown user or an empty profile runs {@code fallback} (default
 * {@code match_all}), with {@code filter}.
 */
public final class InterestKnnQueryBuilder extends CoordinatorKnnQueryBuilder<InterestKnnQueryBuilder> {

    public static final String NAME = "interest_knn";

    private static final ObjectParser<InterestKnnQueryBuilder, RankingContext> PARSER = new ObjectParser<>(NAME);

    static {
        PARSER.declareString((b, v) -> b.userId = v, new ParseField("user_id"));
        PARSER.declareString((b, v) -> b.model = v, new ParseField("model"));
        PARSER.declareObject((b, v) -> b.fallback = v, (p, c) -> parseInnerQueryBuilder(p), new ParseField("fallback"));
        declareCommonFields(PARSER);
    }

    private String userId;
    /** The model whose space the profile is read in; null: the default model or the one of the field's dimension. */
    private String model;

    private QueryBuilder fallback = new MatchAllQueryBuilder();
    /** Set on the pending copy: the profile (empty for an unknown user), null until the fetch has answered. */
    private final Supplier<Optional<Profile>> profile;

    private InterestKnnQueryBuilder(RankingContext context, Supplier<Optional<Profile>> profile) {
        super(context);
        this.profile = profile;
    }

    public InterestKnnQueryBuilder(StreamInput in, RankingContext context) throws IOException {
        super(in, context);
        this.profile = null;
        userId = in.readString();
        model = in.readOptionalString();
        fallback = in.readNamedWriteable(QueryBuilder.class);
    }

    public static InterestKnnQueryBuilder fromXContent(XContentParser parser, RankingContext context)
            throws IOException {
        InterestKnnQueryBuilder b = new InterestKnnQueryBuilder(context, null);
        PARSER.parse(parser, b, context);
        b.validateCommonFields();
        if (b.userId == null) {
            throw new IllegalArgumentException("[" + NAME + "] requires [user_id]");
        }
        UserIds.check(b.userId);
        return b;
    }

    public String userId() {
        return userId;
    }

    @Override
    protected void writeOwnFields(StreamOutput out) throws IOException {
        out.writeString(userId);
        out.writeOptionalString(model);
        out.writeNamedWriteable(fallback);
    }

    @Override
    protected void ownXContent(XContentBuilder builder) throws IOException {
        builder.field("user_id", userId);
        if (model != null) {
            builder.field("model", model);
        }
        builder.field("fallback", fallback);
    }

    @Override
    protected void copyOwnFields(InterestKnnQueryBuilder pending) {
        pending.userId = userId;
        pending.model = model;
        pending.fallback = fallback;
    }

    @Override
    protected QueryBuilder doRewrite(QueryRewriteContext ctx) {
        if (profile == null) {
            String spaceOf = SearchSpace.model(ctx, context, NAME, field, model); // a model of the field's space
            return pendingCopy(new InterestKnnQueryBuilder(
                    context, ProfileFetch.register(ctx, context.profiles(), userId, spaceOf)));
        }
        Optional<Profile> fetched = profile.get();
        if (fetched == null) {
            return this;
        }
        return resolve(fetched.orElse(null), context.config().modelParams(), ctx);
    }

    /** What the query is for this profile (null: no such user); asks for the search's clock only when it decays. */
    QueryBuilder resolve(Profile p, ModelParams params, QueryRewriteContext ctx) {
        if (p == null || p.interests().isEmpty() && p.shortTerm() == null) {
            return fallbackQuery();
        }
        return build(p, params, ctx.nowInMillis()); // the search's own clock, as for date math
    }

    /**
     * What runs for a user without positive interests: the fallback, restricted by the filter, with this query's
     * boost and name (wrapped, so the user's fallback builder itself is left as parsed).
     */
    private QueryBuilder fallbackQuery() {
        BoolQueryBuilder q = new BoolQueryBuilder().must(fallback);
        if (filter != null) {
            q.filter(filter);
        }
        return q.boost(boost).queryName(queryName);
    }

    /** The k-NN form of the interest score (docs/ranking.md), as OpenSearch queries. */
    QueryBuilder build(Profile p, ModelParams params, long now) {
        InterestKnnPlan plan = InterestKnnPlan.of(p, params, now);
        if (plan.isEmpty()) {
            return fallbackQuery();
        }
        DisMaxQueryBuilder interests = new DisMaxQueryBuilder().tieBreaker(0);
        for (InterestKnnPlan.Scaled s : plan.interests()) {
            interests.add(scaledCosine(KnnAdapter.knn(field, s.vector(), k, filter, 1f, null), s));
        }
        // the short-term part adds to the best interest, as in the scorer: a bool's should clauses sum
        BoolQueryBuilder positive = new BoolQueryBuilder();
        if (interests.innerQueries().isEmpty() == false) {
            positive.should(interests);
        }
        if (plan.shortTerm() != null) {
            positive.should(KnnAdapter.knn(
                    field,
                    plan.shortTerm().vector(),
                    k,
                    filter,
                    plan.shortTerm().factor(),
                    null));
        }
        QueryBuilder query = positive;
        if (plan.negative() != null) {
            query = new BoostingQueryBuilder(
                            positive, KnnAdapter.knn(field, plan.negative().vector(), k, filter, 1f, null))
                    .negativeBoost(plan.negative().factor());
        }
        return query.boost(boost).queryName(queryName);
    }

    /** A k-NN clause scaled by an interest's share: r·(s + addend), as {@link InterestKnnPlan.Scaled} says. */
    static QueryBuilder scaledCosine(QueryBuilder knn, InterestKnnPlan.Scaled s) {
        if (s.share() >= 1) {
            return knn;
        }
        return new FunctionScoreQueryBuilder(knn, ScoreFunctionBuilders.weightFactorFunction((float) s.addend()))
                .boostMode(CombineFunction.SUM)
                .boost((float) s.share());
    }

    @Override
    protected boolean ownEquals(InterestKnnQueryBuilder other) {
        return Objects.equals(userId, other.userId)
                && Objects.equals(model, other.model)
                && Objects.equals(fallback, other.fallback)
                && Objects.equals(profile, other.profile);
    }

    @Override
    protected int ownHashCode() {
        return Objects.hash(userId, model, fallback);
    }

    @Override
    public String getWriteableName() {
        return NAME;
    }
}
