package io.interestranking.opensearch.ranking;

import io.interestranking.core.embedding.EmbeddingService;
import io.interestranking.core.embedding.TextKind;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.Query;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryShardContext;

/** {@code text_knn} on OpenSearch's query test framework: parsing, wire form, equality, rewrite to k-NN, Lucene. */
public class TextKnnQueryBuilderTests extends CoordinatorQueryTestCase<TextKnnQueryBuilder> {

    private static EmbeddingService embeddings;
    static final List<String> TEXTS =
            List.of("waterproof hiking boots", "espresso machine", "trail running shoes", "a novel about the sea");

    @BeforeClass
    public static void startEmbeddings() {
        embeddings = RankingTestPlugin.embeddingService();
    }

    @AfterClass
    public static void closeEmbeddings() {
        embeddings.close();
        embeddings = null;
    }

    @Override
    protected TextKnnQueryBuilder doCreateTestQueryBuilder() {
        StringBuilder json = new StringBuilder("{\"text_knn\": {\"field\": \"" + VECTOR_FIELD + "\", \"query_text\": \""
                + randomFrom(TEXTS) + "\", \"k\": " + randomIntBetween(1, 100));
        appendModelAndFilter(json);
        json.append("}}");
        return parse(json.toString());
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
}
