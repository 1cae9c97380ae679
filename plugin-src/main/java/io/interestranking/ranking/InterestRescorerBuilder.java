package io.interestranking.ranking;

import io.interestranking.profile.UserIds;
import io.interestranking.profile.ModelParams;
import io.interestranking.profile.Profile;
import io.interestranking.profile.ProfileCodec;

import org.opensearch.core.ParseField;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ObjectParser;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.QueryRewriteContext;
import org.opensearch.index.query.QueryShardContext;
import org.opensearch.search.rescore.RescoreContext;
import org.opensearch.search.rescore.RescorerBuilder;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code interest} rescorer. The profile is fetched once per search on the coordinating node (rewrite) and
 * travels inline, with the time of the search, to the shards, which score their window (see {@link RescoreMath}).
 */
public final class InterestRescorerBuilder extends RescorerBuilder<InterestRescorerBuilder> {

    public static final String NAME = "interest";

    private static final ObjectParser<InterestRescorerBuilder, Void> PARSER = new ObjectParser<>(NAME);
    /** Holders for the nested objects while parsing. */
    private static final class Exploration {
        Double weight;
        String seed;
    }

    private static final class Diversity {
        Double lambda;
    }

    private static final ObjectParser<Exploration, Void> EXPLORATION = new ObjectParser<>("exploration", Exploration::new);
    private static final ObjectParser<Diversity, Void> DIVERSITY = new ObjectParser<>("diversity", Diversity::new);
    static {
        PARSER.declareString((b, v) -> b.userId = v, new ParseField("user_id"));
        PARSER.declareString((b, v) -> b.field = v, new ParseField("field"));
        PARSER.declareString((b, v) -> b.model = v, new ParseField("model"));
        PARSER.declareDouble((b, v) -> b.queryWeight = v, new ParseField("query_weight"));
        PARSER.declareDouble((b, v) -> b.interestWeight = v, new ParseField("interest_weight"));
        PARSER.declareString((b, v) -> b.normalize = parseNormalize(v), new ParseField("normalize"));
        PARSER.declareDouble((b, v) -> b.min = v, new ParseField("min"));
        PARSER.declareDouble((b, v) -> b.max = v, new ParseField("max"));
        PARSER.declareDouble((b, v) -> b.pivot = v, new ParseField("pivot"));
        PARSER.declareObject((b, e) -> {
            if (e.weight != null) {
                b.explorationWeight = e.weight;
            }
            if (e.seed != null) {
                b.seed = e.seed;
            }
        }, (p, c) -> EXPLORATION.parse(p, null), new ParseField("exploration"));
        PARSER.declareObject((b, d) -> b.lambda = d.lambda, (p, c) -> DIVERSITY.parse(p, null), new ParseField("diversity"));
        EXPLORATION.declareDouble((e, v) -> e.weight = v, new ParseField("weight"));
        EXPLORATION.declareString((e, v) -> e.seed = v, new ParseField("seed"));
        DIVERSITY.declareDouble((d, v) -> d.lambda = v, new ParseField("lambda"));
    }

    private String userId;
    private String field;
    /** The model whose space the profile is read in; null: the default model. */
    private String model;
    private double queryWeight = 0.7;
    private double interestWeight = 0.3;
    private RescoreMath.Normalize normalize = RescoreMath.Normalize.NONE;
    private double min = 0;
    private double max = 1;
    private double pivot = 10;
    private double explorationWeight = 0;
    private String seed = "";
    private Double lambda;
    /** Set by the coordinating rewrite: empty for an unknown user. */
    private Optional<Profile> profile;
    private long now;
    private final RankingContext context;
    private final Supplier<Optional<Profile>> pending;

    private InterestRescorerBuilder(RankingContext context, Supplier<Optional<Profile>> pending) {
        this.context = context;
        this.pending = pending;
    }

    public static InterestRescorerBuilder fromXContent(XContentParser parser, RankingContext context) throws IOException {
        InterestRescorerBuilder b = new InterestRescorerBuilder(context, null);
        PARSER.parse(parser, b, null);
        b.validate();
        return b;
    }

    private static RescoreMath.Normalize parseNormalize(String value) {
        try {
            return RescoreMath.Normalize.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("[" + NAME + "] [normalize] must be one of [none, min_max, saturate], got [" + value + "]");
        }
    }

