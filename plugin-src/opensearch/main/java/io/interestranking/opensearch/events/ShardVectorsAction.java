package io.interestranking.opensearch.events;

import org.opensearch.action.ActionType;

/** Internal: reads the stored vectors of documents of one shard, by id, from Lucene's vector values. */
public final class ShardVectorsAction extends ActionType<ShardVectorsResponse> {

    public static final String NAME = "indices:data/read/interest/vectors";
    public static final ShardVectorsAction INSTANCE = new ShardVectorsAction();

    private ShardVectorsAction() {
        super(NAME, ShardVectorsResponse::new);
    }
}
