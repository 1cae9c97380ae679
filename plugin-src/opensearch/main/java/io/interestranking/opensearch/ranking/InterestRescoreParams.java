package io.interestranking.opensearch.ranking;

import io.interestranking.core.profile.UserIds;
import io.interestranking.core.scoring.RescoreMath;
import java.io.IOException;
import java.util.Locale;
import org.opensearch.core.ParseField;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ObjectParser;
import org.opensearch.core.xcontent.ToXContentFragment;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

/**
 * What a request asks of the {@code interest} rescorer: whose profile, which vector field and model, and how to
 * score ({@link RescoreMath.Settings}). Parsed, validated, sent between nodes and rendered here alone, so that a new
 * parameter is one field, one parser line, one stream line and one rendering line.
 *
 * @param model the model whose space the profile is read in; null: the default model
 */
public record InterestRescoreParams(String userId, String field, String model, RescoreMath.Settings scoring)
        implements Writeable, ToXContentFragment {

    private static final String NAME = InterestRescorerBuilder.NAME;

    /** The parsed values, mutable while parsing; the defaults are the rescorer's. */
    private static final class Parsed {
        String userId;
        String field;
        String model;
        double queryWeight = 0.7;
        double interestWeight = 0.3;
        RescoreMath.Normalize normalize = RescoreMath.Normalize.NONE;
        double min = 0;
        double max = 1;
        double pivot = 10;
        double explorationWeight = 0;
        String seed = "";
        Double lambda;
    }

    private static final ObjectParser<Parsed, Void> PARSER = new ObjectParser<>(NAME, Parsed::new);
    private static final ObjectParser<Parsed, Void> EXPLORATION = new ObjectParser<>("exploration", Parsed::new);
    private static final ObjectParser<Parsed, Void> DIVERSITY = new ObjectParser<>("diversity", Parsed::new);

    static {
        PARSER.declareString((p, v) -> p.userId = v, new ParseField("user_id"));
        PARSER.declareString((p, v) -> p.field = v, new ParseField("field"));
        PARSER.declareString((p, v) -> p.model = v, new ParseField("model"));
        PARSER.declareDouble((p, v) -> p.queryWeight = v, new ParseField("query_weight"));
        PARSER.declareDouble((p, v) -> p.interestWeight = v, new ParseField("interest_weight"));
        PARSER.declareString((p, v) -> p.normalize = RescoreMath.Normalize.parse(v, NAME), new ParseField("normalize"));
        PARSER.declareDouble((p, v) -> p.min = v, new ParseField("min"));
        PARSER.declareDouble((p, v) -> p.max = v, new ParseField("max"));
        PARSER.declareDouble((p, v) -> p.pivot = v, new ParseField("pivot"));
        PARSER.declareObject(
                (p, e) -> {
                    p.explorationWeight = e.explorationWeight;
                    p.seed = e.seed;
                },
                (parser, c) -> EXPLORATION.parse(parser, null),
                new ParseField("exploration"));
        PARSER.declareObject(
                (p, d) -> p.lambda = d.lambda,
                (parser, c) -> DIVERSITY.parse(parser, null),
                new ParseField("diversity"));
        EXPLORATION.declareDouble((p, v) -> p.explorationWeight = v, new ParseField("weight"));
        EXPLORATION.declareString((p, v) -> p.seed = v, new ParseField("seed"));
        DIVERSITY.declareDouble((p, v) -> p.lambda = v, new ParseField("lambda"));
    }

    public static InterestRescoreParams parse(XContentParser parser) throws IOException {
        Parsed p = PARSER.parse(parser, null);
        return new InterestRescoreParams(
                        p.userId,
                        p.field,
                        p.model,
                        new RescoreMath.Settings(
                                p.queryWeight,
                                p.interestWeight,
                                p.normalize,
                                p.min,
                                p.max,
                                p.pivot,
                                p.explorationWeight,
                                p.seed,
                                p.lambda))
                .validate();
    }

    /** Itself, or an IllegalArgumentException (a 400) that names the field. */
    InterestRescoreParams validate() {
        if (userId == null) {
            throw new IllegalArgumentException("[" + NAME + "] requires [user_id]");
        }
        UserIds.check(userId);
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("[" + NAME + "] requires [field]");
        }
        scoring.validate(NAME);
        return this;
    }

    public static InterestRescoreParams readFrom(StreamInput in) throws IOException {
        return new InterestRescoreParams(
                in.readString(),
                in.readString(),
                in.readOptionalString(),
                new RescoreMath.Settings(
                        in.readDouble(),
                        in.readDouble(),
                        in.readEnum(RescoreMath.Normalize.class),
                        in.readDouble(),
                        in.readDouble(),
                        in.readDouble(),
                        in.readDouble(),
                        in.readString(),
                        in.readOptionalDouble()));
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeString(userId);
        out.writeString(field);
        out.writeOptionalString(model);
        out.writeDouble(scoring.queryWeight());
        out.writeDouble(scoring.interestWeight());
        out.writeEnum(scoring.normalize());
        out.writeDouble(scoring.min());
        out.writeDouble(scoring.max());
        out.writeDouble(scoring.pivot());
        out.writeDouble(scoring.explorationWeight());
        out.writeString(scoring.seed());
        out.writeOptionalDouble(scoring.lambda());
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.field("user_id", userId).field("field", field);
        if (model != null) {
            builder.field("model", model);
        }
        builder.field("query_weight", scoring.queryWeight()).field("interest_weight", scoring.interestWeight());
        builder.field("normalize", scoring.normalize().name().toLowerCase(Locale.ROOT));
        if (scoring.normalize() == RescoreMath.Normalize.MIN_MAX) {
            builder.field("min", scoring.min()).field("max", scoring.max());
        } else if (scoring.normalize() == RescoreMath.Normalize.SATURATE) {
            builder.field("pivot", scoring.pivot());
        }
        builder.startObject("exploration")
                .field("weight", scoring.explorationWeight())
                .field("seed", scoring.seed())
                .endObject();
        if (scoring.lambda() != null) {
            builder.startObject("diversity").field("lambda", scoring.lambda()).endObject();
        }
        return builder;
    }
}
