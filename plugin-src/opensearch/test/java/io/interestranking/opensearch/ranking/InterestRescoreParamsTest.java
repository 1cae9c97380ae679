package io.interestranking.opensearch.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.interestranking.core.scoring.RescoreMath;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

class InterestRescoreParamsTest {

    static final String FULL = """
        {"user_id": "u1", "field": "v", "model": "m", "query_weight": 0.5, "interest_weight": 2, "normalize": "min_max",
         "min": -1, "max": 3, "exploration": {"weight": 0.1, "seed": "s"}, "diversity": {"lambda": 0.8}}""";

    static XContentParser parser(String json) throws IOException {
        return JsonXContent.jsonXContent.createParser(
                NamedXContentRegistry.EMPTY, DeprecationHandler.THROW_UNSUPPORTED_OPERATION, json);
    }

    static InterestRescoreParams parse(String json) throws IOException {
        try (XContentParser p = parser(json)) {
            return InterestRescoreParams.parse(p);
        }
    }

    static String render(ToXContent fragment) throws IOException {
        XContentBuilder b = JsonXContent.contentBuilder().startObject();
        fragment.toXContent(b, ToXContent.EMPTY_PARAMS);
        return BytesReference.bytes(b.endObject()).utf8ToString();
    }

    @Test
    void parsesEveryField() throws IOException {
        InterestRescoreParams p = parse(FULL);
        assertEquals("u1", p.userId());
        assertEquals("v", p.field());
        assertEquals("m", p.model());
        assertEquals(
                new RescoreMath.Settings(0.5, 2, RescoreMath.Normalize.MIN_MAX, -1, 3, 10, 0.1, "s", 0.8), p.scoring());
    }

    @Test
    void defaults() throws IOException {
        InterestRescoreParams p = parse("{\"user_id\": \"u1\", \"field\": \"v\"}");
        assertNull(p.model());
        assertEquals(
                new RescoreMath.Settings(0.7, 0.3, RescoreMath.Normalize.NONE, 0, 1, 10, 0, "", null), p.scoring());
    }

    @Test
    void roundTripsThroughXContentAndTheWire() throws IOException {
        for (String json :
                new String[] {FULL, "{\"user_id\": \"u1\", \"field\": \"v\", \"normalize\": \"saturate\", \"pivot\": 4}"
                }) {
            InterestRescoreParams p = parse(json);
            assertEquals(p, parse(render(p)));
            BytesStreamOutput out = new BytesStreamOutput();
            p.writeTo(out);
            InterestRescoreParams back =
                    InterestRescoreParams.readFrom(out.bytes().streamInput());
            assertEquals(p, back);
            assertEquals(p.hashCode(), back.hashCode());
        }
        assertNotEquals(parse(FULL), parse(FULL.replace("\"seed\": \"s\"", "\"seed\": \"t\"")));
    }

    @Test
    void refusalsNameTheField() {
        assertMessage("{\"field\": \"v\"}", "[interest] requires [user_id]");
        assertMessage("{\"user_id\": \"u1\"}", "[interest] requires [field]");
        assertMessage(
                "{\"user_id\": \"u1\", \"field\": \"v\", \"normalize\": \"log\"}",
                "[normalize] must be one of [none, min_max, saturate]");
        assertMessage(
                "{\"user_id\": \"u1\", \"field\": \"v\", \"diversity\": {\"lambda\": 2}}",
                "[diversity.lambda] must be between 0.0 and 1.0");
        assertMessage(
                "{\"user_id\": \"u1\", \"field\": \"v\", \"normalize\": \"min_max\", \"min\": 2, \"max\": 1}",
                "[max] must be greater than [min]");
        assertMessage(
                "{\"user_id\": \"u1\", \"field\": \"v\", \"exploration\": {\"wieght\": 1}}", "unknown field [wieght]");
    }

    static void assertMessage(String json, String expected) {
        Exception e = assertThrows(Exception.class, () -> parse(json));
        String all =
                e.getMessage() + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
        assertTrue(all.contains(expected), all);
    }
}
