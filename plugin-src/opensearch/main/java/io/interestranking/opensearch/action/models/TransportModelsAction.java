package io.interestranking.opensearch.action.models;

import io.interestranking.core.embedding.EmbeddingService;
import io.interestranking.core.embedding.ModelSpec;
import io.interestranking.core.embedding.TextKind;
import java.util.List;
import java.util.Locale;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

public final class TransportModelsAction extends HandledTransportAction<ModelsRequest, ModelsResponse> {

    private final EmbeddingService embeddings;
    private final ClusterService clusterService;

    @Inject
    public TransportModelsAction(
            TransportService transport,
            ActionFilters filters,
            EmbeddingService embeddings,
            ClusterService clusterService) {
        super(ModelsAction.NAME, transport, filters, ModelsRequest::new);
        this.embeddings = embeddings;
        this.clusterService = clusterService;
    }

    @Override
    protected void doExecute(Task task, ModelsRequest request, ActionListener<ModelsResponse> listener) {
        List<ModelsResponse.Model> models = embeddings.models().stream()
                .map(info -> {
                    ModelSpec s = info.spec();
                    return new ModelsResponse.Model(
                            s.name(),
                            s.description(),
                            s.space(),
                            s.dimension(),
                            s.pooling().name().toLowerCase(Locale.ROOT),
                            s.normalize(),
                            s.maxLength(),
                            s.prefix(TextKind.QUERY),
                            s.prefix(TextKind.PASSAGE),
                            info.loaded(),
                            info.nativeMemoryBytes());
                })
                .toList();
        listener.onResponse(new ModelsResponse(
                clusterService.localNode().getName(),
                models,
                embeddings.registry().broken()));
    }
}
