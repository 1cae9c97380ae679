package io.interestranking.opensearch.events;

import io.interestranking.opensearch.common.VectorMappings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensearch.cluster.ClusterState;
import org.opensearch.cluster.metadata.IndexAbstraction;
import org.opensearch.cluster.metadata.IndexMetadata;

/** Finds the {@code knn_vector} field of an item's index from the cluster state's mapping. */
public final class ItemVectors {

    private ItemVectors() {}

    /** Thrown for an index that does not exist: the event fails with 404. */
    public static final class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** Where an item's vector lives: the concrete index and its knn_vector field. */
    public record Target(String index, String field) {}

    /** The vector field to read for an item of {@code index}: {@code field} if given (checked), else the only one. */
    public static Target vectorField(ClusterState state, String index, String field) {
        IndexAbstraction abstraction = state.metadata().getIndicesLookup().get(index);
        if (abstraction == null) {
            throw new NotFound("no such index [" + index + "]");
        }
        IndexMetadata meta = abstraction.getWriteIndex() != null
                ? abstraction.getWriteIndex()
                : abstraction.getIndices().size() == 1
                        ? abstraction.getIndices().get(0)
                        : null;
        if (meta == null) {
            throw new IllegalArgumentException("[item.index] [" + index + "] resolves to several indices");
        }
        List<String> vectorFields =
                new ArrayList<>(VectorMappings.knnFields(meta.mapping()).keySet());
        if (field != null) {
            if (vectorFields.contains(field) == false) {
                throw new IllegalArgumentException(
                        "[item.field] [" + field + "] is not a knn_vector field of [" + index + "]");
            }
            return new Target(meta.getIndex().getName(), field);
        }
        if (vectorFields.size() == 1) {
            return new Target(meta.getIndex().getName(), vectorFields.get(0));
        }
        throw new IllegalArgumentException(
                vectorFields.isEmpty()
                        ? "[item.index] [" + index + "] has no knn_vector field"
                        : "[item.field] is required: [" + index + "] has several knn_vector fields " + vectorFields);
    }

    /** The vector stored in a document's source at {@code field}, or null. */
    public static float[] fromSource(Map<String, Object> source, String field) {
        Object value = org.opensearch.common.xcontent.support.XContentMapValues.extractValue(field, source);
        if (value instanceof List<?> list && list.isEmpty() == false) {
            float[] v = new float[list.size()];
            for (int i = 0; i < v.length; i++) {
                if (list.get(i) instanceof Number n) {
                    v[i] = n.floatValue();
                } else {
                    return null;
                }
            }
            return v;
        }
        return null;
    }
}
