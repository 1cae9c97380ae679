package io.interestranking.opensearch.ranking;

import org.opensearch.index.query.QueryBuilder;
import org.opensearch.knn.index.query.KNNQueryBuilder;

/** The one place that touches the k-NN plugin's API: builds its {@code knn} query. */
public final class KnnAdapter {

    private KnnAdapter() {}

    public static QueryBuilder knn(
            String field, float[] vector, int k, QueryBuilder filter, float boost, String queryName) {
        KNNQueryBuilder.Builder builder =
                KNNQueryBuilder.builder().fieldName(field).vector(vector).k(k).boost(boost);
        if (filter != null) {
            builder.filter(filter);
        }
        if (queryName != null) {
            builder.queryName(queryName);
        }
        return builder.build();
    }
}
