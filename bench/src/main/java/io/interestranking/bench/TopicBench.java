package io.interestranking.bench;

import io.interestranking.core.embedding.EmbeddingService;
import io.interestranking.core.embedding.ModelRegistry;
import io.interestranking.core.embedding.NativeRuntime;
import io.interestranking.core.embedding.TextKind;
import io.interestranking.core.profile.Event;
import io.interestranking.core.profile.EventType;
import io.interestranking.core.profile.Interest;
import io.interestranking.core.profile.InterestModel;
import io.interestranking.core.profile.ModelParams;
import io.interestranking.core.profile.Profile;
import io.interestranking.core.profile.Rules;
import io.interestranking.core.profile.Vectors;
import io.interestranking.it.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Are interests topics? Labeled catalogs embedded in process by the bundled models; simulated users click 10 items
 * of each of T topics (clicks interleaved); the interest model's long-term interests are counted per topic and the
 * topic purity of each interest's evidence measured.
 */
public final class TopicBench {

    record Item(String id, String topic, float[] vector) {}

    record Catalog(String name, String model, List<Item> items, Map<String, List<Item>> byTopic) {
        Catalog(String name, String model, List<Item> items) {
            this(name, model, items, group(items));
        }

        static Map<String, List<Item>> group(List<Item> items) {
            Map<String, List<Item>> m = new LinkedHashMap<>();
            items.forEach(
                    i -> m.computeIfAbsent(i.topic(), t -> new ArrayList<>()).add(i));
            return m;
        }
    }

    record Result(double interestsPerTopic, double purity, double pureShare) {}

    record Rule(String name, double spawn, double merge, double cohesion, int every, double tau) {
        Rule(String name, double spawn, double merge, double cohesion) {
            this(name, spawn, merge, cohesion, 0, 0.3);
        }

        ModelParams params() {
            return Rules.with(Map.of(
                    ModelParams.SPAWN_THRESHOLD, spawn,
                    ModelParams.MERGE_THRESHOLD, merge,
                    ModelParams.COHESION, cohesion,
                    ModelParams.RECLUSTER_EVERY, every,
                    ModelParams.RECLUSTER_THRESHOLD, tau));
        }

        /** This rule with re-clustering every {@code n} events at threshold τ. */
        Rule reclustering(int n, double t) {
            return new Rule(
                    String.format(Locale.ROOT, "%s; re-clustered every %d events, τ %.2f", name, n, t),
                    spawn,
                    merge,
                    cohesion,
                    n,
                    t);
        }
    }

    static final int USERS = 400;
    static final Rule DEFAULTS = new Rule("defaults: θ 0.5 at every count, no merging", 0.5, 2.0, 1.0);

