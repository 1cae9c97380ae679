package io.interestranking.opensearch.ingest;

import static org.opensearch.ingest.ConfigurationUtils.newConfigurationException;

import io.interestranking.core.embedding.EmbeddingService;
import io.interestranking.opensearch.settings.InterestSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.opensearch.ingest.ConfigurationUtils;
import org.opensearch.ingest.Processor;

/**
 * Builds {@link InterestEmbeddingProcessor}s. Options it does not read are left in the config, and OpenSearch
 * then refuses the pipeline with a 400 naming them.
 */
public final class InterestEmbeddingProcessorFactory implements Processor.Factory {

    public static final int DEFAULT_BATCH_SIZE = InterestSettings.DEFAULT_EMBED_CHUNK;
    public static final int MAX_BATCH_SIZE = 1024;

    private final Supplier<EmbeddingService> embeddings;
    private final Supplier<String> defaultModel;

    /** Suppliers: the embedding service exists only once the node has created its components. */
    public InterestEmbeddingProcessorFactory(Supplier<EmbeddingService> embeddings, Supplier<String> defaultModel) {
        this.embeddings = embeddings;
        this.defaultModel = defaultModel;
    }

    @Override
    public InterestEmbeddingProcessor create(
            Map<String, Processor.Factory> factories, String tag, String description, Map<String, Object> config) {
        String type = InterestEmbeddingProcessor.TYPE;
        Map<String, Object> rawMap = ConfigurationUtils.readMap(type, tag, config, "field_map");
        if (rawMap.isEmpty()) {
            throw newConfigurationException(
                    type, tag, "field_map", "must map at least one source field to a vector field");
        }
        Map<String, String> fieldMap = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : rawMap.entrySet()) {
            if (e.getValue() instanceof String target && target.isBlank() == false) {
                if (target.equals(e.getKey())) {
                    throw newConfigurationException(
                            type, tag, "field_map", "field [" + e.getKey() + "] cannot be its own target");
                }
                fieldMap.put(e.getKey(), target);
            } else {
                throw newConfigurationException(
                        type, tag, "field_map", "target of [" + e.getKey() + "] must be a field name");
            }
        }
        String model = ConfigurationUtils.readOptionalStringProperty(type, tag, config, "model");
        if (model == null) {
            model = defaultModel.get();
        }
        EmbeddingService service = embeddings.get();
        if (service == null) {
            throw newConfigurationException(type, tag, "model", "the embedding service is not started on this node");
        }
        try {
            service.spec(model);
        } catch (IllegalArgumentException e) {
            throw newConfigurationException(type, tag, "model", e.getMessage());
        }
        boolean ignoreMissing = ConfigurationUtils.readBooleanProperty(type, tag, config, "ignore_missing", false);
        int batchSize = ConfigurationUtils.readIntProperty(type, tag, config, "batch_size", DEFAULT_BATCH_SIZE);
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw newConfigurationException(
                    type, tag, "batch_size", "must be between 1 and " + MAX_BATCH_SIZE + ", got " + batchSize);
        }
        return new InterestEmbeddingProcessor(tag, description, fieldMap, model, ignoreMissing, batchSize, service);
    }
}
