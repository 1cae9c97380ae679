package io.interestranking.ranking;

import io.interestranking.embedding.EmbeddingService;
import io.interestranking.embedding.TextKind;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.search.Query;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.mapper.MapperService;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryShardContext;
import org.opensearch.knn.plugin.KNNPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.AbstractQueryTestCase;
import org.opensearch.test.TestGeoShapeFieldMapperPlugin;

/** {@code text_knn} on OpenSearch's query test framework: parsing, wire form, equality, rewrite to k-NN, Lucene. */
public class TextKnnQueryBuilderTests extends AbstractQueryTestCase<TextKnnQueryBuilder> {

    private static EmbeddingService embeddings;
    static final List<String> TEXTS =
            List.of("waterproof hiking boots", "espresso machine", "trail running shoes", "a novel about the sea");

    /** k-NN's mapper reads its model index settings from a singleton its plugin initialises with the node. */
    @BeforeClass
    public static void initialiseKnn() {
        KnnTestSetup.initialise();
        embeddings = RankingTestPlugin.embeddingService();
    }

    @AfterClass
    public static void closeEmbeddings() {
        embeddings.close();
        embeddings = null;
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
    protected TextKnnQueryBuilder doCreateTestQueryBuilder() {
        StringBuilder json = new StringBuilder("{\"text_knn\": {\"field\": \"" + KnnTestSetup.VECTOR_FIELD
                + "\", \"query_text\": \"" + randomFrom(TEXTS) + "\", \"k\": " + randomIntBetween(1, 100));
        if (randomBoolean()) {
            json.append(", \"model\": \"").append(RankingTestPlugin.MODEL).append('"');
        }
        if (randomBoolean()) {
            json.append(", \"filter\": ").append(KnnTestSetup.randomTermQuery(TEXT_FIELD_NAME));
        }
        json.append("}}");
        try {
            return (TextKnnQueryBuilder) parseQuery(json.toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The query is k-NN's for the text's embedding (made here by a service of our own). */
    @Override
    protected void doAssertLuceneQuery(TextKnnQueryBuilder queryBuilder, Query query, QueryShardContext context)
            throws IOException {
        float[] vector =
                embeddings.embedNow(RankingTestPlugin.MODEL, List.of(queryBuilder.queryText()), TextKind.QUERY)[0];
        QueryBuilder expected =
                KnnAdapter.knn(queryBuilder.field(), vector, queryBuilder.k(), queryBuilder.filterQuery(), 1f, null);
        assertEquals(expected.toQuery(context), query);
    }

    @Override
    public void testMustRewrite() throws IOException {
        KnnTestSetup.assertMustRewrite(createShardContext(), createTestQueryBuilder());
    }
}
