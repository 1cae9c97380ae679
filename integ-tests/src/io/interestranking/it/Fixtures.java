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
    public static Map<String, Object> vectorIndex(
            String pipeline, String textField, String vectorField, int shards, int replicas) {
        return vectorIndex(pipeline, textField, vectorField, 384, shards, replicas, Map.of());
    }

    /** The same with another dimension and more index settings. */
    public static Map<String, Object> vectorIndex(
            String pipeline,
            String textField,
            String vectorField,
            int dimension,
            int shards,
            int replicas,
            Map<String, Object> moreSettings) {
        Map<String, Object> settings = new java.util.HashMap<>(moreSettings);
        settings.putAll(Map.of(
                "knn", true, "number_of_shards", shards, "number_of_replicas", replicas, "default_pipeline", pipeline));
        return Map.of(
                "settings",
                Map.of("index", settings),
                "mappings",
                Map.of("properties", Map.of(textField, Map.of("type", "text"), vectorField, knnField(dimension))));
    }

    /** A {@code text_knn} query on {@code title_vector}. */
    public static Map<String, Object> textKnn(String text, int k) {
        return Map.of("text_knn", Map.of("field", "title_vector", "query_text", text, "k", k));
    }

    /** A search body: the query, rescored by the {@code interest} rescorer over {@code window} hits. */
    public static Map<String, Object> rescored(Map<String, Object> query, int window, Map<String, Object> interest) {
        return Map.of("query", query, "rescore", Map.of("window_size", window, "interest", interest));
    }

    /** The rescorer's parameters ranking by {@code user}'s interests alone on {@code title_vector} (model: null, default). */
    public static Map<String, Object> interestOnly(String user, String model) {
        Map<String, Object> interest = new java.util.HashMap<>(
                Map.of("user_id", user, "field", "title_vector", "query_weight", 0.0, "interest_weight", 1.0));
        if (model != null) {
            interest.put("model", model);
        }
        return interest;
    }

    /** A {@code click} event of {@code user} on an item named by index and id. */
    public static Map<String, Object> click(String user, String index, String id) {
        return Map.of("user_id", user, "type", "click", "item", Map.of("index", index, "id", id));
    }

    /** A {@code statement} event: a text the user said about their tastes, in the space of {@code model} (null: default). */
    public static Map<String, Object> statement(String user, String model, String text) {
        Map<String, Object> event =
                new java.util.HashMap<>(Map.of("user_id", user, "type", "statement", "item", Map.of("text", text)));
        if (model != null) {
            event.put("model", model);
        }
        return event;
    }

    /** A {@code knn_vector} field of this dimension: Lucene's HNSW, cosine similarity. */
    public static Map<String, Object> knnField(int dimension) {
        return Map.of(
                "type",
                "knn_vector",
                "dimension",
                dimension,
                "method",
                Map.of("name", "hnsw", "engine", "lucene", "space_type", "cosinesimil"));
    }

    /** The demo's `items` index (title and description embedded, category, price) with 300 generated items. */
    public static void demoCatalog(Rest rest, java.nio.file.Path root) throws Exception {
        demoCatalog(rest, root, "en");
    }

    /** The demo catalog in a language: `items` (all-MiniLM-L6-v2, 384-d) or, for "zh", `zh-items` (bge-small-zh-v1.5, 512-d). */
    public static void demoCatalog(Rest rest, java.nio.file.Path root, String lang) throws Exception {
        demoCatalog(rest, root, lang, "zh".equals(lang) ? "zh-items" : "items", 300);
    }

    /** One item of the demo catalog, as {@code demo/catalog.py} writes it. */
    public record DemoItem(String id, String category, String description) {}

    /**
     * The first {@code count} items of the demo catalog through a pipeline of the same name into {@code index}
     * (title and description embedded, lucene HNSW); returns them.
     */
    public static List<DemoItem> demoCatalog(Rest rest, java.nio.file.Path root, String lang, String index, int count)
            throws Exception {
        boolean zh = "zh".equals(lang);
        rest.call("DELETE", "/" + index, null);
        Map<String, Object> vector = knnField(zh ? 512 : 384);
        rest.ok(
                "PUT",
                "/_ingest/pipeline/" + index,
                pipeline(Map.of(
                        "field_map",
                        Map.of("title", "title_vector", "description", "description_vector"),
                        "model",
                        zh ? "bge-small-zh-v1.5" : "all-minilm-l6-v2")));
        rest.ok(
                "PUT",
                "/" + index,
                Map.of(
                        "settings",
                                Map.of(
                                        "index",
                                        Map.of("knn", true, "default_pipeline", index, "number_of_replicas", 0)),
                        "mappings",
                                Map.of(
                                        "properties",
                                        Map.of(
                                                "title",
                                                Map.of("type", "text"),
                                                "description",
                                                Map.of("type", "text"),
                                                "category",
                                                Map.of("type", "keyword"),
                                                "price",
                                                Map.of("type", "float"),
                                                "title_vector",
                                                vector,
                                                "description_vector",
                                                vector))));
        String bulk = demoCatalogBulk(root, count, index, lang);
        if (rest.ok("POST", "/_bulk?refresh=true", bulk).get("errors").asBoolean()) {
            throw new IllegalStateException("the demo catalog did not load");
        }
        return demoItems(bulk);
    }

    /** The {@code _bulk} body {@code demo/catalog.py} writes for {@code count} items into {@code index}. */
    public static String demoCatalogBulk(java.nio.file.Path root, int count, String index, String lang)
            throws Exception {
        Process catalog = new ProcessBuilder(
                        "python3", root.resolve("demo/catalog.py").toString(), String.valueOf(count), index, lang)
                .start();
        String bulk = new String(catalog.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (catalog.waitFor(1, java.util.concurrent.TimeUnit.MINUTES) == false || catalog.exitValue() != 0) {
            throw new IllegalStateException("demo/catalog.py failed");
        }
        return bulk;
    }

    /** The items of a demo-catalog {@code _bulk} body. */
    public static List<DemoItem> demoItems(String bulk) throws java.io.IOException {
        List<DemoItem> items = new java.util.ArrayList<>();
        String[] lines = bulk.split("\n");
        for (int i = 0; i + 1 < lines.length; i += 2) {
            var doc = Rest.JSON.readTree(lines[i + 1]);
            items.add(new DemoItem(
                    Rest.JSON.readTree(lines[i]).get("index").get("_id").asText(),
                    doc.get("category").asText(),
                    doc.get("description").asText()));
        }
        return items;
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
            "The mitochondria is the powerhouse of the cell, producing ATP through oxidative phosphorylation in the inner membrane.");
}
