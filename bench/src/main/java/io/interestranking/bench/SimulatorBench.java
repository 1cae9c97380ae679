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
 * every variant of the model; time runs at about one session every few seconds, the half-lives scaled to it.
 * Usage: SimulatorBench <node url> <project root> <report.md> [users] [sessions]
 */
public final class SimulatorBench {

    static final String INDEX = "sim-items";
    static final String FIELD = "description_vector";
    static final long SESSION_MILLIS = 1000;

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
        // one session every few seconds: one hour of the defaults ≈ one session
        Map<String, Object> time = Map.of(
                "plugins.interest.profile.short_term_half_life",
                "1s",
                "plugins.interest.profile.long_term_half_life",
                "5s",
                "plugins.interest.profile.negative_half_life",
                "20s");
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
        Map<String, Trace[]> traces = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (int v = 0; v < variants.size(); v++) {
            Variant variant = variants.get(v);
            Map<String, Object> settings = new HashMap<>(time);
            settings.putAll(variant.settings());
            setTransient(rest, settings, false);
            Trace[] trace = new Trace[users];
            for (int u = 0; u < users; u++) {
                trace[u] = new Trace(sessions);
            }
            Random draws = new Random(11); // the same clicks for the same feeds
            for (int s = 0; s < sessions; s++) {
                long sessionStart = System.nanoTime();
                List<Object> events = new ArrayList<>();
                for (User user : people) {
                    String uid = "v" + v + "-u" + user.id();
                    List<String> feed = feed(rest, variant, uid, user.id(), s);
                    for (String item : feed) {
                        String topic = topicOf.get(item);
                        Trace t = trace[user.id()];
                        t.shownNext[s] += topic.equals(user.next()) ? 1 : 0;
                        t.shownOld[s] += topic.equals(user.main()) ? 1 : 0;
                        t.shownDisliked[s] += topic.equals(user.disliked()) ? 1 : 0;
                        double r = draws.nextDouble();
                        if (topic.equals(user.disliked())) {
                            events.add(event(uid, "skip", item, s));
                        } else if (r < user.click(topic, s, shift)) {
                            t.clicks[s]++;
                            t.clickedSecond[s] += topic.equals(user.second()) ? 1 : 0;
                            events.add(event(uid, "click", item, s));
                        }
                    }
                }
                endSession(rest, events, sessionStart);
            }
            setTransient(rest, settings, true);
            traces.put(variant.name(), trace);
            System.err.println("done: " + variant.name());
        }
        Files.writeString(
                report,
                report(traces, users, sessions, shift, (System.nanoTime() - start) / 1e9 / sessions / variants.size()));
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
        Files.writeString(
                report,
                Files.readString(report)
                        + "\n![clicks, adaptation and disliked items by variant](simulator.png)\n"
                        + TasteScenario.run(rest, INDEX, FIELD, topicOf, users, Math.min(sessions, 12), time));
        System.out.println(Files.readString(report));
    }

    /** Sets the settings as transient cluster settings, or resets them. */
    static void setTransient(Rest rest, Map<String, Object> settings, boolean reset) {
        Map<String, Object> body = new HashMap<>();
        settings.forEach((k, v) -> body.put(k, reset ? null : v));
        rest.ok("PUT", "/_cluster/settings", Map.of("transient", body));
    }

    /** Sends a session's events, then waits out its second: sessions one second apart at least, the clock the
     * half-lives are scaled to. */
    static void endSession(Rest rest, List<Object> events, long sessionStart) throws InterruptedException {
        send(rest, events);
        long left = SESSION_MILLIS - (System.nanoTime() - sessionStart) / 1_000_000;
        if (left > 0) {
            Thread.sleep(left);
        }
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
        body.put(
                "query",
                Map.of(
                        "function_score",
                        Map.of(
                                "query",
                                Map.of("match_all", Map.of()),
                                "boost_mode",
                                "replace",
                                "functions",
                                List.of(Map.of(
                                        "random_score",
                                        Map.of("seed", session * 100_003 + user, "field", "_seq_no"))))));
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
        List<String> ids = new ArrayList<>();
        rest.ok("POST", "/" + INDEX + "/_search", body)
                .get("hits")
                .get("hits")
                .forEach(h -> ids.add(h.get("_id").asText()));
        return ids;
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

    static String report(Map<String, Trace[]> traces, int users, int sessions, int shift, double secondsPerSession) {
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
            - Time: a session starts every second of real time at the earliest (%.2f s on average in this run), and the
              half-lives are scaled to it for every variant: short-term 1 s (a session), long-term 5 s (a few
              sessions: the pace at which these users' tastes drift), negative 20 s; "no decay" turns the long-term
              and negative decay off.
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
                secondsPerSession,
                sessions,
                sessions - shift,
                sessions,
                shift + 1,
                rows.toString().strip());
    }
}
