package io.interestranking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.interestranking.it.Fixtures;
import io.interestranking.it.Rest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Simulated users through the real API on a node: users with hidden interests over the demo catalog (embedded by
 * the plugin) open a feed, see its top 10, click with a probability set by their hidden interests, skip what they
 * dislike, and drift (halfway, their main interest fades and a new one appears). The same users (same seeds) for
 * every variant of the model; the variants alternate round by round ({@link #rounds}), the half-lives scaled to a
 * round. Two more scenarios: {@link TasteScenario} (several interests) and {@link IntentScenario} (short-term).
 * Usage: SimulatorBench <node url> <project root> <report.md> [users] [sessions] [scenarios: main,tastes,intent]
 */
public final class SimulatorBench {

    static final String INDEX = "sim-items";
    static final String FIELD = "description_vector";

    /** A variant: model settings, and how the feed ranks. */
    record Variant(String name, Map<String, Object> settings, double exploration, boolean personalised) {}

    /** A user's hidden tastes: a main topic, a weaker second one, a disliked one, and the main one after the shift. */
    record User(int id, String main, String second, String disliked, String next) {
        /** The probability of a click on an item of {@code topic}, in session {@code s}. */
        double click(String topic, int s, int shift) {
            if (topic.equals(disliked)) {
                return 0;
            }
            if (s >= shift) {
                return topic.equals(next) ? 0.6 : topic.equals(main) ? 0.06 : topic.equals(second) ? 0.3 : 0.02;
            }
            return topic.equals(main) ? 0.6 : topic.equals(second) ? 0.3 : 0.02;
        }
    }

    /** Per user of one variant, over the sessions: what was shown and clicked. */
    static final class Trace {
        final double[] clicks;
        final double[] shownNext; // items of the new main topic in the top 10, per session
        final double[] shownOld; // items of the faded main topic in the top 10, per session
        final double[] shownDisliked;
        final double[] clickedSecond;

        Trace(int sessions) {
            clicks = new double[sessions];
            shownNext = new double[sessions];
            shownOld = new double[sessions];
            shownDisliked = new double[sessions];
            clickedSecond = new double[sessions];
        }
    }

    public static void main(String[] args) throws Exception {
        Rest rest = new Rest(args[0]);
        Path root = Path.of(args[1]);
        Path report = Path.of(args[2]);
        int users = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int sessions = args.length > 4 ? Integer.parseInt(args[4]) : 24;
        int shift = sessions / 3;
        List<String> scenarios = List.of((args.length > 5 ? args[5] : "main,tastes,intent").split(","));

        Map<String, String> topicOf = new HashMap<>();
        Fixtures.demoCatalog(rest, root, "en", INDEX, 1000).forEach(item -> topicOf.put(item.id(), item.category()));
        List<String> topics = topicOf.values().stream().distinct().sorted().toList();
        List<User> people = new ArrayList<>();
        Random random = new Random(7);
        for (int u = 0; u < users; u++) {
            List<String> t = new ArrayList<>(topics);
            java.util.Collections.shuffle(t, random);
            people.add(new User(u, t.get(0), t.get(1), t.get(2), t.get(3)));
        }
        warmUp(rest, users);
        // the report is written after each scenario, so that a failure keeps what ran before it
        Files.writeString(report, "");
        if (scenarios.contains("main")) {
            append(report, mainScenario(rest, report, people, topicOf, users, sessions, shift));
        }
        if (scenarios.contains("tastes")) {
            append(report, TasteScenario.run(rest, INDEX, FIELD, topicOf, users, Math.min(sessions, 12)));
        }
        if (scenarios.contains("intent")) {
            append(report, IntentScenario.run(rest, topicOf, users, Math.min(sessions, 12)));
        }
        System.out.println(Files.readString(report));
    }

    static void append(Path report, String text) throws java.io.IOException {
        Files.writeString(report, text, java.nio.file.StandardOpenOption.APPEND);
    }

    /** The main scenario (drift, skips, a hidden second topic): its report, and the plot beside it. */
    static String mainScenario(
            Rest rest, Path report, List<User> people, Map<String, String> topicOf, int users, int sessions, int shift)
            throws Exception {
        List<Variant> variants = List.of(
                new Variant("full model", Map.of(), 0.1, true),
                new Variant("one interest", Map.of("plugins.interest.profile.max_interests", 1), 0.1, true),
                new Variant(
                        "no decay",
                        Map.of(
                                "plugins.interest.profile.long_term_half_life",
                                "0s",
                                "plugins.interest.profile.negative_half_life",
                                "0s"),
                        0.1,
                        true),
                new Variant("no short-term", Map.of("plugins.interest.profile.short_term.enabled", false), 0.1, true),
                new Variant("no negative", Map.of("plugins.interest.profile.negative.enabled", false), 0.1, true),
                new Variant(
                        "interests weighed alike (w½ 0)",
                        Map.of("plugins.interest.profile.score.interest_half_weight", 0.0),
                        0.1,
                        true),
                new Variant(
                        "shares by weight (w½ off, the default before)",
                        Map.of("plugins.interest.profile.score.interest_half_weight", -1.0),
                        0.1,
                        true),
                new Variant("no exploration", Map.of(), 0, true),
                new Variant("exploration 0.4", Map.of(), 0.4, true),
                new Variant("no personalisation", Map.of(), 0, false));
        Trace[][] trace = new Trace[variants.size()][users];
        Random[] draws = new Random[variants.size()];
        for (int v = 0; v < variants.size(); v++) {
            for (int u = 0; u < users; u++) {
                trace[v][u] = new Trace(sessions);
            }
            draws[v] = new Random(11); // the same clicks for the same feeds
        }
        long period = SLOT_MILLIS * variants.size();
        double roundSeconds = rounds(rest, settings(period, variants, Variant::settings), sessions, period, (v, s) -> {
            Variant variant = variants.get(v);
            List<Object> events = new ArrayList<>();
            for (User user : people) {
                String uid = "v" + v + "-u" + user.id();
                for (String item : feed(rest, variant, uid, user.id(), s)) {
                    String topic = topicOf.get(item);
                    Trace t = trace[v][user.id()];
                    t.shownNext[s] += topic.equals(user.next()) ? 1 : 0;
                    t.shownOld[s] += topic.equals(user.main()) ? 1 : 0;
                    t.shownDisliked[s] += topic.equals(user.disliked()) ? 1 : 0;
                    double r = draws[v].nextDouble();
                    if (topic.equals(user.disliked())) {
                        events.add(event(uid, "skip", item, s));
                    } else if (r < user.click(topic, s, shift)) {
                        t.clicks[s]++;
                        t.clickedSecond[s] += topic.equals(user.second()) ? 1 : 0;
                        events.add(event(uid, "click", item, s));
                    }
                }
            }
            send(rest, events);
        });
        Map<String, Trace[]> traces = new LinkedHashMap<>();
        for (int v = 0; v < variants.size(); v++) {
            traces.put(variants.get(v).name(), trace[v]);
        }
        String text = report(traces, users, sessions, shift, roundSeconds, period);
        List<String> names = new ArrayList<>(traces.keySet());
        double[] clicks = new double[names.size()],
                newTopic = new double[names.size()],
                disliked = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            Trace[] t = traces.get(names.get(i));
            clicks[i] = meanCi(over(t, x -> x.clicks, 1, sessions))[0];
            newTopic[i] = meanCi(over(t, x -> x.shownNext, sessions - 4, sessions))[0];
            disliked[i] = meanCi(over(t, x -> x.shownDisliked, 2, sessions))[0];
        }
        Plots.bars(
                "Simulated users: each variant of the model",
                "per session",
                names,
                List.of("clicks", "new topic's items in the top 10 (last 4 sessions)", "disliked items in the top 10"),
                List.of(clicks, newTopic, disliked),
                report.resolveSibling("simulator.png"));
        return text + "\n![clicks, adaptation and disliked items by variant](simulator.png)\n";
    }

    static final int WARM_UP_SESSIONS = 5;

    /** Real time per variant and session: a round of n variants lasts n of them at least. */
    static final long SLOT_MILLIS = 1000;

    /** Sessions of throwaway users before the scenarios, so that the first round does not fall on a cold node. */
    static void warmUp(Rest rest, int users) throws Exception {
        Variant full = new Variant("warm-up", Map.of(), 0.1, true);
        rounds(rest, settings(SLOT_MILLIS, List.of(full), Variant::settings), WARM_UP_SESSIONS, SLOT_MILLIS, (v, s) -> {
            List<Object> events = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                String uid = "warm-u" + u;
                events.add(
                        event(uid, "click", feed(rest, full, uid, u, 10_000 + s).get(0), s));
            }
            send(rest, events);
        });
    }

    /**
     * Each variant's settings: its own, over the half-lives scaled to a round of {@code periodMillis} (a user's session
     * every round): short-term one round, long-term five (the pace at which these users' tastes drift), negative
     * twenty.
     */
    static <V> List<Map<String, Object>> settings(
            long periodMillis, List<V> variants, java.util.function.Function<V, Map<String, Object>> own) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (V variant : variants) {
            Map<String, Object> settings = new HashMap<>();
            settings.put("plugins.interest.profile.short_term_half_life", periodMillis + "ms");
            settings.put("plugins.interest.profile.long_term_half_life", 5 * periodMillis + "ms");
            settings.put("plugins.interest.profile.negative_half_life", 20 * periodMillis + "ms");
            settings.putAll(own.apply(variant));
            out.add(settings);
        }
        return out;
    }

    /** What one variant does in one session: its users' pages, clicks and events. */
    interface Session {
        void run(int variant, int session) throws Exception;
    }

    /**
     * Runs the sessions in rounds: in each, every variant in turn runs its session under its own settings (transient
     * cluster settings, switched before each), and a round lasts {@code periodMillis} at least. The variants
     * alternate within every round, so a slow minute of the machine — or a cold node — falls on all of them alike,
     * and the real time between two sessions of a user, which the half-lives are scaled to, is the same for all.
     * Returns the mean length of a round in seconds.
     */
    static double rounds(
            Rest rest, List<Map<String, Object>> settings, int sessions, long periodMillis, Session session)
            throws Exception {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        settings.forEach(m -> keys.addAll(m.keySet()));
        long start = System.nanoTime();
        for (int s = 0; s < sessions; s++) {
            long roundStart = System.nanoTime();
            for (int v = 0; v < settings.size(); v++) {
                Map<String, Object> body = new HashMap<>();
                for (String key : keys) {
                    body.put(key, settings.get(v).get(key)); // null resets what another variant set
                }
                rest.ok("PUT", "/_cluster/settings", Map.of("transient", body));
                session.run(v, s);
            }
            long left = periodMillis - (System.nanoTime() - roundStart) / 1_000_000;
            System.err.printf(Locale.ROOT, "round %d of %d: %d ms to spare%n", s + 1, sessions, left);
            if (left > 0) {
                Thread.sleep(left);
            }
        }
        Map<String, Object> reset = new HashMap<>();
        keys.forEach(k -> reset.put(k, null));
        rest.ok("PUT", "/_cluster/settings", Map.of("transient", reset));
        return (System.nanoTime() - start) / 1e9 / sessions;
    }

    /** A session's events, 1,000 per request; any event error stops the bench. */
    static void send(Rest rest, List<Object> events) {
        for (int from = 0; from < events.size(); from += 1000) {
            JsonNode r = rest.ok(
                    "POST",
                    "/_plugins/_interest/events",
                    Map.of("events", events.subList(from, Math.min(events.size(), from + 1000))));
            if (r.get("errors").asBoolean()) {
                throw new IllegalStateException("event errors: " + r.toString().substring(0, 500));
            }
        }
    }

    static Map<String, Object> event(String uid, String type, String item, int session) {
        return Map.of(
                "user_id",
                uid,
                "type",
                type,
                "item",
                Map.of("index", INDEX, "id", item, "field", FIELD),
                "event_id",
                uid + "-" + session + "-" + item);
    }

    /** The top 10 of the feed: a random first pass (fresh per session), personalised by the rescorer. */
    static List<String> feed(Rest rest, Variant variant, String uid, int user, int session) {
        Map<String, Object> body = new HashMap<>();
        body.put("size", 10);
        body.put("_source", false);
        body.put("query", shuffled(Map.of("match_all", Map.of()), session * 100_003L + user));
        if (variant.personalised()) {
            body.put(
                    "rescore",
                    Map.of(
                            "window_size",
                            100,
                            "interest",
                            Map.of(
                                    "user_id",
                                    uid,
                                    "field",
                                    FIELD,
                                    "query_weight",
                                    0.2,
                                    "interest_weight",
                                    0.8,
                                    "exploration",
                                    Map.of("weight", variant.exploration(), "seed", "s" + session))));
        }
        return Rest.ids(rest.ok("POST", "/" + INDEX + "/_search", body));
    }

    /** {@code query}'s hits in a random order fixed by {@code seed}. */
    static Map<String, Object> shuffled(Object query, long seed) {
        return Map.of(
                "function_score",
                Map.of(
                        "query",
                        query,
                        "boost_mode",
                        "replace",
                        "functions",
                        List.of(Map.of("random_score", Map.of("seed", seed, "field", "_seq_no")))));
    }

    /** Mean over users of a per-user figure, and the half-width of its 95% interval. */
    static double[] meanCi(double[] perUser) {
        double m = 0;
        for (double x : perUser) {
            m += x / perUser.length;
        }
        double var = 0;
        for (double x : perUser) {
            var += (x - m) * (x - m) / (perUser.length - 1);
        }
        return new double[] {m, 1.96 * Math.sqrt(var / perUser.length)};
    }

    /** Per user: the mean of {@code values} over sessions [from, to). */
    static <T> double[] over(T[] traces, java.util.function.Function<T, double[]> values, int from, int to) {
        double[] out = new double[traces.length];
        for (int u = 0; u < traces.length; u++) {
            double[] v = values.apply(traces[u]);
            for (int s = from; s < to; s++) {
                out[u] += v[s] / (to - from);
            }
        }
        return out;
    }

    /** Per user: sessions after the shift until at least half the top 10 is the new main topic (censored at the end). */
    static double[] adaptation(Trace[] traces, int shift, int sessions) {
        double[] out = new double[traces.length];
        for (int u = 0; u < traces.length; u++) {
            int s = shift;
            while (s < sessions && traces[u].shownNext[s] < 5) {
                s++;
            }
            out[u] = s - shift;
        }
        return out;
    }

    /**
     * Per user: sessions until the hidden second interest is discovered — the first click on an item of it (1: in
     * the first session) — censored at {@code sessions} + 1 when it never is.
     */
    static double[] discovery(Trace[] traces, int sessions) {
        double[] out = new double[traces.length];
        for (int u = 0; u < traces.length; u++) {
            int s = 0;
            while (s < sessions && traces[u].clickedSecond[s] == 0) {
                s++;
            }
            out[u] = s + 1;
        }
        return out;
    }

    /** A table's rows: per variant, each measure's mean over sessions 2 to the last, against the full model's. */
    @SafeVarargs
    static <T> String rows(
            Map<String, T[]> traces, int sessions, java.util.function.Function<T, double[]>... measures) {
        T[] full = traces.get("full model");
        StringBuilder rows = new StringBuilder();
        traces.forEach((name, t) -> {
            rows.append("| ").append(name);
            for (var measure : measures) {
                rows.append(" | ").append(cell(t, full, x -> over(x, measure, 1, sessions)));
            }
            rows.append(" |\n");
        });
        return rows.toString().strip();
    }

    /** A variant's cell of a measure: its value, and (unless it is the full model) the paired difference. */
    static <T> String cell(T[] variant, T[] full, java.util.function.Function<T[], double[]> measure) {
        return cell(measure.apply(variant), variant == full ? null : measure.apply(full));
    }

    static String cell(double[] perUser, double[] fullPerUser) {
        double[] m = meanCi(perUser);
        if (fullPerUser == null) {
            return String.format(Locale.ROOT, "%.2f ± %.2f", m[0], m[1]);
        }
        double[] d = new double[perUser.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = perUser[i] - fullPerUser[i];
        }
        double[] dm = meanCi(d);
        boolean significant = Math.abs(dm[0]) > dm[1];
        return String.format(
                Locale.ROOT,
                "%.2f ± %.2f (%s%+.2f ± %.2f%s)",
                m[0],
                m[1],
                significant ? "**" : "",
                dm[0],
                dm[1],
                significant ? "**" : "");
    }

    static String report(
            Map<String, Trace[]> traces, int users, int sessions, int shift, double roundSeconds, long period) {
        Trace[] full = traces.get("full model");
        StringBuilder rows = new StringBuilder();
        traces.forEach((name, t) -> {
            boolean isFull = t == full;
            rows.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    name,
                    cell(over(t, x -> x.clicks, 1, sessions), isFull ? null : over(full, x -> x.clicks, 1, sessions)),
                    cell(adaptation(t, shift, sessions), isFull ? null : adaptation(full, shift, sessions)),
                    cell(
                            over(t, x -> x.shownNext, sessions - 4, sessions),
                            isFull ? null : over(full, x -> x.shownNext, sessions - 4, sessions)),
                    cell(
                            over(t, x -> x.shownOld, sessions - 4, sessions),
                            isFull ? null : over(full, x -> x.shownOld, sessions - 4, sessions)),
                    cell(
                            over(t, x -> x.shownDisliked, 2, sessions),
                            isFull ? null : over(full, x -> x.shownDisliked, 2, sessions)),
                    cell(
                            over(t, x -> x.clickedSecond, 0, shift),
                            isFull ? null : over(full, x -> x.clickedSecond, 0, shift)),
                    cell(discovery(t, shift), isFull ? null : discovery(full, shift))));
        });
        return String.format(
                Locale.ROOT,
                """
            # Simulated users: which parts of the model help

            Measured %s by `bench/simulator-bench.sh` on one local node (OpenSearch 3.6.0, k-NN 3.6.0.0, this plugin),
            through the REST API, one run; every variant with the same users and the same random draws.

            - Catalog: 1,000 items of the demo catalog (10 topics), descriptions embedded by the `interest_embedding`
              pipeline (all-MiniLM-L6-v2).
            - %d users. Each has a main topic (a shown item of it is clicked with probability 0.6), a second one (0.3),
              a disliked one (never clicked: a `skip` event for each one shown) and, from session %d on, a new main
              topic (0.6) while the old one fades (0.06); any other item is clicked with probability 0.02.
            - %d sessions. In each, every user opens a feed: 100 items drawn at random (a fresh draw per session and
              user) reranked by the `interest` rescorer (`query_weight` 0.2, `interest_weight` 0.8, exploration weight
              0.1 unless said); the user sees the top 10; the session's clicks and skips are sent as events, all users'
              at once. "No personalisation" shows the random draw itself.
            - Time runs in rounds: in each, every variant in turn runs one session of all its users under its own
              settings, so that the machine's slow moments fall on all variants alike; a round lasts %.1f s at the
              earliest (%.2f s on average in this run, after a warm-up of %d sessions of other users). The
              half-lives are scaled to a round for every variant: short-term one round, long-term five (the pace at
              which these users' tastes drift), negative twenty; "no decay" turns the long-term and negative decay
              off.
            - Each cell: mean over users ± the half-width of its 95%% interval; in brackets the paired difference from
              the full model over the same users, **bold** where the interval excludes 0.

            | variant | clicks per session (sessions 2–%d) | sessions until the new topic fills half the top 10 (after the shift, at most %d) | new topic's items in the top 10, last 4 sessions | faded topic's items in the top 10, last 4 sessions | disliked items in the top 10 (sessions 3–%d) | clicks on the second topic per session, before the shift | sessions until the hidden second topic is discovered (its first click; %d: not before the shift) |
            |---|---|---|---|---|---|---|---|
            %s
            """,
                Instant.now(),
                users,
                shift + 1,
                sessions,
                period / 1000.0,
                roundSeconds,
                WARM_UP_SESSIONS,
                sessions,
                sessions - shift,
                sessions,
                shift + 1,
                rows.toString().strip());
    }
}
