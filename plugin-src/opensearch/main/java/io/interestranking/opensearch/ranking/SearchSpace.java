package io.interestranking.opensearch.ranking;

import io.interestranking.opensearch.common.VectorMappings;
import java.util.Map;
import java.util.TreeMap;
import org.opensearch.action.IndicesRequest;
import org.opensearch.cluster.ClusterState;
import org.opensearch.cluster.metadata.IndexMetadata;
import org.opensearch.cluster.metadata.IndexNameExpressionResolver;
import org.opensearch.index.query.QueryCoordinatorContext;
import org.opensearch.index.query.QueryRewriteContext;

/**
 * The model a search's vector field is in, decided once on the coordinating node from the mappings of the indices
 * the search reads, by the rule events follow ({@link io.interestranking.core.embedding.ModelRegistry#forDimension}): a
 * named model must have the field's dimension; without one, the default model, or the one space of the field's
 * dimension. So a search never reads a profile (or embeds a query) of another space than its field's — a 400 naming
 * both instead, also for a user who has no profile — and a catalog embedded by another model needs no {@code model}
 * in its searches, as its events need none.
 */
final class SearchSpace {

    private SearchSpace() {}

    /**
     * The model to use: as above where the rewrite knows the searched indices and the field is a knn_vector field of
     * one dimension in them; otherwise (a shard's own rewrite, a field mapped nowhere) the named or default model,
     * and the shards check what they read.
     */
    static String model(QueryRewriteContext ctx, RankingContext context, String query, String field, String named) {
        String fallback = named != null ? named : context.config().defaultModel();
        QueryCoordinatorContext coordinator = ctx.convertToCoordinatorContext();
        if (coordinator == null || coordinator.getSearchRequest() == null) {
            return fallback;
        }
        Map<String, Integer> dimensions =
                new TreeMap<>(context.fields().dimensions(coordinator.getSearchRequest(), field));
        dimensions.values().removeIf(d -> d < 0); // a trained k-NN model's field: its dimension is not in the mapping
        if (dimensions.isEmpty()) {
            return fallback;
        }
        if (dimensions.values().stream().distinct().count() > 1) {
            throw new IllegalArgumentException("[" + query + "] field [" + field + "] has different dimensions in the"
                    + " indices searched " + dimensions + ": search them separately");
        }
        Map.Entry<String, Integer> first = dimensions.entrySet().iterator().next();
        String where = "[" + query + "] field [" + field + "] of [" + first.getKey() + "] has " + first.getValue()
                + " dimensions";
        return context.embeddings()
                .get()
                .registry()
                .forDimension(named, context.config().defaultModel(), first.getValue(), where)
                .name();
    }

    /**
     * The dimension of {@code field} in each index the search reads where it is a knn_vector field (-1: a trained
     * model's field); none when the indices cannot be resolved here (the search itself will say why).
     */
    static Map<String, Integer> dimensions(
            ClusterState state, IndexNameExpressionResolver resolver, IndicesRequest search, String field) {
        Map<String, Integer> out = new TreeMap<>();
        String[] names;
        try {
            names = resolver.concreteIndexNames(state, search);
        } catch (RuntimeException e) { // a missing index, a remote cluster's: not for this check to report
            return out;
        }
        for (String name : names) {
            IndexMetadata meta = state.metadata().index(name);
            Integer dimension = meta == null
                    ? null
                    : VectorMappings.knnFields(meta.mapping()).get(field);
            if (dimension != null) {
                out.put(name, dimension);
            }
        }
        return out;
    }
}
