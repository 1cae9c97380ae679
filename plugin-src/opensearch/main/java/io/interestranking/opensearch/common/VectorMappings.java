package io.interestranking.opensearch.common;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opensearch.cluster.metadata.MappingMetadata;

/** The {@code knn_vector} fields of an index's mapping, as the cluster state holds it. */
public final class VectorMappings {

    private VectorMappings() {}

    /** Each knn_vector field by path (objects' fields as {@code a.b}), in mapping order, with its dimension. */
    public static Map<String, Integer> knnFields(MappingMetadata mapping) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (mapping != null) {
            collect(mapping.sourceAsMap(), "", out);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Map<String, Object> node, String prefix, Map<String, Integer> out) {
        if (node.get("properties") instanceof Map<?, ?> props) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) props).entrySet()) {
                if (e.getValue() instanceof Map<?, ?> child) {
                    String path = prefix + e.getKey();
                    if ("knn_vector".equals(child.get("type"))) {
                        // no dimension in the mapping: a field of a trained k-NN model (-1: not known here)
                        out.put(path, child.get("dimension") instanceof Number n ? n.intValue() : -1);
                    } else {
                        collect((Map<String, Object>) child, path + ".", out);
                    }
                }
            }
        }
    }
}
