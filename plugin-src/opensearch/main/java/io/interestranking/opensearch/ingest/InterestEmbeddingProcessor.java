package io.interestranking.opensearch.ingest;

import io.interestranking.core.embedding.EmbeddingService;
import io.interestranking.core.embedding.TextKind;
import io.interestranking.opensearch.common.Embed;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.opensearch.core.action.ActionListener;
import org.opensearch.ingest.AbstractProcessor;
import org.opensearch.ingest.IngestDocument;
import org.opensearch.ingest.IngestDocumentWrapper;

/**
 * Embeds text fields into vector fields. A {@code _bulk} request reaches {@link #batchExecute} with all its
 * documents for this pipeline: their texts are embedded together, in length-sorted chunks of {@code batch_size}.
 * A document whose field is not text fails alone.
 */
public final class InterestEmbeddingProcessor extends AbstractProcessor {

    public static final String TYPE = "interest_embedding";

    private final Map<String, String> fieldMap;
    private final String model;
    private final boolean ignoreMissing;
    private final int batchSize;
    private final EmbeddingService embeddings;

    InterestEmbeddingProcessor(
            String tag,
            String description,
            Map<String, String> fieldMap,
            String model,
            boolean ignoreMissing,
            int batchSize,
            EmbeddingService embeddings) {
        super(tag, description);
        this.fieldMap = fieldMap;
        this.model = model;
        this.ignoreMissing = ignoreMissing;
        this.batchSize = batchSize;
        this.embeddings = embeddings;
    }

    @Override
    public String getType() {
        return TYPE;
    }

    String model() {
        return model;
    }

    int batchSize() {
        return batchSize;
    }

    @Override
    public IngestDocument execute(IngestDocument document) {
        throw new UnsupportedOperationException("[" + TYPE + "] runs asynchronously");
    }

    @Override
    public void execute(IngestDocument document, BiConsumer<IngestDocument, Exception> handler) {
        batchExecute(
                List.of(new IngestDocumentWrapper(0, 0, document, null)),
                results -> handler.accept(
                        results.get(0).getIngestDocument(), results.get(0).getException()));
    }

    /** One text to embed and where its vector goes. */
    private record Job(IngestDocumentWrapper doc, String target, String text) {}

    @Override
    public void batchExecute(List<IngestDocumentWrapper> docs, Consumer<List<IngestDocumentWrapper>> handler) {
        List<Job> jobs = new ArrayList<>();
        for (IngestDocumentWrapper doc : docs) {
            if (doc.getException() != null || doc.getIngestDocument() == null) {
                continue;
            }
            try {
                jobs.addAll(jobsOf(doc));
            } catch (IllegalArgumentException e) {
                doc.update(doc.getIngestDocument(), e);
            }
        }
        if (jobs.isEmpty()) {
            handler.accept(docs);
            return;
        }
        List<String> texts = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            texts.add(job.text());
        }
        Embed.embed(
                embeddings,
                model,
                texts,
                TextKind.PASSAGE,
                batchSize,
                ActionListener.wrap(
                        vectors -> {
                            for (int i = 0; i < jobs.size(); i++) {
                                Job job = jobs.get(i);
                                if (job.doc().getException() == null) {
                                    job.doc().getIngestDocument().setFieldValue(job.target(), toList(vectors[i]));
                                }
                            }
                            handler.accept(docs);
                        },
                        e -> {
                            for (Job job : jobs) {
                                if (job.doc().getException() == null) {
                                    job.doc().update(job.doc().getIngestDocument(), e);
                                }
                            }
                            handler.accept(docs);
                        }));
    }

    private List<Job> jobsOf(IngestDocumentWrapper wrapper) {
        IngestDocument doc = wrapper.getIngestDocument();
        List<Job> jobs = new ArrayList<>(fieldMap.size());
        for (Map.Entry<String, String> e : fieldMap.entrySet()) {
            String field = e.getKey();
            Object value = doc.hasField(field) ? doc.getFieldValue(field, Object.class) : null;
            String text = value == null ? null : textOf(field, value);
            if (text == null || text.isBlank()) {
                if (ignoreMissing) {
                    continue;
                }
                throw new IllegalArgumentException("[" + TYPE + "] field [" + field + "] is "
                        + (value == null ? "missing" : "empty") + " (set ignore_missing to skip it)");
            }
            jobs.add(new Job(wrapper, e.getValue(), text));
        }
        return jobs;
    }

    /** A string, or a list of strings joined by newlines; anything else is the document's error. */
    static String textOf(String field, Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Collection<?> list) {
            StringBuilder sb = new StringBuilder();
            for (Object item : list) {
                if (item instanceof String s) {
                    if (sb.length() > 0) {
                        sb.append('\n');
                    }
                    sb.append(s);
                } else {
                    throw new IllegalArgumentException("[" + TYPE + "] field [" + field
                            + "] must be a string or an array of strings, found an element of type [" + typeName(item)
                            + "]");
                }
            }
            return sb.toString();
        }
        throw new IllegalArgumentException("[" + TYPE + "] field [" + field
                + "] must be a string or an array of strings, found [" + typeName(value) + "]");
    }

    private static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "object";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return value.getClass().getSimpleName();
    }

    private static List<Float> toList(float[] vector) {
        List<Float> list = new ArrayList<>(vector.length);
        for (float v : vector) {
            list.add(v);
        }
        return list;
    }
}
