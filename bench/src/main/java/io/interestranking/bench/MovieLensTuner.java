package io.interestranking.bench;

import io.interestranking.it.Rest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replay tuner: the profile model's key settings searched one at a time around the defaults on half of MovieLens
 * small's users (odd ids; popularity + `interest` rescorer, HR@10), the best setting then compared with the defaults
 * on the other half (even ids), paired. A default should change only where that gain exceeds two standard errors.
 * Usage: MovieLensTuner <node url> <movielens dir> <report.md>
 */
public final class MovieLensTuner {

    record Config(String name, Map<String, Object> settings) {}

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
        for (int i = 0; i < GRID.size(); i++) {
            MovieLensEval.PerUser r = run(rest, tune, GRID.get(i), "tune" + i + "-");
            base = i == 0 ? r : base;
            double[] gain = r.pairedHitGain(base);
            rows.append(String.format(
                    Locale.ROOT,
                    "| %s | %.4f | %s |%n",
                    GRID.get(i).name(),
                    r.means()[0],
                    i == 0 ? "" : String.format(Locale.ROOT, "%+.4f ± %.4f", gain[0], gain[1])));
            if (r.means()[0] > bestHr) {
                bestHr = r.means()[0];
                best = GRID.get(i);
            }
            System.err.println("tuned: " + GRID.get(i).name());
        }
        MovieLensEval.PerUser testDefaults = run(rest, test, GRID.get(0), "test-defaults-");
        MovieLensEval.PerUser testBest = run(rest, test, best, "test-best-");
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
            HR@10. Settings searched one at a time around the defaults on the %d users with an odd id; the best then
            compared with the defaults on the %d users with an even id, paired (per user, hit minus hit; ± one standard
            error of the mean difference).

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

    static MovieLensEval.PerUser run(Rest rest, MovieLensEval.Split split, Config config, String prefix)
            throws Exception {
        MovieLensEval.setSettings(rest, config.settings(), false);
        try {
            MovieLensEval.replay(rest, split.training(), prefix);
            return MovieLensEval.evaluate(
                    rest, split.training(), split.heldOut(), "rescore", prefix, split.maxPopularity());
        } finally {
            MovieLensEval.setSettings(rest, config.settings(), true);
        }
    }
}
