package io.interestranking.bench;

import io.interestranking.it.Rest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The simulator's second scenario, built for several interests: a user's tastes are three items of three different
 * topics (a liked item is one close to any of them, not a whole topic), and the feed is {@code interest_knn} over the
 * whole catalog (a "for you" page), without the items the user already clicked. One interest is the mean of three
 * distant tastes — near none of them — where several interests can keep each. Same users, same draws per variant.
 */
final class TasteScenario {

    /** The click probability of an item at cosine c from the user's nearest taste: 0.02, rising to 0.7 at c ≥ 0.6. */
    static double click(double c) {
        return 0.02 + 0.68 * Math.min(1, Math.max(0, (c - 0.3) / 0.3));
    }

    /** An item this close to a taste counts as showing that taste. */
    static final double SHOWN = 0.45;

    static final int TASTES = 3;

    /**
     * A variant: model settings, whether the feed is personalised, and what the {@code interest} rescorer adds over
     * {@code interest_knn}'s top 50 in its order (exploration weight, MMR λ; 0 and 1: no rescorer).
     */
    record Variant(String name, Map<String, Object> settings, boolean personalised, double exploration, double lambda) {
        Variant(String name, Map<String, Object> settings, boolean personalised) {
            this(name, settings, personalised, 0, 1);
        }
    }

    /** Per user of one variant, per session: clicks, and how many of the user's tastes the top 10 shows. */
    record Trace(double[] clicks, double[] tastesShown) {}

    private TasteScenario() {}

