package io.interestranking.opensearch.action.models;

import org.opensearch.action.ActionType;

/** {@code GET /_plugins/_interest/models}: the models the receiving node knows. */
public final class ModelsAction extends ActionType<ModelsResponse> {

    public static final String NAME = "cluster:monitor/interest/models";
    public static final ModelsAction INSTANCE = new ModelsAction();

    private ModelsAction() {
        super(NAME, ModelsResponse::new);
    }
}