    public static void main(String[] args) throws Exception {
        Path models = Path.of(args[0]);
        Path datasets = Path.of(args[1]);
        Path root = Path.of(args[2]);
        Path report = Path.of(args[3]);
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        EmbeddingService service = new EmbeddingService(
                new ModelRegistry(List.of(models)),
                new NativeRuntime(Files.createTempDirectory("topics"), 1, 1),
                pool,
                () -> 8192,
                new io.interestranking.core.stats.InterestStats(),
                EmbeddingService::readResidentBytes);
        Catalog en = demo(service, root, "en", "all-minilm-l6-v2");
        Catalog movies = movies(service, datasets.resolve("movielens-small"), "all-minilm-l6-v2");
        Catalog zh = demo(service, root, "zh", "bge-small-zh-v1.5");
        Catalog sci = subjects(service, datasets.resolve("scifact"), "all-minilm-l6-v2");
        service.close();
        pool.shutdown();

        StringBuilder out = new StringBuilder();
        out.append(String.format(
                        Locale.ROOT,
                        """
            # Are interests topics? Calibrating the spawn and merge rule

            Measured %s by `bench/topics-bench.sh`, in process (the bundled models embed the catalogs; the plugin's
            interest model applies the clicks; no node). Simulated users click 10 items of each of T random topics
            (T = 1…4), the %d clicks in a random order one minute apart; %d users per T, the same seeds for every
            rule. Per T: long-term interests per topic (target ≤ 1.25), mean topic purity of an interest's evidence
            (its last 20 items; target ≥ 0.95), and the share of interests at least 95%% pure.

            ## The catalogs
            - **demo-en**: the demo catalog (`demo/catalog.py`, 3,000 items, 10 topics), descriptions, all-MiniLM-L6-v2.
            - **movielens**: MovieLens small movies of exactly one of %s (%d movies), text
              "title. Genre film. tags" (up to 5 of its tags), all-MiniLM-L6-v2.
            - **demo-zh**: the Chinese demo catalog (3,000 items, 8 topics), descriptions, bge-small-zh-v1.5.
            - **scifact**: SciFact abstracts whose title names exactly one of %d subjects (a disease, a risk or a
              field: %s), subjects with at least 15 titles (%d titles, %d subjects); text: the title; all-MiniLM-L6-v2.

            | catalog | item pairs: cosine within a topic (mean, q05–q95) | between topics | nearest true topic mean, among 4 topics |
            |---|---|---|---|
            """,
                        java.time.Instant.now(),
                        0,
                        USERS,
                        String.join(", ", GENRES),
                        movies.items().size(),
                        SUBJECTS.size(),
                        String.join(", ", SUBJECTS.keySet()),
                        sci.items().size(),
                        sci.byTopic().size())
                .replace("the 0 clicks", "the 10·T clicks"));
        List<Catalog> catalogs = List.of(en, movies, zh, sci);
        for (Catalog c : catalogs) {
            double[] w = pairs(c, true), b = pairs(c, false);
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.3f (%.3f–%.3f) | %.3f (%.3f–%.3f) | %.3f of items |%n",
                    c.name(),
                    w[0],
                    w[1],
                    w[2],
                    b[0],
                    b[1],
                    b[2],
                    ceiling(c, 4, new Random(4))));
        }
        out.append("""

            The last column is what perfect interests would do: nearly every item is closer to its own topic's mean
            direction than to the others'. What the online rule reaches below falls short of it because it decides
            on each click as it comes, from the few items seen so far.

            ## Calibration: the grid on each model's demo catalog, and on SciFact's subjects
            Join threshold θ (cosine with a single item; 0.20, 0.22, …, 0.62), merge threshold μ (between two single
            items; 0.20, 0.25, …, 0.65), cohesion ρ = the catalog's mean within-topic item cosine (the model's
            similarity scale). Best by the lowest purity over T, among the rules with at most 1.25 interests per topic
            at every T (other seeds than the table's):

            | model (catalog) | θ | μ | ρ | worst interests/topic | worst purity |
            |---|---|---|---|---|---|
            """);
        Rule enRule = calibrate(en, pairs(en, true)[0], out);
        Rule zhRule = calibrate(zh, pairs(zh, true)[0], out);
        Rule sciRule = calibrate(sci, pairs(sci, true)[0], out);
        out.append("""

            ## Re-clustering: τ on each catalog
            Every n events of a user (n = 10, and 7 so that the last clicks before the measurement are not yet
            re-clustered), the long-term interests are rebuilt from their evidence items' vectors by average linkage at
            threshold τ (`plugins.interest.profile.recluster_every`, `recluster_threshold`), on top of the catalog's
            calibrated rule. τ from the grid 0.20, 0.22, …, 0.50 (n = 10, other seeds than the table's): the highest
            worst purity with at most 1.25 interests per topic at every T.

            | catalog | θ, μ, ρ of the rule | τ | worst interests/topic | worst purity |
            |---|---|---|---|---|
            """);
        Map<Catalog, Rule> calibrated = new LinkedHashMap<>();
        calibrated.put(en, enRule);
        calibrated.put(movies, enRule); // the English model's calibration, as an operator would start
        calibrated.put(zh, zhRule);
        calibrated.put(sci, sciRule);
        Map<Catalog, Double> taus = new LinkedHashMap<>();
        calibrated.forEach((c, r) -> taus.put(c, reclusterThreshold(c, r, out)));
        out.append("""

            ## The rules on every catalog
            Per T: interests per topic / mean purity / share of interests ≥ 95% pure.

            | catalog | rule | T = 1 | T = 2 | T = 3 | T = 4 |
            |---|---|---|---|---|---|
            """);
        // plotted: defaults, calibrated and re-clustered every 10 events of each catalog (the table has every 7 too)
        List<String> labels = new ArrayList<>();
        List<double[]> perTopic = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            perTopic.add(new double[3 * catalogs.size()]);
        }
        for (Catalog c : catalogs) {
            Rule cal = calibrated.get(c);
            for (Rule r : List.of(DEFAULTS, cal, cal.reclustering(10, taus.get(c)), cal.reclustering(7, taus.get(c)))) {
                out.append("| ").append(c.name()).append(" | ").append(r.name());
                boolean plotted = r.every() != 7;
                if (plotted) {
                    labels.add(
                            c.name() + " " + (r == DEFAULTS ? "defaults" : r == cal ? "calibrated" : "re-clustered"));
                }
                for (int t = 1; t <= 4; t++) {
                    Result x = simulate(c, r.params(), t, USERS, new Random(t));
                    if (plotted) {
                        perTopic.get(t - 1)[labels.size() - 1] = x.interestsPerTopic();
                    }
                    out.append(String.format(
                            Locale.ROOT, " | %.2f / %.3f / %.2f", x.interestsPerTopic(), x.purity(), x.pureShare()));
                }
                out.append(" |\n");
            }
        }
        out.append("""

            ## The reference: every click known at once
            What no rule deciding click by click can beat: all 10·T clicks of a user clustered offline by average
            linkage (merge the two clusters whose items' mean pairwise cosine is highest while it is ≥ τ), the same
            users as above; τ per catalog, the highest purity at every T among τ = 0.20, 0.22, …, 0.60 with at most
            1.25 clusters per topic at every T (other seeds than the table's), or — when no τ keeps the count — the
            lowest count.

            | catalog | τ | T = 1 | T = 2 | T = 3 | T = 4 |
            |---|---|---|---|---|---|
            """);
        for (Catalog c : catalogs) {
            double tau = offlineThreshold(c);
            out.append(String.format(Locale.ROOT, "| %s | %.2f", c.name(), tau));
            for (int t = 1; t <= 4; t++) {
                Result x = offline(c, tau, t, USERS, new Random(t));
                out.append(String.format(
                        Locale.ROOT, " | %.2f / %.3f / %.2f", x.interestsPerTopic(), x.purity(), x.pureShare()));
            }
            out.append(" |\n");
        }
        out.append("""

            Targets: ≤ 1.25 interests per topic and purity ≥ 0.95 at every T. What the figures mean for the defaults,
            and how to calibrate a catalog: [docs/profile-model.md](../docs/profile-model.md).
            """);
        Plots.bars(
                "Long-term interests per topic, users of T topics (target ≤ 1.25)",
                "interests per topic",
                labels,
                List.of("T = 1", "T = 2", "T = 3", "T = 4"),
                perTopic,
                report.resolveSibling("topics.png"));
        out.append("\n![interests per topic by catalog and rule](topics.png)\n");
        Files.writeString(report, out.toString());
        System.out.println(out);
    }

    /** The grid on one catalog; appends the best three and returns the best. */
    static Rule calibrate(Catalog c, double cohesion, StringBuilder out) {
        record Scored(Rule rule, double worstCount, double worstPurity) {}
        List<Scored> scored = new ArrayList<>();
        double rho = Math.round(cohesion * 100) / 100.0;
        for (double merge = 0.20; merge <= 0.651; merge += 0.05) {
            for (double spawn = 0.20; spawn <= 0.621; spawn += 0.02) {
                Rule r = new Rule(
                        String.format(Locale.ROOT, "calibrated: θ %.2f, μ %.2f, ρ %.2f", spawn, merge, rho),
                        spawn,
                        merge,
                        rho);
                double worstCount = 0, worstPurity = 1;
                for (int t = 1; t <= 4; t++) {
                    Result x =
                            simulate(c, r.params(), t, USERS / 2, new Random(100 + t)); // other seeds than the table's
                    worstCount = Math.max(worstCount, x.interestsPerTopic());
                    worstPurity = Math.min(worstPurity, x.purity());
                }
                scored.add(new Scored(r, worstCount, worstPurity));
            }
        }
        if (scored.stream().anyMatch(x -> x.worstCount() <= 1.25)) {
            scored.removeIf(x -> x.worstCount() > 1.25);
            scored.sort((x, y) -> Double.compare(y.worstPurity(), x.worstPurity()));
        } else { // no rule keeps the count: the fewest interests
            scored.sort((x, y) -> Double.compare(x.worstCount(), y.worstCount()));
        }
        for (Scored x : scored.subList(0, Math.min(3, scored.size()))) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s (%s) | %.2f | %.2f | %.2f | %.2f | %.3f |%n",
                    c.model(),
                    c.name(),
                    x.rule().spawn(),
                    x.rule().merge(),
                    x.rule().cohesion(),
                    x.worstCount(),
                    x.worstPurity()));
        }
        return scored.get(0).rule();
    }

    /** The re-clustering threshold for a catalog and its rule (see the report's text); appends its row. */
    static double reclusterThreshold(Catalog c, Rule rule, StringBuilder out) {
        double best = Double.NaN, bestPurity = -1, bestCount = 0;
        for (double tau = 0.20; tau <= 0.501; tau += 0.02) {
            double worstCount = 0, worstPurity = 1;
            for (int t = 1; t <= 4; t++) {
                Result x = simulate(c, rule.reclustering(10, tau).params(), t, USERS / 2, new Random(100 + t));
                worstCount = Math.max(worstCount, x.interestsPerTopic());
                worstPurity = Math.min(worstPurity, x.purity());
            }
            if (worstCount <= 1.25 && worstPurity > bestPurity) {
                bestPurity = worstPurity;
                bestCount = worstCount;
                best = tau;
            }
        }
        if (Double.isNaN(best)) { // none keeps the count: the lowest threshold tried merges the most
            best = 0.20;
        }
        out.append(String.format(
                Locale.ROOT,
                "| %s | %.2f, %.2f, %.2f | %.2f | %s | %s |%n",
                c.name(),
                rule.spawn(),
                rule.merge(),
                rule.cohesion(),
                best,
                bestPurity < 0 ? "> 1.25 at every τ" : String.format(Locale.ROOT, "%.2f", bestCount),
                bestPurity < 0 ? "–" : String.format(Locale.ROOT, "%.3f", bestPurity)));
        return Math.round(best * 100) / 100.0;
    }

    /** The offline reference's threshold for a catalog (see the report's text). */
    static double offlineThreshold(Catalog c) {
        double best = Double.NaN, bestPurity = -1, lowest = Double.MAX_VALUE, lowestTau = Double.NaN;
        for (double tau = 0.20; tau <= 0.601; tau += 0.02) {
            double worstCount = 0, worstPurity = 1;
            for (int t = 1; t <= 4; t++) {
                Result x = offline(c, tau, t, USERS / 4, new Random(100 + t));
                worstCount = Math.max(worstCount, x.interestsPerTopic());
                worstPurity = Math.min(worstPurity, x.purity());
            }
            if (worstCount <= 1.25 && worstPurity > bestPurity) {
                bestPurity = worstPurity;
                best = tau;
            }
            if (worstCount < lowest) {
                lowest = worstCount;
                lowestTau = tau;
            }
        }
        return Double.isNaN(best) ? lowestTau : best;
    }

    /** Mean, 5th and 95th percentile of the cosine of random item pairs within one topic, or between two. */
    static double[] pairs(Catalog c, boolean within) {
        Random random = new Random(1);
        List<Double> v = new ArrayList<>();
        while (v.size() < 5000) {
            Item a = c.items().get(random.nextInt(c.items().size())),
                    b = c.items().get(random.nextInt(c.items().size()));
            if (a != b && a.topic().equals(b.topic()) == within) {
                v.add(Vectors.dot(a.vector(), b.vector()));
            }
        }
        Collections.sort(v);
        return new double[] {v.stream().mapToDouble(x -> x).average().orElse(0), v.get(250), v.get(4750)};
    }

    /** Users who click 10 items of each of {@code topics} random topics, in a random order one minute apart. */
    static Result simulate(Catalog c, ModelParams params, int topics, int users, Random random) {
        InterestModel model = new InterestModel(params);
        Map<String, float[]> vectors = new HashMap<>();
        c.items().forEach(i -> vectors.put(i.id(), i.vector()));
        return measure(c, topics, users, random, (u, clicks) -> {
            Profile p = new Profile("u" + u, c.model());
            long t = 1_700_000_000_000L;
            for (Item item : clicks) {
                long before = p.eventCount();
                model.apply(p, new Event(EventType.CLICK, t += 60_000, item.vector(), item.id(), null, 1, null));
                if (model.reclusterDue(before, p)) { // what the events API does after the write
                    model.recluster(p, vectors);
                }
            }
            return p.interests().stream().map(Interest::evidence).toList();
        });
    }

    /**
     * The reference no online rule can beat: every click of the user known at once, clustered by average linkage
     * (the two clusters whose items' mean pairwise cosine is highest merged, while it is at least {@code tau}).
     * Each cluster's evidence is its last 20 clicks, as an interest's.
     */
    static Result offline(Catalog c, double tau, int topics, int users, Random random) {
        return measure(c, topics, users, random, (u, clicks) -> {
            List<List<String>> members = new ArrayList<>();
            for (List<Item> cluster : InterestModel.averageLinkage(clicks, Item::vector, tau, Integer.MAX_VALUE)) {
                members.add(new ArrayList<>(cluster.stream().map(Item::id).toList()));
            }
            List<List<String>> evidence = new ArrayList<>();
            for (List<String> m : members) {
                m.sort(java.util.Comparator.comparingInt(id -> indexOf(clicks, id)));
                evidence.add(m.subList(Math.max(0, m.size() - 20), m.size()));
            }
            return evidence;
        });
    }

    private static int indexOf(List<Item> clicks, String id) {
        for (int i = 0; i < clicks.size(); i++) {
            if (clicks.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Draws the users' clicks, groups each user's clicks as {@code group} says, and measures the groups' evidence. */
    static Result measure(
            Catalog c,
            int topics,
            int users,
            Random random,
            java.util.function.BiFunction<Integer, List<Item>, List<List<String>>> group) {
        List<String> names = new ArrayList<>(c.byTopic().keySet());
        Map<String, String> topicOf = new HashMap<>();
        c.items().forEach(i -> topicOf.put(i.id(), i.topic()));
        double interests = 0, puritySum = 0, pure = 0;
        int counted = 0;
        for (int u = 0; u < users; u++) {
            Collections.shuffle(names, random);
            List<Item> clicks = new ArrayList<>();
            for (String topic : names.subList(0, topics)) {
                List<Item> pool = new ArrayList<>(c.byTopic().get(topic));
                Collections.shuffle(pool, random);
                clicks.addAll(pool.subList(0, 10));
            }
            Collections.shuffle(clicks, random);
            List<List<String>> groups = group.apply(u, clicks);
            interests += groups.size() / (double) topics;
            for (List<String> evidence : groups) {
                Map<String, Integer> count = new HashMap<>();
                evidence.forEach(id -> count.merge(topicOf.get(id), 1, Integer::sum));
                double purity = Collections.max(count.values()) / (double) evidence.size();
                puritySum += purity;
                pure += purity >= 0.95 ? 1 : 0;
                counted++;
            }
        }
        return new Result(interests / users, puritySum / counted, pure / counted);
    }

    /** The share of items closest to their own topic's mean direction among {@code topics} random topics' means. */
    static double ceiling(Catalog c, int topics, Random random) {
        Map<String, float[]> means = new HashMap<>();
        c.byTopic().forEach((topic, items) -> {
            float[] m = new float[items.get(0).vector().length];
            items.forEach(i -> {
                for (int k = 0; k < m.length; k++) m[k] += i.vector()[k];
            });
            double norm = Math.sqrt(Vectors.dot(m, m));
            for (int k = 0; k < m.length; k++) m[k] /= norm;
            means.put(topic, m);
        });
        List<String> names = new ArrayList<>(c.byTopic().keySet());
        int right = 0, all = 0;
        for (int trial = 0; trial < 200; trial++) {
            Collections.shuffle(names, random);
            List<String> chosen = names.subList(0, topics);
            for (String topic : chosen) {
                for (Item item : c.byTopic().get(topic)) {
                    String best = null;
                    double bestCos = -2;
                    for (String other : chosen) {
                        double cos = Vectors.dot(item.vector(), means.get(other));
                        if (cos > bestCos) {
                            bestCos = cos;
                            best = other;
                        }
                    }
                    right += best.equals(topic) ? 1 : 0;
                    all++;
                }
            }
        }
        return right / (double) all;
    }

    static Catalog demo(EmbeddingService service, Path root, String lang, String model) throws Exception {
        List<String> ids = new ArrayList<>(), topics = new ArrayList<>(), texts = new ArrayList<>();
        for (Fixtures.DemoItem item : Fixtures.demoItems(Fixtures.demoCatalogBulk(root, 3000, "items", lang))) {
            ids.add(item.id());
            topics.add(item.category());
            texts.add(item.description());
        }
        return new Catalog("demo-" + lang, model, embed(service, model, ids, topics, texts));
    }

    /**
     * Subjects a SciFact title can name (lower-cased, by these patterns); a title naming exactly one is labeled with it.
     */
    static final Map<String, String> SUBJECTS = subjects();

    private static Map<String, String> subjects() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("HIV", "\\b(hiv|aids)\\b");
        m.put("malaria", "malaria|plasmodium");
        m.put("tuberculosis", "tubercul");
        m.put("influenza", "influenza");
        m.put("Alzheimer's", "alzheimer");
        m.put("Parkinson's", "parkinson");
        m.put("diabetes", "diabet");
        m.put("obesity", "obes");
        m.put("breast cancer", "breast cancer|breast tumou?r|breast carcinoma");
        m.put("leukemia", "leuka?emi");
        m.put("stem cells", "stem cell");
        m.put("atherosclerosis", "atheroscl");
        m.put("hypertension", "hypertens");
        m.put("asthma", "asthma");
        m.put("sepsis", "sepsis|septic");
        m.put("autism", "autis");
        m.put("schizophrenia", "schizophren");
        m.put("depression", "depress");
        m.put("stroke", "\\bstroke");
        m.put("melanoma", "melanoma");
        m.put("prostate", "prostat");
        m.put("colorectal cancer", "colorectal|colon cancer");
        m.put("lung cancer", "lung cancer|lung adenocarc|nsclc");
        m.put("hepatitis", "hepatitis");
        m.put("zebrafish", "zebrafish");
        m.put("microbiome", "microbio|gut bacteria");
        m.put("aging", "\\baging|ageing|longevity|lifespan");
        m.put("vaccines", "vaccin");
        m.put("smoking", "smok|tobacco");
        return m;
    }

    /** SciFact titles naming exactly one of {@link #SUBJECTS}, of subjects with at least 15 such titles. */
    static Catalog subjects(EmbeddingService service, Path dir, String model) throws Exception {
        Map<String, java.util.regex.Pattern> patterns = new LinkedHashMap<>();
        SUBJECTS.forEach((name, regex) -> patterns.put(name, java.util.regex.Pattern.compile(regex)));
        List<String[]> labeled = new ArrayList<>();
        Map<String, Integer> count = new HashMap<>();
        for (Datasets.Doc doc : Datasets.scifactCorpus(dir)) {
            String title = doc.title();
            String lower = title.toLowerCase(Locale.ROOT);
            List<String> named = new ArrayList<>();
            patterns.forEach((name, pattern) -> {
                if (pattern.matcher(lower).find()) {
                    named.add(name);
                }
            });
            if (named.size() == 1) {
                labeled.add(new String[] {"s" + doc.id(), named.get(0), title});
                count.merge(named.get(0), 1, Integer::sum);
            }
        }
        List<String> ids = new ArrayList<>(), topics = new ArrayList<>(), texts = new ArrayList<>();
        for (String[] row : labeled) {
            if (count.get(row[1]) >= 15) {
                ids.add(row[0]);
                topics.add(row[1]);
                texts.add(row[2]);
            }
        }
        return new Catalog("scifact", model, embed(service, model, ids, topics, texts));
    }

    static final List<String> GENRES = List.of("Drama", "Comedy", "Documentary", "Horror", "Thriller", "Action");

    /** MovieLens movies of exactly one of {@link #GENRES}: "title. Genre film. tags". */
    static Catalog movies(EmbeddingService service, Path dir, String model) throws Exception {
        Map<String, List<String>> tags = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("tags.csv"))
                .subList(1, Files.readAllLines(dir.resolve("tags.csv")).size())) {
            List<String> f = MovieLensEval.csv(line);
            List<String> t = tags.computeIfAbsent(f.get(1), k -> new ArrayList<>());
            if (t.size() < 5 && t.contains(f.get(2)) == false) {
                t.add(f.get(2));
            }
        }
        List<String> ids = new ArrayList<>(), topics = new ArrayList<>(), texts = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve("movies.csv"));
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = MovieLensEval.csv(line);
            if (GENRES.contains(f.get(2))) {
                ids.add("m" + f.get(0));
                topics.add(f.get(2));
                String tagText = tags.containsKey(f.get(0)) ? " " + String.join(", ", tags.get(f.get(0))) + "." : "";
                texts.add(f.get(1) + ". " + f.get(2) + " film." + tagText);
            }
        }
        return new Catalog("movielens", model, embed(service, model, ids, topics, texts));
    }

    static List<Item> embed(
            EmbeddingService service, String model, List<String> ids, List<String> topics, List<String> texts)
            throws Exception {
        var future = new java.util.concurrent.CompletableFuture<float[][]>();
        service.embed(model, texts, TextKind.PASSAGE, 32, future::complete, future::completeExceptionally);
        float[][] v = future.get();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            items.add(new Item(ids.get(i), topics.get(i), v[i]));
        }
        return items;
    }
}
