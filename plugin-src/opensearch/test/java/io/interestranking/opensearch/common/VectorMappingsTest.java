package io.interestranking.opensearch.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensearch.cluster.metadata.MappingMetadata;

class VectorMappingsTest {

    @Test
    void findsKnnVectorFieldsInObjectsWithTheirDimension() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("title", Map.of("type", "text"));
        properties.put("title_vector", Map.of("type", "knn_vector", "dimension", 384));
        properties.put(
                "shop",
                Map.of("properties", Map.of("zh", Map.of("type", "knn_vector", "dimension", 512, "method", Map.of()))));
        properties.put("trained", Map.of("type", "knn_vector", "model_id", "m1"));
        MappingMetadata mapping = new MappingMetadata("_doc", Map.of("properties", properties));

        assertEquals(Map.of("title_vector", 384, "shop.zh", 512, "trained", -1), VectorMappings.knnFields(mapping));
        assertEquals(Map.of(), VectorMappings.knnFields(null));
    }
}
