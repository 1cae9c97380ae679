package io.interestranking.opensearch.action.embed;

import org.opensearch.action.ActionType;

/** {@code POST /_plugins/_interest/_embed}: embed texts on this node and return the vectors. */
public final class EmbedAction extends ActionType<EmbedResponse> {

    public static final String NAME = "cluster:admin/interest/embed";
    public static final EmbedAction INSTANCE = new EmbedAction();

    private EmbedAction() {
        super(NAME, EmbedResponse::new);
    }
}