    static String run(Rest rest, String index, String field, Map<String, String> topicOf, int users, int sessions)
            throws Exception {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        rest.ok("POST", "/" + index + "/_search", Map.of("size", 10_000, "_source", List.of(field)))
                .get("hits")
                .get("hits")
                .forEach(h -> vectors.put(
                        h.get("_id").asText(), Rest.vector(h.get("_source").get(field))));
        Map<String, List<String>> byTopic = new LinkedHashMap<>();
        topicOf.forEach((id, topic) ->
                byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(id));
        byTopic.values().forEach(java.util.Collections::sort);
        List<String> topics = new ArrayList<>(byTopic.keySet());
        java.util.Collections.sort(topics);
        Random random = new Random(17);
        List<float[][]> tastes = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            List<String> t = new ArrayList<>(topics);
            java.util.Collections.shuffle(t, random);
            float[][] centres = new float[TASTES][];
            for (int k = 0; k < TASTES; k++) {
                List<String> pool = byTopic.get(t.get(k));
                centres[k] = vectors.get(pool.get(random.nextInt(pool.size())));
            }
            tastes.add(centres);
        }
        List<Variant> variants = List.of(
                new Variant("full model", Map.of(), true),
                new Variant("one interest", Map.of("plugins.interest.profile.max_interests", 1), true),
                new Variant(
                        "interests weighed alike (w½ 0)",
                        Map.of("plugins.interest.profile.score.interest_half_weight", 0.0),
                        true),
                new Variant(
                        "shares by weight (w½ off, the default before)",
                        Map.of("plugins.interest.profile.score.interest_half_weight", -1.0),
                        true),
                new Variant("+ exploration 0.1 (the rescorer)", Map.of(), true, 0.1, 1),
                new Variant("+ diversity λ 0.7 (the rescorer's MMR)", Map.of(), true, 0, 0.7),
                new Variant("no personalisation", Map.of(), false));
        Trace[][] trace = new Trace[variants.size()][users];
        List<List<Set<String>>> clicked = new ArrayList<>();
        Random[] draws = new Random[variants.size()];
        for (int v = 0; v < variants.size(); v++) {
            clicked.add(new ArrayList<>());
            for (int u = 0; u < users; u++) {
                trace[v][u] = new Trace(new double[sessions], new double[sessions]);
                clicked.get(v).add(new HashSet<>());
            }
            draws[v] = new Random(19);
        }
        long period = SimulatorBench.SLOT_MILLIS * variants.size();
        double roundSeconds = SimulatorBench.rounds(
                rest, SimulatorBench.settings(period, variants, Variant::settings), sessions, period, (v, s) -> {
                    List<Object> events = new ArrayList<>();
                    for (int u = 0; u < users; u++) {
                        String uid = "t" + v + "-u" + u;
                        boolean[] shown = new boolean[TASTES];
                        Set<String> seen = clicked.get(v).get(u);
                        for (String item : feed(rest, index, field, variants.get(v), uid, u, s, seen)) {
                            float[] x = vectors.get(item);
                            double best = -1;
                            for (int k = 0; k < TASTES; k++) {
                                double c = Rest.cosine(x, tastes.get(u)[k]);
                                best = Math.max(best, c);
                                shown[k] |= c >= SHOWN;
                            }
                            if (draws[v].nextDouble() < click(best)) {
                                trace[v][u].clicks()[s]++;
                                seen.add(item);
                                events.add(SimulatorBench.event(uid, "click", item, s));
                            }
                        }
                        for (boolean b : shown) {
                            trace[v][u].tastesShown()[s] += b ? 1 : 0;
                        }
                    }
                    SimulatorBench.send(rest, events);
                });
        Map<String, Trace[]> traces = new LinkedHashMap<>();
        for (int v = 0; v < variants.size(); v++) {
            traces.put(variants.get(v).name(), trace[v]);
        }
        return report(traces, users, sessions, period, roundSeconds);
    }

    /** The top 10: {@code interest_knn} over the catalog, or (no personalisation, cold start) a random draw. */
    static List<String> feed(
            Rest rest,
            String index,
            String field,
            Variant variant,
            String uid,
            int user,
            int session,
            Set<String> clicked) {
        Map<String, Object> unseen =
                Map.of("bool", Map.of("must_not", Map.of("ids", Map.of("values", new ArrayList<>(clicked)))));
        Map<String, Object> random =
                SimulatorBench.shuffled(Map.of("bool", Map.of("filter", unseen)), session * 100_003L + user);
        Object query = variant.personalised()
                ? Map.of(
                        "interest_knn",
                        Map.of("field", field, "user_id", uid, "k", 50, "filter", unseen, "fallback", random))
                : random;
        Map<String, Object> body = new HashMap<>(Map.of("size", 10, "_source", false, "query", query));
        if (variant.personalised() && (variant.exploration() > 0 || variant.lambda() < 1)) {
            Map<String, Object> interest =
                    new HashMap<>(Map.of("user_id", uid, "field", field, "query_weight", 1, "interest_weight", 0));
            if (variant.exploration() > 0) {
                interest.put("exploration", Map.of("weight", variant.exploration(), "seed", "s" + session));
            }
            if (variant.lambda() < 1) {
                interest.put("diversity", Map.of("lambda", variant.lambda()));
            }
            body.put("rescore", Map.of("window_size", 50, "interest", interest));
        }
        return Rest.ids(rest.ok("POST", "/" + index + "/_search", body));
    }

    static String report(Map<String, Trace[]> traces, int users, int sessions, long period, double roundSeconds) {
        return String.format(
                Locale.ROOT,
                """

            ## Scenario built for several interests: three tastes, a "for you" feed

            - %d other users. Each likes three items of three different topics (its **tastes**); a shown item is
              clicked with probability 0.02 + 0.68·clamp((c − 0.3)/0.3, 0, 1), c its cosine with the nearest taste
              (0.7 from c = 0.6 up). A liked item is one near a taste, not any item of its topic.
            - %d sessions in rounds as above (%.1f s at the earliest, %.2f s on average), the half-lives scaled to a
              round. The feed is `interest_knn` (`k` 50) over the
              whole 1,000-item catalog without the items the user clicked before (a random draw while the profile is
              empty); "no personalisation" is that random draw every session. Clicks are sent as events. The two "+"
              variants rescore `interest_knn`'s top 50 with the `interest` rescorer in its order (`query_weight` 1,
              `interest_weight` 0) plus exploration (seeded per session) or MMR diversity.
            - A taste counts as shown when an item of the top 10 is at cosine ≥ %.2f from it.

            | variant | clicks per session (sessions 2–%d) | tastes shown in the top 10, of %d (sessions 2–%d) |
            |---|---|---|
            %s
            """,
                users,
                sessions,
                period / 1000.0,
                roundSeconds,
                SHOWN,
                sessions,
                TASTES,
                sessions,
                SimulatorBench.rows(traces, sessions, Trace::clicks, Trace::tastesShown));
    }
}
