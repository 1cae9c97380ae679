package io.interestranking.bench;

import io.interestranking.it.Rest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replay tuner on half of MovieLens small's users (odd ids; popularity + `interest` rescorer, HR@10): the profile
 * model's key settings one at a time around the defaults (each needs a replay of the events), and a grid of the
 * rescorer's request parameters — interest share of the two weights × window — on the profiles of the defaults (no
 * replay). The best configuration is then compared with the defaults on the other half (even ids), paired. A default
 * should change only where that gain exceeds two standard errors.
 * Usage: MovieLensTuner <node url> <movielens dir> <report.md>
 */
public final class MovieLensTuner {

    /** Profile settings (replayed) and how the rescorer is asked to rank. */
    record Config(String name, Map<String, Object> settings, MovieLensEval.Rescore rescore) {
        Config(String name, Map<String, Object> settings) {
            this(name, settings, MovieLensEval.Rescore.DEFAULT);
        }
    }

    /** The rescorer's request parameters: the interest's share of the two weights, and the window. */
    static List<Config> rescoreGrid() {
        List<Config> grid = new java.util.ArrayList<>();
        for (double share : new double[] {0.2, 0.35, 0.5, 0.65, 0.8}) {
            for (int window : new int[] {50, 100, 200}) {
                MovieLensEval.Rescore r = new MovieLensEval.Rescore(window, 1 - share, share);
                if (r.equals(MovieLensEval.Rescore.DEFAULT) == false) {
                    grid.add(new Config("rescorer: " + r, Map.of(), r));
                }
            }
        }
        return grid;
    }

    static final List<Config> GRID = List.of(
            new Config("defaults", Map.of()),
            new Config("spawn_threshold 0.4", Map.of("plugins.interest.profile.spawn_threshold", 0.4)),
            new Config("spawn_threshold 0.6", Map.of("plugins.interest.profile.spawn_threshold", 0.6)),
            new Config("long_term_half_life 7d", Map.of("plugins.interest.profile.long_term_half_life", "7d")),
            new Config("long_term_half_life 365d", Map.of("plugins.interest.profile.long_term_half_life", "365d")),
            new Config("score.short_term_weight 0", Map.of("plugins.interest.profile.score.short_term_weight", 0.0)),
            new Config("score.short_term_weight 0.6", Map.of("plugins.interest.profile.score.short_term_weight", 0.6)),
            new Config("score.negative_weight 0", Map.of("plugins.interest.profile.score.negative_weight", 0.0)),
            new Config("score.negative_weight 1", Map.of("plugins.interest.profile.score.negative_weight", 1.0)),
            new Config("learning_rate_floor 0.02", Map.of("plugins.interest.profile.learning_rate_floor", 0.02)),
            new Config("learning_rate_floor 0.1", Map.of("plugins.interest.profile.learning_rate_floor", 0.1)));

    public static void main(String[] args) throws Exception {
        Rest rest = new Rest(args[0]);
        Path report = Path.of(args[2]);
        MovieLensEval.Split all = MovieLensEval.Split.of(Path.of(args[1]));
        all.index(rest);
        MovieLensEval.Split tune = all.half(true), test = all.half(false);

        StringBuilder rows = new StringBuilder();
        MovieLensEval.PerUser base = null;
        Config best = GRID.get(0);
        double bestHr = -1;
        List<Config> configs = new java.util.ArrayList<>(GRID);
        configs.addAll(rescoreGrid());
        for (int i = 0; i < configs.size(); i++) {
            Config config = configs.get(i);
            // the rescorer's parameters need no replay: they rank the defaults' profiles ("tune0-")
            MovieLensEval.PerUser r = config.settings().isEmpty() && i > 0
                    ? evaluate(rest, tune, config, "tune0-")
                    : run(rest, tune, config, "tune" + i + "-");
            base = i == 0 ? r : base;
            double[] gain = r.pairedHitGain(base);
            rows.append(String.format(
                    Locale.ROOT,
                    "| %s | %.4f | %s |%n",
                    config.name(),
                    r.means()[0],
                    i == 0 ? "" : String.format(Locale.ROOT, "%+.4f ± %.4f", gain[0], gain[1])));
            if (r.means()[0] > bestHr) {
                bestHr = r.means()[0];
                best = config;
            }
            System.err.println("tuned: " + config.name());
        }
        MovieLensEval.PerUser testDefaults = run(rest, test, GRID.get(0), "test-defaults-");
        MovieLensEval.PerUser testBest = best.settings().isEmpty()
                ? evaluate(rest, test, best, "test-defaults-")
                : run(rest, test, best, "test-best-");
        double[] gain = testBest.pairedHitGain(testDefaults);
        String verdict = best == GRID.get(0)
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
            as `rating` events); ranking: popularity + `interest` rescorer (window 100, `min_max`, weights 0.5/0.5),
            HR@10. Profile settings searched one at a time around the defaults (each with a replay of the events), then
            the rescorer's request parameters on a grid (the interest's share of the two weights × the window, on the
            defaults' profiles), on the %d users with an odd id; the best of all then compared with the defaults on the
            %d users with an even id, paired (per user, hit minus hit; ± one standard error of the mean difference).

            ## Tuning half (odd ids)
            | setting | HR@10 | − defaults, same users |
            |---|---|---|
            %s
            ## Reporting half (even ids)
            Best on the tuning half: **%s**. On the other half: defaults %.4f, best %.4f, difference **%+.4f ± %.4f**
            (%.1f standard errors): %s.
            """,
                Instant.now(),
                tune.heldOut().size(),
                test.heldOut().size(),
                rows,
                best.name(),
                testDefaults.means()[0],
                testBest.means()[0],
                gain[0],
                gain[1],
                gain[1] == 0 ? 0 : gain[0] / gain[1],
                verdict);
        Files.writeString(report, text);
        System.out.println(text);
    }

    /** Replays the split's events with the config's settings, then ranks as it says. */
    static MovieLensEval.PerUser run(Rest rest, MovieLensEval.Split split, Config config, String prefix)
            throws Exception {
        MovieLensEval.setSettings(rest, config.settings(), false);
        try {
            MovieLensEval.replay(rest, split.training(), prefix);
            return evaluate(rest, split, config, prefix);
        } finally {
            MovieLensEval.setSettings(rest, config.settings(), true);
        }
    }

    /** Ranks the split's users, whose profiles are already replayed under {@code prefix}, as the config says. */
    static MovieLensEval.PerUser evaluate(Rest rest, MovieLensEval.Split split, Config config, String prefix) {
        return MovieLensEval.evaluate(
                rest, split.training(), split.heldOut(), "rescore", prefix, split.maxPopularity(), config.rescore());
    }
}