    private void validate() {
        if (userId == null) {
            throw new IllegalArgumentException("[" + NAME + "] requires [user_id]");
        }
        UserIds.check(userId);
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("[" + NAME + "] requires [field]");
        }
        range("query_weight", queryWeight, 0, 1000);
        range("interest_weight", interestWeight, 0, 1000);
        range("exploration.weight", explorationWeight, 0, 1000);
        if (lambda != null) {
            range("diversity.lambda", lambda, 0, 1);
        }
        if (max <= min) {
            throw new IllegalArgumentException("[" + NAME + "] [max] must be greater than [min]");
        }
        if (pivot <= 0) {
            throw new IllegalArgumentException("[" + NAME + "] [pivot] must be positive");
        }
    }

    private static void range(String name, double v, double lo, double hi) {
        if (Double.isFinite(v) == false || v < lo || v > hi) {
            throw new IllegalArgumentException("[" + NAME + "] [" + name + "] must be between " + lo + " and " + hi + ", got " + v);
        }
    }

    public InterestRescorerBuilder(StreamInput in, RankingContext context) throws IOException {
        super(in);
        this.context = context;
        this.pending = null;
        userId = in.readString();
        field = in.readString();
        model = in.readOptionalString();
        queryWeight = in.readDouble();
        interestWeight = in.readDouble();
        normalize = in.readEnum(RescoreMath.Normalize.class);
        min = in.readDouble();
        max = in.readDouble();
        pivot = in.readDouble();
        explorationWeight = in.readDouble();
        seed = in.readString();
        lambda = in.readOptionalDouble();
        if (in.readBoolean()) {
            profile = Optional.ofNullable(in.readOptionalWriteable(ProfileCodec::read));
        }
        now = in.readLong();
    }

    @Override
    protected void doWriteTo(StreamOutput out) throws IOException {
        out.writeString(userId);
        out.writeString(field);
        out.writeOptionalString(model);
        out.writeDouble(queryWeight);
        out.writeDouble(interestWeight);
        out.writeEnum(normalize);
        out.writeDouble(min);
        out.writeDouble(max);
        out.writeDouble(pivot);
        out.writeDouble(explorationWeight);
        out.writeString(seed);
        out.writeOptionalDouble(lambda);
        out.writeBoolean(profile != null);
        if (profile != null) {
            out.writeOptionalWriteable(profile.orElse(null));
        }
        out.writeLong(now);
    }

    @Override
    protected void doXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject(NAME);
        builder.field("user_id", userId);
        builder.field("field", field);
        if (model != null) {
            builder.field("model", model);
        }
        builder.field("query_weight", queryWeight);
        builder.field("interest_weight", interestWeight);
        builder.field("normalize", normalize.name().toLowerCase(Locale.ROOT));
        if (normalize == RescoreMath.Normalize.MIN_MAX) {
            builder.field("min", min).field("max", max);
        } else if (normalize == RescoreMath.Normalize.SATURATE) {
            builder.field("pivot", pivot);
        }
        builder.startObject("exploration").field("weight", explorationWeight).field("seed", seed).endObject();
        if (lambda != null) {
            builder.startObject("diversity").field("lambda", lambda).endObject();
        }
        builder.endObject();
    }

    private InterestRescorerBuilder copy(Supplier<Optional<Profile>> pending) {
        InterestRescorerBuilder b = new InterestRescorerBuilder(context, pending);
        b.userId = userId;
        b.field = field;
        b.model = model;
        b.queryWeight = queryWeight;
        b.interestWeight = interestWeight;
        b.normalize = normalize;
        b.min = min;
        b.max = max;
        b.pivot = pivot;
        b.explorationWeight = explorationWeight;
        b.seed = seed;
        b.lambda = lambda;
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
            return copy(ProfileFetch.register(ctx, userId, model));
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
        ModelParams params = context.params().get();
        RescoreMath.Settings settings = new RescoreMath.Settings(queryWeight, interestWeight, normalize, min, max, pivot,
            explorationWeight, seed, lambda);
        return new InterestRescorer.Context(windowSize, userId, field, settings, profile.orElse(null), now, params, context.explainCache().get());
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
        return Objects.equals(userId, b.userId) && Objects.equals(field, b.field) && Objects.equals(model, b.model) && queryWeight == b.queryWeight
            && interestWeight == b.interestWeight && normalize == b.normalize && min == b.min && max == b.max && pivot == b.pivot
            && explorationWeight == b.explorationWeight && Objects.equals(seed, b.seed) && Objects.equals(lambda, b.lambda)
            && Objects.equals(pending, b.pending) && profile == b.profile && now == b.now;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), userId, field, model, queryWeight, interestWeight, normalize, explorationWeight, seed, lambda);
    }
}
