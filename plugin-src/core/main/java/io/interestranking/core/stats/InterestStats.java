package io.interestranking.core.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** This node's counters and latency figures. Thread-safe; one instance per node, created in createComponents. */
public final class InterestStats {

    public final LongAdder eventsApplied = new LongAdder();
    public final LongAdder eventsFailed = new LongAdder();
    public final LongAdder duplicatesIgnored = new LongAdder();
    public final LongAdder conflictsRetried = new LongAdder();
    public final LongAdder profileWrites = new LongAdder();
    public final LongAdder textsEmbedded = new LongAdder();
    public final LongAdder inferenceCalls = new LongAdder();
    public final LongAdder rejected = new LongAdder();
    public final LongAdder profilesExpired = new LongAdder();
    public final LongAdder sweeps = new LongAdder();
    public final LongAdder profilesReclustered = new LongAdder();
    /** Model-call time summed: with inference_calls, the mean over any interval (two snapshots). */
    private final LongAdder inferenceNanos = new LongAdder();

    private final LatencyWindow inference = new LatencyWindow(4096);
    private final LatencyWindow events = new LatencyWindow(4096);

    public void recordInference(int texts, long nanos) {
        textsEmbedded.add(texts);
        inferenceCalls.increment();
        inferenceNanos.add(nanos);
        inference.record(nanos);
    }

    public void recordEventsRequest(long nanos) {
        events.record(nanos);
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events_applied", eventsApplied.sum());
        m.put("events_failed", eventsFailed.sum());
        m.put("duplicates_ignored", duplicatesIgnored.sum());
        m.put("conflicts_retried", conflictsRetried.sum());
        m.put("profile_writes", profileWrites.sum());
        m.put("texts_embedded", textsEmbedded.sum());
        m.put("inference_calls", inferenceCalls.sum());
        m.put("inference_time_in_millis", inferenceNanos.sum() / 1_000_000);
        m.put("rejected_requests", rejected.sum());
        m.put("profiles_expired", profilesExpired.sum());
        m.put("profile_sweeps", sweeps.sum());
        m.put("profiles_reclustered", profilesReclustered.sum());
        m.put("inference_latency_ms", inference.percentiles());
        m.put("events_request_latency_ms", events.percentiles());
        return m;
    }

    /** The last N latencies; percentiles over them. Small and lock-light: a ring buffer under one monitor. */
    static final class LatencyWindow {
        private final long[] ring;
        private long count;

        LatencyWindow(int size) {
            ring = new long[size];
        }

        synchronized void record(long nanos) {
            ring[(int) (count++ % ring.length)] = nanos;
        }

        Map<String, Object> percentiles() {
            long[] copy;
            synchronized (this) {
                copy = Arrays.copyOf(ring, (int) Math.min(count, ring.length));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", (long) copy.length);
            Arrays.sort(copy);
            for (double q : new double[] {50, 90, 99}) {
                double ms = copy.length == 0
                        ? 0
                        : copy[(int) Math.min(copy.length - 1, Math.ceil(q / 100 * copy.length) - 1)] / 1e6;
                m.put("p" + (int) q, Math.round(ms * 1000) / 1000.0);
            }
            return m;
        }
    }
}
