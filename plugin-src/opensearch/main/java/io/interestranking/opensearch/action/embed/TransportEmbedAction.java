package io.interestranking.opensearch.action.embed;

import io.interestranking.core.embedding.EmbeddingService;
import io.interestranking.opensearch.common.Embed;
import io.interestranking.opensearch.settings.InterestConfig;
import io.interestranking.opensearch.settings.InterestSettings;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

/** Embeds on the node that received the request, on the inference pool (a full queue answers 429). */
public final class TransportEmbedAction extends HandledTransportAction<EmbedRequest, EmbedResponse> {

    private final EmbeddingService embeddings;
    private final InterestConfig config;

    @Inject
    public TransportEmbedAction(
            TransportService transportService,
            ActionFilters actionFilters,
            EmbeddingService embeddings,
            InterestConfig config) {
        super(EmbedAction.NAME, transportService, actionFilters, EmbedRequest::new);
        this.embeddings = embeddings;
        this.config = config;
    }

    @Override
    protected void doExecute(Task task, EmbedRequest request, ActionListener<EmbedResponse> listener) {
        int maxTexts = config.embedMaxTexts();
        int maxChars = config.embedMaxTextChars();
        if (request.texts().size() > maxTexts) {
            listener.onFailure(new IllegalArgumentException(
                    "[texts] holds " + request.texts().size() + " texts, more than ["
                            + InterestSettings.EMBED_MAX_TEXTS.getKey() + "] = " + maxTexts));
            return;
        }
        for (int i = 0; i < request.texts().size(); i++) {
            int length = request.texts().get(i).length();
            if (length > maxChars) {
                listener.onFailure(
                        new IllegalArgumentException("[texts][" + i + "] has " + length + " characters, more than ["
                                + InterestSettings.EMBED_MAX_TEXT_CHARS.getKey() + "] = " + maxChars));
                return;
            }
        }
        String model = request.model() != null ? request.model() : config.defaultModel();
        Embed.embed(
                embeddings,
                model,
                request.texts(),
                request.kind(),
                InterestSettings.DEFAULT_EMBED_CHUNK,
                ActionListener.map(listener, vectors -> new EmbedResponse(model, vectors)));
    }
}
