package io.interestranking.opensearch.ranking;

import io.interestranking.opensearch.settings.InterestConfig;
import java.io.IOException;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.test.AbstractSerializingTestCase;

/**
 * The {@code interest} rescorer's request form on OpenSearch's test framework: wire form, XContent as the search
 * source renders and parses it ({@code window_size} beside the rescorer's own object), equality.
 */
public class InterestRescorerBuilderTests extends AbstractSerializingTestCase<InterestRescorerBuilder> {

    private final RankingContext context =
            new RankingContext(() -> null, () -> null, new InterestConfig(Settings.EMPTY), () -> null, null, null);

    @Override
    protected Writeable.Reader<InterestRescorerBuilder> instanceReader() {
        return in -> new InterestRescorerBuilder(in, context);
    }

    @Override
    protected InterestRescorerBuilder createTestInstance() {
        StringBuilder json = new StringBuilder(
                "{\"user_id\": \"" + randomAlphaOfLength(6) + "\", \"field\": \"" + randomAlphaOfLength(4) + "\"");
        if (randomBoolean()) {
            json.append(", \"model\": \"").append(randomAlphaOfLength(5)).append('"');
        }
        json.append(", \"query_weight\": ").append(randomDoubleBetween(0, 10, true));
        json.append(", \"interest_weight\": ").append(randomDoubleBetween(0, 10, true));
        switch (randomIntBetween(0, 2)) {
            case 0 -> json.append(", \"normalize\": \"none\"");
            case 1 ->
                json.append(", \"normalize\": \"min_max\", \"min\": ")
                        .append(randomDoubleBetween(-5, 0, true))
                        .append(", \"max\": ")
                        .append(randomDoubleBetween(0.5, 5, true));
            default ->
                json.append(", \"normalize\": \"saturate\", \"pivot\": ").append(randomDoubleBetween(0.5, 50, true));
        }
        if (randomBoolean()) {
            json.append(", \"exploration\": {\"weight\": ")
                    .append(randomDoubleBetween(0, 1, true))
                    .append(", \"seed\": \"")
                    .append(randomAlphaOfLength(4))
                    .append("\"}");
        }
        if (randomBoolean()) {
            json.append(", \"diversity\": {\"lambda\": ")
                    .append(randomDoubleBetween(0, 1, true))
                    .append('}');
        }
        json.append('}');
        try (XContentParser parser = JsonXContent.jsonXContent.createParser(
                NamedXContentRegistry.EMPTY, DeprecationHandler.THROW_UNSUPPORTED_OPERATION, json.toString())) {
            parser.nextToken();
            InterestRescorerBuilder builder = InterestRescorerBuilder.fromXContent(parser, context);
            if (randomBoolean()) {
                builder.windowSize(randomIntBetween(1, 1000));
            }
            return builder;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    protected InterestRescorerBuilder doParseInstance(XContentParser parser) throws IOException {
        Integer windowSize = null;
        InterestRescorerBuilder builder = null;
        assertEquals(XContentParser.Token.START_OBJECT, parser.nextToken());
        while (parser.nextToken() == XContentParser.Token.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if ("window_size".equals(name)) {
                windowSize = parser.intValue();
            } else {
                assertEquals(InterestRescorerBuilder.NAME, name);
                builder = InterestRescorerBuilder.fromXContent(parser, context);
            }
        }
        assertNotNull(builder);
        if (windowSize != null) {
            builder.windowSize(windowSize);
        }
        return builder;
    }
}
