package io.interestranking.opensearch.action.stats;

import org.opensearch.action.ActionType;

/** {@code GET /_plugins/_interest/stats}: every node's counters and latency figures. */
public final class StatsAction extends ActionType<StatsResponse> {

    public static final String NAME = "cluster:monitor/interest/stats";
    public static final StatsAction INSTANCE = new StatsAction();

    private StatsAction() {
        super(NAME, StatsResponse::new);
    }
}
