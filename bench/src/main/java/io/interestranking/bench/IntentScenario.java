package io.interestranking.bench;

import io.interestranking.it.Rest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The simulator's scenario built for the short-term interest: a session has an intent. Each user has a steady main
 * topic; in every session they first browse the category page of that session's intent (another topic, drawn per
 * session), clicking its items, then open their "for you" feed. The feed should follow the intent of this session,
 * not those of past sessions, which the long-term interests still hold. Same users, same draws per variant.
 */
final class IntentScenario {

    /** Click probabilities: the session's intent, the main topic, anything else. */
    static double click(String topic, String intent, String main) {
        return topic.equals(intent) ? 0.6 : topic.equals(main) ? 0.5 : 0.02;
    }

    record Variant(String name, Map<String, Object> settings, boolean personalised) {}

    /** Per user of one variant, per session, on the feed: clicks, items of this session's intent, of the main topic. */
    record Trace(double[] clicks, double[] intent, double[] main) {}

    private IntentScenario() {}

    /** Per user and session: the session's intent, a topic other than the user's main one; the same for every variant. */
    static String[][] intents(List<String> topics, String[] mains, int sessions, Random random) {
        String[][] out = new String[mains.length][sessions];
        for (int u = 0; u < mains.length; u++) {
            for (int s = 0; s < sessions; s++) {
                String t;
                do {
                    t = topics.get(random.nextInt(topics.size()));
                } while (t.equals(mains[u]) || s > 0 && t.equals(out[u][s - 1]));
                out[u][s] = t;
            }
        }
        return out;
    }

    static String run(Rest rest, Map<String, String> topicOf, int users, int sessions) throws Exception {
        List<String> topics = topicOf.values().stream().distinct().sorted().toList();
        Random random = new Random(29);
        String[] mains = new String[users];
        for (int u = 0; u < users; u++) {
            mains[u] = topics.get(random.nextInt(topics.size()));
        }
        String[][] intents = intents(topics, mains, sessions, random);
        List<Variant> variants = List.of(
                new Variant("full model", Map.of(), true),
                new Variant("no short-term", Map.of("plugins.interest.profile.short_term.enabled", false), true),
                new Variant(
                        "short-term weight 0.15 (β_S)",
                        Map.of("plugins.interest.profile.score.short_term_weight", 0.15),
                        true),
                new Variant(
                        "short-term weight 0.6 (β_S)",
                        Map.of("plugins.interest.profile.score.short_term_weight", 0.6),
                        true),
                new Variant("no personalisation", Map.of(), false));
        Trace[][] trace = new Trace[variants.size()][users];
        Random[] draws = new Random[variants.size()];
        for (int v = 0; v < variants.size(); v++) {
            for (int u = 0; u < users; u++) {
                trace[v][u] = new Trace(new double[sessions], new double[sessions], new double[sessions]);
            }
            draws[v] = new Random(31);
        }
        long period = SimulatorBench.SLOT_MILLIS * variants.size();
        List<Map<String, Object>> settings = SimulatorBench.settings(period, variants, Variant::settings);
        // returning users: ten clicks on the main topic's category page, a round before the first session
        SimulatorBench.rounds(rest, settings, 1, period, (v, s) -> {
            List<Object> history = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                for (String item : categoryPage(rest, mains[u], u, -1)) {
                    history.add(SimulatorBench.event("i" + v + "-u" + u, "click", item, -1));
                }
            }
            SimulatorBench.send(rest, history);
        });
        double roundSeconds = SimulatorBench.rounds(rest, settings, sessions, period, (v, s) -> {
            Variant variant = variants.get(v);
            // first the category page of the intent: its clicks reach the profile before the feed opens
            List<Object> browsing = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                String uid = "i" + v + "-u" + u;
                for (String item : categoryPage(rest, intents[u][s], u, s)) {
                    if (draws[v].nextDouble() < click(topicOf.get(item), intents[u][s], mains[u])) {
                        browsing.add(SimulatorBench.event(uid, "click", item, s));
                    }
                }
            }
            SimulatorBench.send(rest, browsing);
            // then the main scenario's feed, without exploration
            SimulatorBench.Variant feed =
                    new SimulatorBench.Variant(variant.name(), variant.settings(), 0, variant.personalised());
            List<Object> events = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                String uid = "i" + v + "-u" + u;
                for (String item : SimulatorBench.feed(rest, feed, uid, u, 1_000 + s)) {
                    String topic = topicOf.get(item);
                    trace[v][u].intent()[s] += topic.equals(intents[u][s]) ? 1 : 0;
                    trace[v][u].main()[s] += topic.equals(mains[u]) ? 1 : 0;
                    if (draws[v].nextDouble() < click(topic, intents[u][s], mains[u])) {
                        trace[v][u].clicks()[s]++;
                        events.add(SimulatorBench.event(uid, "click", item, 1_000 + s));
                    }
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

    /** The intent's category page: 10 of its items in a random order, fresh per user and session. */
    static List<String> categoryPage(Rest rest, String topic, int user, int session) {
        Object query = SimulatorBench.shuffled(Map.of("term", Map.of("category", topic)), session * 100_019L + user);
        return Rest.ids(rest.ok(
                "POST", "/" + SimulatorBench.INDEX + "/_search", Map.of("size", 10, "_source", false, "query", query)));
    }

    static String report(Map<String, Trace[]> traces, int users, int sessions, long period, double roundSeconds) {
        return String.format(
                Locale.ROOT,
                """

            ## Scenario built for the short-term interest: a session has an intent

            - %d other users, each with a steady main topic (a shown item of it clicked with probability 0.5), returning
              users: ten clicks on the main topic's category page before the first session. Every session has an
              **intent**: another topic, drawn per user and session (never the one of the session before), whose
              items are clicked with probability 0.6 in that session only; anything else 0.02.
            - %d sessions in rounds as above (%.1f s at the earliest, %.2f s on average), the half-lives scaled to a
              round. A session: the user first sees the intent's category page (10 of its items in a random order) and
              clicks; those clicks are sent as events; then the user opens the feed of the main scenario (100 random
              items reranked by the `interest` rescorer, no exploration), sees its top 10 and clicks; those clicks
              are sent at the end of the session.
            - Measured on the feed: clicks; items of this session's intent; items of the main topic. The rest of the
              top 10 is mostly past sessions' intents, which the long-term interests still hold.

            | variant | clicks on the feed per session (sessions 2–%d) | items of this session's intent in the top 10 | items of the main topic in the top 10 |
            |---|---|---|---|
            %s
            """,
                users,
                sessions,
                period / 1000.0,
                roundSeconds,
                sessions,
                SimulatorBench.rows(traces, sessions, Trace::clicks, Trace::intent, Trace::main));
    }
}
