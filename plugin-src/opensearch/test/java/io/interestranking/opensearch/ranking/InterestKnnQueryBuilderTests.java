package io.interestranking.opensearch.ranking;

import io.interestranking.core.profile.ModelParams;
import io.interestranking.core.profile.Profile;
import java.io.IOException;
import org.apache.lucene.search.Query;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryShardContext;

/**
 * {@code interest_knn} on OpenSearch's query test framework: parsing, wire form, equality, the profile fetched during
 * rewrite (from {@link RankingTestPlugin#profileOf}), and the Lucene query of what it becomes.
 */
public class InterestKnnQueryBuilderTests extends CoordinatorQueryTestCase<InterestKnnQueryBuilder> {

    @Override
    protected InterestKnnQueryBuilder doCreateTestQueryBuilder() {
        String user = (randomInt(3) == 0 ? RankingTestPlugin.UNKNOWN : "user-") + randomAlphaOfLength(6);
        StringBuilder json = new StringBuilder("{\"interest_knn\": {\"field\": \"" + VECTOR_FIELD
                + "\", \"user_id\": \"" + user + "\", \"k\": " + randomIntBetween(1, 100));
        appendModelAndFilter(json);
        if (randomBoolean()) {
            json.append(", \"fallback\": ").append(randomTermQuery(TEXT_FIELD_NAME));
        }
        json.append("}}");
        return parse(json.toString());
    }

    /** The query is what the user's profile makes of it (the fallback for an unknown user), at the search's clock. */
    @Override
    protected void doAssertLuceneQuery(InterestKnnQueryBuilder queryBuilder, Query query, QueryShardContext context)
            throws IOException {
        Profile profile = RankingTestPlugin.profileOf(queryBuilder.userId());
        QueryBuilder expected = queryBuilder.resolve(profile, ModelParams.defaults(), context);
        assertEquals(expected.boost(1f).queryName(null).toQuery(context), query);
    }
}
