package io.interestranking.it;

import java.util.List;
import java.util.Map;

/** Index and pipeline definitions shared by the integration tests. */
public final class Fixtures {

    private Fixtures() {}

    /** An index whose {@code title} is embedded into a 384-d lucene HNSW field {@code title_vector}. */
    public static Map<String, Object> itemIndex(String pipeline, int shards, int replicas) {
        return vectorIndex(pipeline, "title", "title_vector", shards, replicas);
    }

    /** An index with one text field and one 384-d lucene HNSW vector field (faiss cannot run here). */
    public static Map<String, Object> vectorIndex(String pipeline, String textField, String vectorField, int shards, int replicas) {
        return Map.of(
            "settings",
            Map.of("index", Map.of("knn", true, "number_of_shards", shards, "number_of_replicas", replicas, "default_pipeline", pipeline)),
            "mappings",
            Map.of(
                "properties",
                Map.of(
                    textField,
                    Map.of("type", "text"),
                    vectorField,
                    Map.of(
                        "type",
                        "knn_vector",
                        "dimension",
                        384,
                        "method",
                        Map.of("name", "hnsw", "engine", "lucene", "space_type", "cosinesimil")
                    )
                )
            )
        );
    }

    public static Map<String, Object> pipeline(Map<String, Object> options) {
        return Map.of("processors", List.of(Map.of("interest_embedding", options)));
    }

    public static Map<String, Object> titlePipeline() {
        return pipeline(Map.of("field_map", Map.of("title", "title_vector"), "model", "all-minilm-l6-v2"));
    }

    /** Varied texts within 128 word pieces (the reference implementation truncates at 128). */
    public static final List<String> VARIED_TEXTS = List.of(
        "a",
        "OK",
        "42",
        "Hello, world!",
        "waterproof hiking boots",
        "The quick brown fox jumps over the lazy dog.",
        "Lightweight trail running shoes with a breathable mesh upper and a rock plate for technical descents.",
        "Le chat dort sur le canapé pendant que la pluie tombe sur Paris.",
        "Ich hätte gern einen Kaffee mit Milch, bitte.",
        "¿Dónde está la estación de tren más cercana?",
        "Москва — столица России.",
        "東京は日本の首都です。",
        "Αθήνα είναι η πρωτεύουσα της Ελλάδας.",
        "🙂🚀",
        "C++ templates vs. Java generics: type erasure explained",
        "SELECT * FROM users WHERE id = 7;",
        "   leading and trailing spaces   ",
        "line one\nline two\ttabbed",
        "Vitamin D supplementation reduces the risk of acute respiratory infections in randomized controlled trials.",
        "BRCA1 mutations increase breast cancer risk.",
        "new york new york new york new york",
        "e-mail: someone@example.com, url: https://example.com/path?q=1",
        "The mitochondria is the powerhouse of the cell, producing ATP through oxidative phosphorylation in the inner membrane."
    );
}
