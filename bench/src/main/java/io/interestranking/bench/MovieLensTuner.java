package io.interestranking.bench;

import io.interestranking.it.Rest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replay tuner on half of MovieLens small's users (odd ids; popularity + `interest` rescorer, HR@10): a full grid of
 * the key settings — the profile's (spawn threshold, learning-rate floor, both half-lives: each combination needs a
 * replay of the events) × the score's (short-term and negative weights: cluster settings read at search time) × the
 * rescorer's request parameters (the interest's share of the two weights, the window). The best combination is then
 * compared with the defaults on the other half (even ids), paired. A default changes only where that gain exceeds
 * two standard errors. Usage: MovieLensTuner <node url> <movielens dir> <report.md>
 */
public final class MovieLensTuner {

    static final String P = "plugins.interest.profile.";

    /** The settings that shape a profile: a combination is one replay. */
    record Shape(double spawn, double floor, String shortHalfLife, String longHalfLife) {
        static final Shape DEFAULT = new Shape(0.5, 0.05, "1h", "30d");

        Map<String, Object> settings() {
            return Map.of(
                    P + "spawn_threshold", spawn,
                    P + "learning_rate_floor", floor,
                    P + "short_term_half_life", shortHalfLife,
                    P + "long_term_half_life", longHalfLife);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT, "θ %.1f, η_min %.2f, H_S %s, H_L %s", spawn, floor, shortHalfLife, longHalfLife);
        }
    }

    /** How a profile scores, at search time: the score's weights and the rescorer's request parameters. */
    record Scoring(double shortWeight, double negativeWeight, double halfWeight, MovieLensEval.Rescore rescore) {
        static final Scoring DEFAULT = new Scoring(0.3, 0.5, 1, MovieLensEval.Rescore.DEFAULT);

        Map<String, Object> settings() {
            return Map.of(
                    P + "score.short_term_weight",
                    shortWeight,
                    P + "score.negative_weight",
                    negativeWeight,
                    P + "score.interest_half_weight",
                    halfWeight);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "β_S %.1f, β_N %.1f, w½ %s, interest share %.2f, window %d",
                    shortWeight,
                    negativeWeight,
                    halfWeight < 0 ? "off" : String.format(Locale.ROOT, "%.0f", halfWeight),
                    rescore.interestWeight(),
                    rescore.window());
        }
    }

    record Config(Shape shape, Scoring scoring) {
        boolean isDefault() {
            return shape.equals(Shape.DEFAULT) && scoring.equals(Scoring.DEFAULT);
        }

        @Override
        public String toString() {
            return shape + "; " + scoring;
        }
    }

    /** A searched setting, and the level a combination gives it (for the averages over all other settings). */
    record Searched(String name, java.util.function.Function<Config, String> level) {}

    static final List<Searched> SETTINGS = List.of(
            new Searched("spawn threshold θ", c -> fixed(c.shape().spawn(), 1)),
            new Searched("learning-rate floor η_min", c -> fixed(c.shape().floor(), 2)),
            new Searched("short-term half-life H_S", c -> c.shape().shortHalfLife()),
            new Searched("long-term half-life H_L", c -> c.shape().longHalfLife()),
            new Searched("score.short_term_weight β_S", c -> fixed(c.scoring().shortWeight(), 1)),
            new Searched("score.negative_weight β_N", c -> fixed(c.scoring().negativeWeight(), 1)),
            new Searched(
                    "score.interest_half_weight w½",
                    c -> c.scoring().halfWeight() < 0
                            ? "off"
                            : fixed(c.scoring().halfWeight(), 0)),
            new Searched(
                    "rescorer: interest share", c -> fixed(c.scoring().rescore().interestWeight(), 2)),
            new Searched(
                    "rescorer: window",
                    c -> String.valueOf(c.scoring().rescore().window())));

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static List<Shape> shapes() {
        List<Shape> out = new ArrayList<>();
        for (double spawn : new double[] {0.4, 0.5, 0.6}) {
            for (double floor : new double[] {0.05, 0.1}) {
                for (String shortHalfLife : new String[] {"1h", "7d"}) {
                    for (String longHalfLife : new String[] {"30d", "365d"}) {
                        out.add(new Shape(spawn, floor, shortHalfLife, longHalfLife));
                    }
                }
            }
        }
        return out;
    }

    static List<Scoring> scorings() {
        List<Scoring> out = new ArrayList<>();
        for (double shortWeight : new double[] {0, 0.3, 0.6}) {
            for (double negativeWeight : new double[] {0, 0.5}) {
                for (double halfWeight : new double[] {-1, 1}) {
                    for (double share : new double[] {0.5, 0.8}) {
                        for (int window : new int[] {50, 100}) {
                            out.add(new Scoring(
                                    shortWeight,
                                    negativeWeight,
                                    halfWeight,
                                    new MovieLensEval.Rescore(window, 1 - share, share)));
                        }
                    }
                }
            }
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        Rest rest = new Rest(args[0]);
        Path report = Path.of(args[2]);
        MovieLensEval.Split all = MovieLensEval.Split.of(Path.of(args[1]));
        all.index(rest);
        MovieLensEval.Split tune = all.half(true), test = all.half(false);

        Map<Config, MovieLensEval.PerUser> results = new LinkedHashMap<>();
        List<Shape> shapes = shapes();
        for (int i = 0; i < shapes.size(); i++) {
            Shape shape = shapes.get(i);
            String prefix = "tune" + i + "-";
            MovieLensEval.setSettings(rest, shape.settings(), false);
            try {
                MovieLensEval.replay(rest, tune.training(), prefix);
                for (Scoring scoring : scorings()) {
                    results.put(new Config(shape, scoring), evaluate(rest, tune, scoring, prefix));
                }
            } finally {
                MovieLensEval.setSettings(rest, shape.settings(), true);
            }
            System.err.println("tuned: " + shape);
        }
        Config defaults = new Config(Shape.DEFAULT, Scoring.DEFAULT);
        MovieLensEval.PerUser base = results.get(defaults);
        List<Config> ranked = new ArrayList<>(results.keySet());
        ranked.sort(Comparator.comparingDouble((Config c) -> -results.get(c).means()[0]));
        Config best = ranked.get(0);

        StringBuilder top = new StringBuilder();
        for (Config c : ranked.subList(0, 10)) {
            top.append(row(c.toString(), results.get(c), base));
        }
        top.append(row("**defaults**: " + defaults + " (place " + (ranked.indexOf(defaults) + 1) + ")", base, base));
        StringBuilder marginal = new StringBuilder();
        Map<String, Double> plotted = new LinkedHashMap<>();
        for (Searched setting : SETTINGS) {
            marginal(marginal, results, base, setting.name(), setting.level(), plotted);
        }

        MovieLensEval.PerUser testDefaults = run(rest, test, defaults, "test-defaults-");
        MovieLensEval.PerUser testBest = best.isDefault() ? testDefaults : run(rest, test, best, "test-best-");
        double[] gain = testBest.pairedHitGain(testDefaults);
        String verdict = best.isDefault()
                ? "the defaults were best on the tuning half: nothing to change"
                : gain[0] > 2 * gain[1]
                        ? "the gain exceeds two standard errors: change the default"
                        : "the gain does not exceed two standard errors: the defaults stay";
        String text = String.format(
                Locale.ROOT,
                """
            # Replay tuner on MovieLens small

            Measured %s by `bench/movielens-tuner.sh` on one local node, one run. The split of
            [movielens-report.md](movielens-report.md) (each user's last 20%% of positives held out, the rest replayed
            as `rating` events); ranking: popularity + `interest` rescorer (`min_max`), HR@10. A full grid on the %d
            users with an odd id: %d profile shapes (spawn threshold θ 0.4/0.5/0.6 × learning-rate floor η_min
            0.05/0.1 × short-term half-life H_S 1h/7d × long-term half-life H_L 30d/365d; each a replay of the events)
            × %d ways to score (score.short_term_weight β_S 0/0.3/0.6 × score.negative_weight β_N 0/0.5 ×
            score.interest_half_weight w½ off/1 × the rescorer's interest share of its two weights 0.5/0.8 × window
            50/100) = %d combinations. The best of all
            then compared with the defaults on the %d users with an even id, paired (per user, hit minus hit; ± one
            standard error of the mean difference).

            ## Tuning half (odd ids): the ten best, and the defaults
            | combination | HR@10 | − defaults, same users |
            |---|---|---|
            %s
            ## Tuning half: each setting's level, averaged over every combination of the others
            | setting | level | mean HR@10 | − defaults' HR@10 |
            |---|---|---|---|
            %s
            ## Reporting half (even ids)
            Best on the tuning half: **%s**. On the other half: defaults %.4f, best %.4f, difference **%+.4f ± %.4f**
            (%.1f standard errors): %s.
            """,
                Instant.now(),
                tune.heldOut().size(),
                shapes.size(),
                scorings().size(),
                results.size(),
                test.heldOut().size(),
                top,
                marginal,
                best,
                testDefaults.means()[0],
                testBest.means()[0],
                gain[0],
                gain[1],
                gain[1] == 0 ? 0 : gain[0] / gain[1],
                verdict);
        Plots.bars(
                "MovieLens replay, tuning half: mean HR@10 of every combination with each level",
                "mean HR@10",
                new ArrayList<>(plotted.keySet()),
                List.of("mean HR@10 (defaults " + String.format(Locale.ROOT, "%.4f", base.means()[0]) + ")"),
                List.of(plotted.values().stream()
                        .mapToDouble(Double::doubleValue)
                        .toArray()),
                report.resolveSibling("movielens-tuner.png"));
        text += "\n![mean HR@10 per setting level](movielens-tuner.png)\n";
        Files.writeString(report, text);
        System.out.println(text);
    }

    static String row(String name, MovieLensEval.PerUser r, MovieLensEval.PerUser base) {
        double[] gain = r.pairedHitGain(base);
        return String.format(
                Locale.ROOT,
                "| %s | %.4f | %s |%n",
                name,
                r.means()[0],
                r == base ? "" : String.format(Locale.ROOT, "%+.4f ± %.4f", gain[0], gain[1]));
    }

    /** The mean HR@10 of every combination with each level of one setting. */
    static void marginal(
            StringBuilder out,
            Map<Config, MovieLensEval.PerUser> results,
            MovieLensEval.PerUser base,
            String setting,
            java.util.function.Function<Config, String> level,
            Map<String, Double> plotted) {
        Map<String, double[]> sums = new java.util.TreeMap<>();
        results.forEach((c, r) -> {
            double[] s = sums.computeIfAbsent(level.apply(c), k -> new double[2]);
            s[0] += r.means()[0];
            s[1]++;
        });
        String symbol = setting.substring(setting.lastIndexOf(' ') + 1);
        sums.forEach((l, s) -> {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.4f | %+.4f |%n",
                    setting,
                    l,
                    s[0] / s[1],
                    s[0] / s[1] - base.means()[0]));
            plotted.put(symbol + " " + l, s[0] / s[1]);
        });
    }

    /** Replays the split's events with the config's profile settings, then ranks as its scoring says. */
    static MovieLensEval.PerUser run(Rest rest, MovieLensEval.Split split, Config config, String prefix)
            throws Exception {
        MovieLensEval.setSettings(rest, config.shape().settings(), false);
        try {
            MovieLensEval.replay(rest, split.training(), prefix);
            return evaluate(rest, split, config.scoring(), prefix);
        } finally {
            MovieLensEval.setSettings(rest, config.shape().settings(), true);
        }
    }

    /** Ranks the split's users, whose profiles are already replayed under {@code prefix}, as the scoring says. */
    static MovieLensEval.PerUser evaluate(Rest rest, MovieLensEval.Split split, Scoring scoring, String prefix) {
        MovieLensEval.setSettings(rest, scoring.settings(), false);
        try {
            return MovieLensEval.evaluate(
                    rest,
                    split.training(),
                    split.heldOut(),
                    "rescore",
                    prefix,
                    split.maxPopularity(),
                    scoring.rescore());
        } finally {
            MovieLensEval.setSettings(rest, scoring.settings(), true);
        }
    }
}
