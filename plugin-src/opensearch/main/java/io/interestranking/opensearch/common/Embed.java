package io.interestranking.opensearch.common;

import io.interestranking.core.embedding.EmbeddingService;
import io.interestranking.core.embedding.TextKind;
import java.util.List;
import org.opensearch.core.action.ActionListener;

/** The core's embedding call with an {@link ActionListener}: one that throws in its response gets the failure. */
public final class Embed {

    private Embed() {}

    public static void embed(
            EmbeddingService service,
            String model,
            List<String> texts,
            TextKind kind,
            int chunkSize,
            ActionListener<float[][]> listener) {
        service.embed(model, texts, kind, chunkSize, listener::onResponse, listener::onFailure);
    }
}
