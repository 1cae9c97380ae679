package io.interestranking.opensearch.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.interestranking.core.profile.Event;
import io.interestranking.core.profile.EventType;
import io.interestranking.core.profile.InterestModel;
import io.interestranking.core.profile.ModelParams;
import io.interestranking.core.profile.Profile;
import io.interestranking.core.scoring.InterestKnnPlan;
import org.junit.jupiter.api.Test;
import org.opensearch.common.lucene.search.function.CombineFunction;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.BoolQueryBuilder;
import org.opensearch.index.query.BoostingQueryBuilder;
import org.opensearch.index.query.DisMaxQueryBuilder;
import org.opensearch.index.query.MatchAllQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.TermQueryBuilder;
import org.opensearch.index.query.functionscore.FunctionScoreQueryBuilder;

class InterestKnnBuildTest {

    static final long T = 1_700_000_000_000L;
    /** The core queries' parsers, for inner queries (filter, fallback). */
    static final NamedXContentRegistry REGISTRY = new NamedXContentRegistry(
            new org.opensearch.search.SearchModule(org.opensearch.common.settings.Settings.EMPTY, java.util.List.of())
                    .getNamedXContents());

    static InterestKnnQueryBuilder parse(String json) throws Exception {
        try (XContentParser p = JsonXContent.jsonXContent.createParser(
                REGISTRY, DeprecationHandler.THROW_UNSUPPORTED_OPERATION, json)) {
            p.nextToken();
            return InterestKnnQueryBuilder.fromXContent(p, null);
        }
    }

    @Test
    void interestsBecomeADisMaxTheShortTermAddsAndTheNegativeInterestPushesDown() throws Exception {
        ModelParams params = ModelParams.defaults();
        InterestModel model = new InterestModel(params);
        Profile p = new Profile("u", "m");
        model.apply(p, new Event(EventType.CLICK, T, new float[] {1, 0, 0}, "a", null, 1, null));
        model.apply(p, new Event(EventType.PURCHASE, T, new float[] {0, 1, 0}, "b", null, 1, null));
        model.apply(p, new Event(EventType.DISLIKE, T, new float[] {0, 0, 1}, "c", null, 1, null));
        QueryBuilder q = parse("{\"field\": \"v\", \"user_id\": \"u\"}").build(p, params, T);
        BoostingQueryBuilder boosting = assertInstanceOf(BoostingQueryBuilder.class, q);
        // negative weight 2 → c_N = 2/3; keep = 1 − 0.5·2/3 = 2/3
        assertEquals(2f / 3, boosting.negativeBoost(), 1e-6);
        BoolQueryBuilder positive = assertInstanceOf(BoolQueryBuilder.class, boosting.positiveQuery());
        assertEquals(2, positive.should().size());
        DisMaxQueryBuilder interests =
                assertInstanceOf(DisMaxQueryBuilder.class, positive.should().get(0));
        // interests weigh 1 (click) and 4 (purchase): confidences (w½ 1) 1/2 and 4/5, shares (1/2)/(4/5) = 0.625
        // and 1. The weaker one's k-NN score s = (1 + cos)/2 becomes 0.625·(s + 0.3) = (1 + 0.625·cos)/2
        assertEquals(2, interests.innerQueries().size());
        FunctionScoreQueryBuilder weaker = assertInstanceOf(
                FunctionScoreQueryBuilder.class, interests.innerQueries().get(0));
        assertEquals(0.625f, weaker.boost(), 1e-6);
        assertEquals(CombineFunction.SUM, weaker.boostMode());
        assertEquals(0.3f, weaker.filterFunctionBuilders()[0].getScoreFunction().getWeight(), 1e-6);
        assertEquals(1f, interests.innerQueries().get(1).boost(), 1e-6); // the top interest: its k-NN score as is
        // short-term w = 5 → 0.3·5/6 = 0.25, added to the best interest's score
        assertEquals(0.25f, positive.should().get(1).boost(), 1e-6);
    }

    @Test
    void aShareScalesTheCosineNotTheScore() {
        // k-NN scores of a cosine c: (1 + c)/2. Share 0.8, cos 0.9 → (1 + 0.72)/2 = 0.86; share 1, cos 0.75 → 0.875
        assertEquals(0.86, scoreOf(0.8, 0.9), 1e-6);
        assertEquals(0.875, scoreOf(1, 0.75), 1e-6);
        // and the order follows r·cos: 0.8·0.95 = 0.76 beats 1·0.75 (a boost of 0.8 on the score would give 0.78 <
        // 0.875)
        assertEquals(true, scoreOf(0.8, 0.95) > scoreOf(1, 0.75));
    }

    /** What {@link InterestKnnQueryBuilder#scaledCosine} makes of the k-NN score of cosine c with share r. */
    static double scoreOf(double r, double c) {
        double s = (1 + c) / 2;
        QueryBuilder q =
                InterestKnnQueryBuilder.scaledCosine(new MatchAllQueryBuilder(), new InterestKnnPlan.Scaled(null, r));
        if (q instanceof FunctionScoreQueryBuilder f) {
            assertEquals(CombineFunction.SUM, f.boostMode());
            return f.boost()
                    * (s + f.filterFunctionBuilders()[0].getScoreFunction().getWeight());
        }
        return q.boost() * s;
    }

    @Test
    void unknownFieldsAndMissingUserAreRejected() {
        String unknown = org.junit.jupiter.api.Assertions.assertThrows(
                        Exception.class, () -> parse("{\"field\": \"v\", \"user_id\": \"u\", \"colour\": 1}"))
                .getMessage();
        assertEquals(true, unknown.contains("colour"), unknown);
        String missing = org.junit.jupiter.api.Assertions.assertThrows(
                        IllegalArgumentException.class, () -> parse("{\"field\": \"v\"}"))
                .getMessage();
        assertEquals(true, missing.contains("user_id"), missing);
    }

    @Test
    void withoutPositiveInterestsTheFallbackRunsWithFilterBoostAndName() throws Exception {
        ModelParams params = ModelParams.defaults();
        Profile p = new Profile("u", "m");
        new InterestModel(params).apply(p, new Event(EventType.DISLIKE, T, new float[] {0, 0, 1}, "c", null, 1, null));
        QueryBuilder q = parse("""
            {"field": "v", "user_id": "u", "boost": 2, "_name": "recs", "filter": {"term": {"colour": "red"}},
             "fallback": {"match_all": {}}}""").build(p, params, T);
        BoolQueryBuilder bool = assertInstanceOf(BoolQueryBuilder.class, q);
        assertInstanceOf(MatchAllQueryBuilder.class, bool.must().get(0));
        assertEquals(1f, bool.must().get(0).boost()); // the parsed fallback itself is left alone
        assertInstanceOf(TermQueryBuilder.class, bool.filter().get(0));
        assertEquals(2f, bool.boost());
        assertEquals("recs", bool.queryName());
    }

    @Test
    void kOutOfRangeIsRejectedWithTheQueryName() {
        String message = org.junit.jupiter.api.Assertions.assertThrows(
                        IllegalArgumentException.class, () -> parse("{\"field\": \"v\", \"user_id\": \"u\", \"k\": 0}"))
                .getMessage();
        assertEquals("[interest_knn] [k] must be between 1 and 10000, got 0", message);
    }
}
