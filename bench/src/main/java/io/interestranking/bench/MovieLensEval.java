package io.interestranking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.interestranking.it.Fixtures;
import io.interestranking.it.Rest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Recommendation quality on MovieLens small: replays each user's ratings in time order as events, holding out the
 * last 20% of the user's positives (rating ≥ 4), and reports HR@10 / nDCG@10 on the held-out movies (seen
 * movies excluded) for popularity, interest_knn, popularity + interest rescorer, and ablations of the model.
 * Usage: MovieLensEval <node url> <movielens dir> <report.md>
 */
public final class MovieLensEval {

    record Rating(int user, int movie, double value, long time) {}

    record Variant(String name, Map<String, Object> settings) {}

    public static void main(String[] args) throws Exception {
        Rest rest = new Rest(args[0]);
        Path dir = Path.of(args[1]);
        Path report = Path.of(args[2]);

        Split split = Split.of(dir);
        Map<Integer, List<Rating>> training = split.training();
        Map<Integer, Set<String>> heldOut = split.heldOut();
        Map<Integer, String> texts = split.texts();
        int maxPopularity = split.maxPopularity();
        double indexSeconds = split.index(rest);

        List<Variant> variants = List.of(
                new Variant("full model", Map.of()),
                new Variant("one interest only", Map.of("plugins.interest.profile.max_interests", 1)),
                new Variant(
                        "no time decay",
                        Map.of(
                                "plugins.interest.profile.long_term_half_life",
                                "0s",
                                "plugins.interest.profile.negative_half_life",
                                "0s")),
                new Variant("no short-term interest", Map.of("plugins.interest.profile.short_term.enabled", false)),
                new Variant("no negative interest", Map.of("plugins.interest.profile.negative.enabled", false)),
                new Variant(
                        "all interests alike (w½ 0)",
                        Map.of("plugins.interest.profile.score.interest_half_weight", 0)));
        Map<String, PerUser> rows = new LinkedHashMap<>();
        rows.put("popularity", evaluate(rest, training, heldOut, "popularity", null, maxPopularity, Rescore.DEFAULT));
        long replayed = 0;
        for (int v = 0; v < variants.size(); v++) {
            Variant variant = variants.get(v);
            setSettings(rest, variant.settings(), false);
            try {
                replayed = replay(rest, training, "v" + v + "-");
                rows.put(
                        "`interest_knn`, " + variant.name(),
                        evaluate(
                                rest,
                                training,
                                heldOut,
                                "interest_knn",
                                "v" + v + "-",
                                maxPopularity,
                                Rescore.DEFAULT));
                rows.put(
                        "popularity + `interest` rescorer, " + variant.name(),
                        evaluate(rest, training, heldOut, "rescore", "v" + v + "-", maxPopularity, Rescore.DEFAULT));
            } finally {
                setSettings(rest, variant.settings(), true);
            }
            System.err.println("done: " + variant.name());
        }

        List<String> groups = new ArrayList<>(List.of("popularity (no profile)"));
        double[] knnHr = new double[variants.size() + 1];
        double[] rescoreHr = new double[variants.size() + 1];
        knnHr[0] = rescoreHr[0] = rows.get("popularity").means()[0];
        for (int v = 0; v < variants.size(); v++) {
            groups.add(variants.get(v).name());
            knnHr[v + 1] = rows.get("`interest_knn`, " + variants.get(v).name()).means()[0];
            rescoreHr[v + 1] = rows.get("popularity + `interest` rescorer, "
                            + variants.get(v).name())
                    .means()[0];
        }
        Path plot = report.resolveSibling("movielens-quality.png");
        Plots.bars(
                "MovieLens small: HR@10 by ranking and model variant",
                "HR@10",
                groups,
                List.of("interest_knn", "popularity + interest rescorer"),
                List.of(knnHr, rescoreHr),
                plot);

        StringBuilder table = new StringBuilder();
        PerUser base = rows.get("popularity"), full = rows.get("popularity + `interest` rescorer, full model");
        PerUser fullKnn = rows.get("`interest_knn`, full model");
        rows.forEach((name, r) -> {
            PerUser reference = name.startsWith("popularity + ") ? full : fullKnn;
            double[] m = r.means(), vsBase = r.pairedHitGain(base), vsFull = r.pairedHitGain(reference);
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %.4f | %.4f | %s | %s |%n",
                    name,
                    m[0],
                    m[1],
                    r == base
                            ? ""
                            : String.format(
                                    Locale.ROOT, "%+.4f ± %.4f (%.1f SE)", vsBase[0], vsBase[1], vsBase[0] / vsBase[1]),
                    r != base && r != reference
                            ? String.format(
                                    Locale.ROOT,
                                    "%+.4f ± %.4f (%.1f SE)",
                                    vsFull[0],
                                    vsFull[1],
                                    vsFull[1] == 0 ? 0 : vsFull[0] / vsFull[1])
                            : ""));
        });
        String text = String.format(
                Locale.ROOT,
                """
                # Recommendation quality on MovieLens small

                Measured %s by `bench/movielens-eval.sh` on one local node (OpenSearch 3.6.0, k-NN 3.6.0.0) on this
                project's machine, one run; every row in the same run.

                - Items: %d movies; text = title, genres and the movie's tags, embedded by the `interest_embedding`
                  pipeline (all-MiniLM-L6-v2) in %.0f s.
                - Users: the %d users with at least 5 positive ratings (≥ 4.0). Each user's last 20%% of positives
                  (in time) are held out; every rating before the first held-out one is replayed in time order as a
                  `rating` event with its value (above 3 positive, below 3 negative: `rating_neutral` 3) — %d events per model
                  variant, timestamps shifted so the user's last replayed event is a minute before the query.
                - Metrics: HR@10 (a held-out movie in the top 10) and nDCG@10 (binary), averaged over users; movies the
                  user rated in training are excluded from every ranking.
                - Rankings: popularity (positive ratings in training); `interest_knn` (k = 100); popularity as the first
                  pass (`function_score` on `popularity`) + the `interest` rescorer over a window of 100
                  (`normalize: min_max` on [0, %d], `query_weight` 0.5, `interest_weight` 0.5). Each model variant
                  builds its own profiles with the named setting changed.

                | ranking | HR@10 | nDCG@10 | HR@10 − popularity's, same users | HR@10 − the full model's in the same ranking, same users |
                |---|---|---|---|---|
                %s

                Differences are paired: per user, this ranking's hit (0 or 1) minus the other's, averaged; ± one standard
                error of that mean (the users' differences' standard deviation / √users), and how many standard errors
                the difference is.

                ![HR@10 by ranking and model variant](movielens-quality.png)
                """,
                Instant.now().toString(),
                texts.size(),
                indexSeconds,
                heldOut.size(),
                replayed,
                maxPopularity,
                table.toString().strip());
        Files.writeString(report, text);
        System.out.println(text);
    }

    /** Each user's last 20% of positives (in time) held out; training is what came before; popularity from training. */
    record Split(
            Map<Integer, List<Rating>> training,
            Map<Integer, Set<String>> heldOut,
            Map<Integer, Integer> popularity,
            Map<Integer, String> texts) {

        static Split of(Path dir) throws IOException {
            Map<Integer, List<Rating>> byUser = new TreeMap<>();
            for (String line : Files.readAllLines(dir.resolve("ratings.csv"))
                    .subList(1, Files.readAllLines(dir.resolve("ratings.csv")).size())) {
                String[] f = line.split(",");
                Rating r = new Rating(
                        Integer.parseInt(f[0]),
                        Integer.parseInt(f[1]),
                        Double.parseDouble(f[2]),
                        Long.parseLong(f[3]) * 1000);
                byUser.computeIfAbsent(r.user(), k -> new ArrayList<>()).add(r);
            }
            // split: the last 20% of each user's positives (in time) are held out; training is what came before
            Map<Integer, List<Rating>> training = new LinkedHashMap<>();
            Map<Integer, Set<String>> heldOut = new LinkedHashMap<>();
            Map<Integer, Integer> popularity = new HashMap<>();
            for (var e : byUser.entrySet()) {
                List<Rating> all = new ArrayList<>(e.getValue());
                all.sort((a, b) -> a.time() != b.time()
                        ? Long.compare(a.time(), b.time())
                        : Integer.compare(a.movie(), b.movie()));
                List<Rating> positives =
                        all.stream().filter(r -> r.value() >= 4.0).toList();
                if (positives.size() < 5) {
                    continue;
                }
                int cut = positives.size() - Math.max(1, (int) Math.round(positives.size() * 0.2));
                long holdoutStart = positives.get(cut).time();
                Set<String> test = new HashSet<>();
                for (Rating r : positives.subList(cut, positives.size())) {
                    test.add(String.valueOf(r.movie()));
                }
                List<Rating> train = new ArrayList<>();
                for (Rating r : all) {
                    if (r.time() < holdoutStart && test.contains(String.valueOf(r.movie())) == false) {
                        train.add(r);
                        if (r.value() >= 4.0) {
                            popularity.merge(r.movie(), 1, Integer::sum);
                        }
                    }
                }
                if (train.stream().anyMatch(r -> r.value() >= 4.0)) {
                    training.put(e.getKey(), train);
                    heldOut.put(e.getKey(), test);
                }
            }
            return new Split(training, heldOut, popularity, movieTexts(dir));
        }

        int maxPopularity() {
            return popularity.values().stream()
                    .mapToInt(Integer::intValue)
                    .max()
                    .orElse(1);
        }

        /** The users whose id is odd ({@code odd}) or even, for tuning on one half and reporting on the other. */
        Split half(boolean odd) {
            Map<Integer, List<Rating>> t = new LinkedHashMap<>();
            Map<Integer, Set<String>> h = new LinkedHashMap<>();
            heldOut.forEach((user, set) -> {
                if ((user % 2 == 1) == odd) {
                    t.put(user, training.get(user));
                    h.put(user, set);
                }
            });
            return new Split(t, h, popularity, texts);
        }

        /** The catalogue through the pipeline into {@code ml-movies}; returns the seconds it took. */
        double index(Rest rest) throws IOException {
            // the catalogue, embedded by the pipeline
            rest.call("DELETE", "/ml-movies", null);
            rest.ok(
                    "PUT",
                    "/_ingest/pipeline/ml-movies",
                    Fixtures.pipeline(Map.of("field_map", Map.of("text", "text_vector"))));
            rest.ok("PUT", "/ml-movies", Fixtures.vectorIndex("ml-movies", "text", "text_vector", 1, 0));
            rest.ok(
                    "PUT",
                    "/ml-movies/_mapping",
                    Map.of("properties", Map.of("popularity", Map.of("type", "integer"))));
            List<Integer> ids = new ArrayList<>(texts.keySet());
            long indexStart = System.nanoTime();
            for (int from = 0; from < ids.size(); from += 500) {
                StringBuilder bulk = new StringBuilder();
                for (int id : ids.subList(from, Math.min(ids.size(), from + 500))) {
                    bulk.append(Datasets.bulkLine(
                            "ml-movies",
                            String.valueOf(id),
                            Map.of("text", texts.get(id), "popularity", popularity.getOrDefault(id, 0))));
                }
                if (rest.ok("POST", "/_bulk", bulk.toString()).get("errors").asBoolean()) {
                    throw new IllegalStateException("bulk errors");
                }
            }
            rest.ok("POST", "/ml-movies/_refresh", null);
            return (System.nanoTime() - indexStart) / 1e9;
        }
    }

    static void setSettings(Rest rest, Map<String, Object> settings, boolean reset) {
        if (settings.isEmpty()) {
            return;
        }
        Map<String, Object> body = new HashMap<>();
        settings.forEach((k, v) -> body.put(k, reset ? null : v));
        rest.ok("PUT", "/_cluster/settings", Map.of("transient", body));
    }

    /** Replays the training ratings as events, 1,000 per request; returns how many. */
    static long replay(Rest rest, Map<Integer, List<Rating>> training, String prefix) throws IOException {
        long now = System.currentTimeMillis() - 60_000;
        List<Object> batch = new ArrayList<>();
        long count = 0;
        for (var e : training.entrySet()) {
            List<Rating> ratings = e.getValue();
            long shift = now - ratings.get(ratings.size() - 1).time();
            for (Rating r : ratings) {
                batch.add(Map.of(
                        "user_id",
                        prefix + r.user(),
                        "type",
                        "rating",
                        "value",
                        r.value(),
                        "timestamp",
                        r.time() + shift,
                        "event_id",
                        prefix + r.user() + "-" + r.movie(),
                        "item",
                        Map.of("index", "ml-movies", "id", String.valueOf(r.movie()))));
                count++;
                if (batch.size() == 1000) {
                    post(rest, batch);
                }
            }
        }
        if (batch.isEmpty() == false) {
            post(rest, batch);
        }
        return count;
    }

    static void post(Rest rest, List<Object> batch) {
        JsonNode r = rest.ok("POST", "/_plugins/_interest/events", Map.of("events", batch));
        if (r.get("errors").asBoolean()) {
            throw new IllegalStateException("event errors: " + r.toString().substring(0, 1000));
        }
        batch.clear();
    }

    /** Per user (in {@code heldOut}'s order): HR@10 (0 or 1) and nDCG@10. */
    /** How the `interest` rescorer is asked to rank: its window and the two weights (scores `min_max` normalised). */
    record Rescore(int window, double queryWeight, double interestWeight) {
        static final Rescore DEFAULT = new Rescore(100, 0.5, 0.5);

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "window %d, query_weight %.2f, interest_weight %.2f",
                    window,
                    queryWeight,
                    interestWeight);
        }
    }

    record PerUser(double[] hits, double[] ndcg) {
        double[] means() {
            return new double[] {mean(hits), mean(ndcg)};
        }

        /** This ranking's HR@10 minus {@code base}'s over the same users, and the standard error of that mean difference. */
        double[] pairedHitGain(PerUser base) {
            return Ndcg.pairedDifference(hits, base.hits);
        }

        static double mean(double[] v) {
            double sum = 0;
            for (double x : v) {
                sum += x;
            }
            return sum / v.length;
        }
    }

    static PerUser evaluate(
            Rest rest,
            Map<Integer, List<Rating>> training,
            Map<Integer, Set<String>> heldOut,
            String kind,
            String prefix,
            int maxPopularity,
            Rescore rescore) {
        double[] hits = new double[heldOut.size()], ndcg = new double[heldOut.size()];
        int u = 0;
        for (var e : heldOut.entrySet()) {
            List<String> seen = training.get(e.getKey()).stream()
                    .map(r -> String.valueOf(r.movie()))
                    .distinct()
                    .toList();
            Map<String, Object> notSeen =
                    Map.of("bool", Map.of("must_not", List.of(Map.of("ids", Map.of("values", seen)))));
            Map<String, Object> popularityQuery = Map.of(
                    "function_score",
                    Map.of(
                            "query",
                            notSeen,
                            "boost_mode",
                            "replace",
                            "functions",
                            List.of(Map.of("field_value_factor", Map.of("field", "popularity", "missing", 0)))));
            Map<String, Object> body = new HashMap<>();
            body.put("size", 10);
            body.put("_source", false);
            switch (kind) {
                case "popularity" -> {
                    body.put("query", popularityQuery);
                    body.put("sort", List.of(Map.of("popularity", "desc"), Map.of("_id", "asc")));
                }
                case "interest_knn" ->
                    body.put(
                            "query",
                            Map.of(
                                    "interest_knn",
                                    Map.of(
                                            "field",
                                            "text_vector",
                                            "user_id",
                                            prefix + e.getKey(),
                                            "k",
                                            100,
                                            "filter",
                                            notSeen,
                                            "fallback",
                                            popularityQuery)));
                default -> {
                    body.put("query", popularityQuery);
                    body.put(
                            "rescore",
                            Map.of(
                                    "window_size",
                                    rescore.window(),
                                    "interest",
                                    Map.of(
                                            "user_id",
                                            prefix + e.getKey(),
                                            "field",
                                            "text_vector",
                                            "normalize",
                                            "min_max",
                                            "min",
                                            0,
                                            "max",
                                            maxPopularity,
                                            "query_weight",
                                            rescore.queryWeight(),
                                            "interest_weight",
                                            rescore.interestWeight())));
                }
            }
            List<String> ranked = new ArrayList<>();
            rest.ok("POST", "/ml-movies/_search", body)
                    .get("hits")
                    .get("hits")
                    .forEach(h -> ranked.add(h.get("_id").asText()));
            Map<String, Integer> relevant = new HashMap<>();
            e.getValue().forEach(id -> relevant.put(id, 1));
            hits[u] = ranked.stream().anyMatch(relevant::containsKey) ? 1 : 0;
            ndcg[u++] = Ndcg.at(10, ranked, relevant);
        }
        return new PerUser(hits, ndcg);
    }

    /** movieId → "title. Genres: a, b. Tags: x, y." */
    static Map<Integer, String> movieTexts(Path dir) throws IOException {
        Map<Integer, List<String>> tags = new HashMap<>();
        List<String> tagLines = Files.readAllLines(dir.resolve("tags.csv"));
        for (String line : tagLines.subList(1, tagLines.size())) {
            List<String> f = csv(line);
            List<String> list = tags.computeIfAbsent(Integer.parseInt(f.get(1)), k -> new ArrayList<>());
            String tag = f.get(2).strip();
            if (list.stream().noneMatch(t -> t.equalsIgnoreCase(tag))) {
                list.add(tag);
            }
        }
        Map<Integer, String> texts = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("movies.csv"));
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = csv(line);
            int id = Integer.parseInt(f.get(0));
            String genres = f.get(2).equals("(no genres listed)")
                    ? ""
                    : ". Genres: " + String.join(", ", f.get(2).split("\\|"));
            List<String> t = tags.getOrDefault(id, List.of());
            texts.put(id, f.get(1) + genres + (t.isEmpty() ? "" : ". Tags: " + String.join(", ", t)) + ".");
        }
        return texts;
    }

    /** One CSV line, with double-quoted fields. */
    static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
