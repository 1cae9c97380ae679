package io.interestranking.bench;

import io.interestranking.it.Rest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * What re-clustering costs the events of returning users: the events bench's clickstream of returning users (full
 * profiles, one click each per request of 1,000) with {@code recluster_every} 10 and without, in alternating rounds on
 * one node. The seeded profiles' event counts differ (1,200–1,209), so that a tenth of the users come due per round, as
 * in real traffic; their items are random vectors, so every re-clustering changes the groups and writes (the dearest
 * case). Usage: ReclusterCost <node url> <report> <pairs>
 */
public final class ReclusterCost {

    public static void main(String[] args) throws Exception {
        Rest rest = new Rest(args[0]);
        Path report = Path.of(args[1]);
        int pairs = Integer.parseInt(args[2]);
        Random random = new Random(42);
        EventsBench.indexItems(rest, random);
        EventsBench.clickstreamRun(rest, random, "warm", "w0"); // the plugin creates the profile index
        EventsBench.seedFullProfiles(
                rest, random, "crowd", EventsBench.CLICKSTREAM_USERS, () -> 1200 + random.nextInt(10));
        EventsBench.clickstreamRun(rest, random, "crowd", "w1"); // every seeded profile rewritten once by the plugin
        int n = EventsBench.CLICKSTREAM_USERS;
        List<String> rows = new ArrayList<>();
        double[] ratios = new double[pairs];
        for (int p = 0; p < pairs; p++) {
            double off = 0, on = 0;
            long due = 0;
            for (int s = 0; s < 2; s++) {
                boolean recluster = (s == 0) == (p % 2 == 1); // which goes first alternates
                Map<String, Object> setting = new HashMap<>();
                setting.put("plugins.interest.profile.recluster_every", recluster ? 10 : null);
                rest.ok("PUT", "/_cluster/settings", Map.of("transient", setting));
                long before = rest.statSum("profiles_reclustered");
                double rate = n
                        / EventsBench.clickstreamRun(rest, random, "crowd", "p" + p + "s" + s)
                                .seconds();
                if (recluster) {
                    on = rate;
                    due = rest.statSum("profiles_reclustered") - before;
                } else {
                    off = rate;
                }
            }
            ratios[p] = on / off;
            rows.add(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %d | %.2f |", p + 1, off, on, due, ratios[p]));
        }
        Map<String, Object> reset = new HashMap<>();
        reset.put("plugins.interest.profile.recluster_every", null);
        rest.ok("PUT", "/_cluster/settings", Map.of("transient", reset));
        String text = String.format(
                Locale.ROOT,
                """
                # What re-clustering costs returning users' events

                Measured %s by `bench/recluster-cost.sh` on one local node (OpenSearch 3.6.0, k-NN 3.6.0.0, heap 2 GB)
                on this project's machine (%d cores), one run.

                The events bench's clickstream of returning users: %,d users with full profiles (5 interests of 20
                evidence items, a short-term and a negative part), one click each on a random item of %,d, in requests of
                1,000 events. Their event counts differ (1,200–1,209), so that a tenth come due per round with
                `plugins.interest.profile.recluster_every: 10` (τ the default 0.3); the items are random vectors, so every
                re-clustering changes the groups and writes — the dearest case. Each pair runs one round with it and one
                without, which goes first alternating.

                | pair | events/s without | events/s with | profiles re-clustered | with / without |
                |---|---|---|---|---|
                %s

                **Median with / without: %.2f** (range %.2f–%.2f).
                """,
                java.time.Instant.now(),
                Runtime.getRuntime().availableProcessors(),
                n,
                EventsBench.ITEMS,
                String.join("\n", rows),
                IngestBench.median(ratios),
                java.util.Arrays.stream(ratios).min().orElse(0),
                java.util.Arrays.stream(ratios).max().orElse(0));
        Files.writeString(report, text);
        System.out.println(text);
    }
}
