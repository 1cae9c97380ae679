package io.interestranking.ranking;

import io.interestranking.profile.InterestModel;
import io.interestranking.profile.InterestScorer;
import io.interestranking.profile.ModelParams;
import io.interestranking.profile.Profile;
import io.interestranking.profile.UserIds;
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

    /** The k-NN form of the interest score (docs/ranking.md). */
    QueryBuilder build(Profile p, ModelParams params, long now) {
        DisMaxQueryBuilder interests = new DisMaxQueryBuilder().tieBreaker(0);
        double[] shares = InterestScorer.shares(p.interests(), params.interestHalfWeight());
        for (int n = 0; n < shares.length; n++) {
            if (shares[n] > 0) {
                interests.add(scaledCosine(
                        KnnAdapter.knn(field, p.interests().get(n).vector(), k, filter, 1f, null), shares[n]));
            }
        }
        // the short-term part adds to the best interest, as in the scorer: a bool's should clauses sum
        BoolQueryBuilder positive = new BoolQueryBuilder();
        if (interests.innerQueries().isEmpty() == false) {
            positive.should(interests);
        }
        long elapsed = now - p.clock();
        if (params.shortTermEnabled() && p.shortTerm() != null) {
            double w = p.shortTerm().weight() * InterestModel.decay(elapsed, params.shortHalfLife());
            float b = (float) (params.shortTermScoreWeight() * w / (w + 1));
            if (b > 1e-3) {
                positive.should(KnnAdapter.knn(field, p.shortTerm().vector(), k, filter, b, null));
            }
        }
        if (positive.should().isEmpty()) {
            return fallbackQuery();
        }
        QueryBuilder query = positive;
        if (params.negativeEnabled() && p.negative() != null) {
            double w = p.negative().weight() * InterestModel.decay(elapsed, params.negativeHalfLife());
            float keep = (float) Math.max(0.01, 1 - params.negativeScoreWeight() * w / (w + 1));
            if (keep < 0.999f) {
                query = new BoostingQueryBuilder(
                                positive, KnnAdapter.knn(field, p.negative().vector(), k, filter, 1f, null))
                        .negativeBoost(keep);
            }
        }
        return query.boost(boost).queryName(queryName);
    }

    /**
     * A k-NN score s = (1 + cos)/2 turned into (1 + r·cos)/2 = r·s + (1 − r)/2: the share r scales the interest's
     * cosine, as in the scorer's {@code L = max r_i·cos}. Scaling the score itself (a boost of r) would rank every
     * item of the top interest with cos > 2r − 1 above the best item of an interest of share r — for r = 0.8, every
     * item above cos 0.6 — so one interest would fill the page.
     */
    static QueryBuilder scaledCosine(QueryBuilder knn, double r) {
        if (r >= 1) {
            return knn;
        }
        return new FunctionScoreQueryBuilder(
                        knn, ScoreFunctionBuilders.weightFactorFunction((float) ((1 - r) / (2 * r))))
                .boostMode(CombineFunction.SUM)
                .boost((float) r);
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
