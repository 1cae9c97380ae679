package io.interestranking.ranking;

import io.interestranking.profile.ModelParams;
import io.interestranking.profile.Profile;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.search.Query;
import org.junit.BeforeClass;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.mapper.MapperService;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryShardContext;
import org.opensearch.knn.plugin.KNNPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.AbstractQueryTestCase;
import org.opensearch.test.TestGeoShapeFieldMapperPlugin;

/**
 * {@code interest_knn} on OpenSearch's query test framework: parsing, wire form, equality, the profile fetched during
 * rewrite (from {@link RankingTestPlugin#profileOf}), and the Lucene query of what it becomes.
 */
public class InterestKnnQueryBuilderTests extends AbstractQueryTestCase<InterestKnnQueryBuilder> {

    @BeforeClass
    public static void initialiseKnn() {
        KnnTestSetup.initialise();
    }

    @Override
    protected Collection<Class<? extends Plugin>> getPlugins() {
        return List.of(KNNPlugin.class, RankingTestPlugin.class, TestGeoShapeFieldMapperPlugin.class);
    }

    @Override
    protected Settings createTestIndexSettings() {
        return KnnTestSetup.indexSettings(super.createTestIndexSettings());
    }

    @Override
    protected void initializeAdditionalMappings(MapperService mapperService) throws IOException {
        KnnTestSetup.mapVectorField(mapperService);
    }

    @Override
    protected InterestKnnQueryBuilder doCreateTestQueryBuilder() {
        String user = (randomInt(3) == 0 ? RankingTestPlugin.UNKNOWN : "user-") + randomAlphaOfLength(6);
        StringBuilder json = new StringBuilder("{\"interest_knn\": {\"field\": \"" + KnnTestSetup.VECTOR_FIELD
                + "\", \"user_id\": \"" + user + "\", \"k\": " + randomIntBetween(1, 100));
        if (randomBoolean()) {
            json.append(", \"model\": \"").append(RankingTestPlugin.MODEL).append('"');
        }
        if (randomBoolean()) {
            json.append(", \"filter\": ").append(KnnTestSetup.randomTermQuery(TEXT_FIELD_NAME));
        }
        if (randomBoolean()) {
            json.append(", \"fallback\": ").append(KnnTestSetup.randomTermQuery(TEXT_FIELD_NAME));
        }
        json.append("}}");
        try {
            return (InterestKnnQueryBuilder) parseQuery(json.toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The query is what the user's profile makes of it (the fallback for an unknown user), at the search's clock. */
    @Override
    protected void doAssertLuceneQuery(InterestKnnQueryBuilder queryBuilder, Query query, QueryShardContext context)
            throws IOException {
        Profile profile = RankingTestPlugin.profileOf(queryBuilder.userId());
        QueryBuilder expected = queryBuilder.resolve(profile, ModelParams.defaults(), context);
        assertEquals(expected.boost(1f).queryName(null).toQuery(context), query);
    }

    @Override
    public void testMustRewrite() throws IOException {
        KnnTestSetup.assertMustRewrite(createShardContext(), createTestQueryBuilder());
    }
}
