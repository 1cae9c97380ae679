package io.interestranking.core.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The update equations of the dynamic multi-interest profile (see docs/profile-model.md). Pure functions of
 * (profile, event, parameters); no I/O, no clocks.
 */
public final class InterestModel {

    /** What applying an event did. */
    public enum Outcome {
        APPLIED,
        DUPLICATE
    }

    private final ModelParams p;

    public InterestModel(ModelParams params) {
        this.p = params;
    }

    /** 2^(-Δ/H); 1 when the half-life is 0 (decay off) or Δ ≤ 0. */
    public static double decay(long elapsed, long halfLife) {
        if (halfLife <= 0 || elapsed <= 0) {
            return 1.0;
        }
        return Math.pow(2.0, -(double) elapsed / halfLife);
    }

    /** Signed strength of an event: type weight × client weight; ratings scale by (value − neutral) / (5 − neutral). */
    public double strength(Event e) {
        double base = p.typeWeights().getOrDefault(e.type(), 0.0) * e.weight();
        if (e.type() == EventType.RATING) {
            double v = e.value() == null ? p.ratingNeutral() : e.value();
            return base * (v - p.ratingNeutral()) / (5.0 - p.ratingNeutral());
        }
        return base;
    }

    public Outcome apply(Profile profile, Event e) {
        if (e.eventId() != null) {
            if (profile.seen(e.eventId())) {
                return Outcome.DUPLICATE;
            }
            profile.remember(e.eventId(), p.recentEventIds());
        }
        profile.eventCount++;
        advanceClock(profile, e.timestamp());
        double s = strength(e);
        if (s > 0) {
            boolean declared = e.type() == EventType.STATEMENT;
            double lateLong = decay(profile.clock - e.timestamp(), p.longHalfLife());
            learn(profile, e, s * lateLong, declared);
            if (p.shortTermEnabled() && declared == false) {
                double lateShort = decay(profile.clock - e.timestamp(), p.shortHalfLife());
                profile.shortTerm = accumulate(profile.shortTerm, e, s * lateShort);
            }
        } else if (s < 0 && p.negativeEnabled()) {
            double late = decay(profile.clock - e.timestamp(), p.negativeHalfLife());
            profile.negative = accumulate(profile.negative, e, -s * late);
        }
        return Outcome.APPLIED;
    }

    /** Moves the profile's clock forward to t, decaying every stored weight; an older event leaves it alone. */
    void advanceClock(Profile profile, long t) {
        if (profile.clock == Long.MIN_VALUE) {
            profile.clock = t;
            return;
        }
        if (t <= profile.clock) {
            return;
        }
        long dt = t - profile.clock;
        double longFactor = decay(dt, p.longHalfLife());
        for (Interest i : profile.interests) {
            i.weight *= longFactor;
        }
        if (profile.shortTerm != null) {
            profile.shortTerm.weight *= decay(dt, p.shortHalfLife());
        }
        if (profile.negative != null) {
            profile.negative.weight *= decay(dt, p.negativeHalfLife());
        }
        profile.clock = t;
    }

    /**
     * Updates the nearest interest, or opens a new one (merging the closest pair when that makes too many); an
     * interest that has come within the merge threshold of another absorbs it.
     */
    private void learn(Profile profile, Event e, double amount, boolean declared) {
        // the closest relative to each interest's own threshold: a large interest's direction is sharper
        Interest nearest = null;
        double best = Double.NEGATIVE_INFINITY;
        for (Interest i : profile.interests) {
            double c = Vectors.dot(i.vector, e.vector()) - joinThreshold(i.count);
            if (c > best) {
                best = c;
                nearest = i;
            }
        }
        if (nearest == null || best < 0) {
            List<String> evidence = e.itemKey() == null ? List.of() : List.of(e.itemKey());
            profile.interests.add(new Interest(e.vector().clone(), amount, 1, e.timestamp(), evidence, declared));
            while (profile.interests.size() > p.maxInterests()) {
                mergeClosestPair(profile.interests);
            }
            return;
        }
        double rate = learningRate(nearest.count);
        nearest.vector = Vectors.normalizedBlend(nearest.vector, 1 - rate, e.vector(), rate);
        nearest.weight += amount;
        nearest.count++;
        nearest.lastUpdated = Math.max(nearest.lastUpdated, e.timestamp());
        nearest.declared = nearest.declared && declared;
        addEvidence(nearest.evidence, e.itemKey());
        mergeInto(profile.interests, nearest);
    }

    /** Merges into {@code moved} every interest it has come within the merge threshold of. */
    private void mergeInto(List<Interest> interests, Interest moved) {
        for (int k = 0; k < interests.size(); k++) {
            Interest other = interests.get(k);
            if (other != moved && Vectors.dot(other.vector, moved.vector) >= mergeThreshold(moved.count, other.count)) {
                merge(moved, other);
                interests.remove(k);
                k = -1; // the merged direction moved: look at every other again
            }
        }
    }

    /**
     * The cosine an item must reach to join an interest of n items. Items of one topic have pairwise cosine ρ (the
     * cohesion), so the mean direction of n of them is sharper: a same-topic item's cosine with it grows by
     * n / √(n + n(n−1)ρ) over its cosine with a single item, and so does another topic's. The spawn threshold θ is
     * the single-item cut; for a group it scales the same way. With ρ = 1 (the default) the cut is θ at every n.
     * Counts beyond 1/floor no longer sharpen a running mean that forgets at that rate.
     */
    double joinThreshold(long n) {
        return p.spawnThreshold() * sharpening(n);
    }

    /** The cosine at which the mean directions of two interests of n and m items are one topic: merged. */
    double mergeThreshold(long n, long m) {
        return p.mergeThreshold() * sharpening(n) * sharpening(m);
    }

    private double sharpening(long count) {
        double n = Math.max(1, Math.min(count, Math.round(1 / p.learningRateFloor())));
        return n / Math.sqrt(n + n * (n - 1) * p.cohesion());
    }

    /** η(n) = max(floor, 1/(n+1)): a running mean while evidence is thin, never frozen. */
    public double learningRate(long count) {
        return Math.max(p.learningRateFloor(), 1.0 / (count + 1));
    }

    /** Exponentially weighted mean direction: v ← normalize(w·v + a·x), w ← w + a. */
    private Interest accumulate(Interest current, Event e, double amount) {
        if (current == null || current.weight <= 0) {
            List<String> evidence = e.itemKey() == null ? List.of() : List.of(e.itemKey());
            return new Interest(e.vector().clone(), amount, 1, e.timestamp(), evidence, false);
        }
        current.vector = Vectors.normalizedBlend(current.vector, current.weight, e.vector(), amount);
        current.weight += amount;
        current.count++;
        current.lastUpdated = Math.max(current.lastUpdated, e.timestamp());
        addEvidence(current.evidence, e.itemKey());
        return current;
    }

    /** Merges the two most similar interests (relative to their merge threshold). */
    void mergeClosestPair(List<Interest> interests) {
        int a = 0, b = 1;
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < interests.size(); i++) {
            for (int j = i + 1; j < interests.size(); j++) {
                double c = Vectors.dot(interests.get(i).vector, interests.get(j).vector)
                        - mergeThreshold(interests.get(i).count, interests.get(j).count);
                if (c > best) {
                    best = c;
                    a = i;
                    b = j;
                }
            }
        }
        merge(interests.get(a), interests.get(b));
        interests.remove(b);
    }

    /** Folds {@code y} into {@code x}: weight-averaged direction, summed weight and count, evidence of both. */
    private void merge(Interest x, Interest y) {
        x.vector = Vectors.normalizedBlend(x.vector, x.weight, y.vector, y.weight);
        x.weight += y.weight;
        x.count += y.count;
        x.lastUpdated = Math.max(x.lastUpdated, y.lastUpdated);
        x.declared = x.declared && y.declared;
        for (String key : new ArrayList<>(y.evidence)) {
            addEvidence(x.evidence, key);
        }
    }

    private void addEvidence(List<String> evidence, String key) {
        if (key == null) {
            return;
        }
        evidence.remove(key);
        evidence.add(key);
        while (evidence.size() > p.evidenceSize()) {
            evidence.remove(0);
        }
    }

    /** Whether the events that took the profile's event count from {@code before} to its count now make it due. */
    public boolean reclusterDue(long before, Profile profile) {
        long every = p.reclusterEvery();
        return every > 0 && profile.eventCount / every > before / every;
    }

    /**
     * Items one re-clustering takes at most: bounds its memory (an n × n matrix) and time whatever {@code max_interests}
     * × {@code evidence_size} allow (50 × 1,000); the defaults make 100.
     */
    public static final int RECLUSTER_MAX_ITEMS = 256;

    /**
     * The item keys re-clustering needs vectors for: the evidence of the long-term interests learned from behaviour;
     * null when there are more than {@value #RECLUSTER_MAX_ITEMS} (such a profile is not re-clustered).
     */
    public static List<String> reclusterKeys(Profile profile) {
        List<String> keys = new ArrayList<>();
        for (Interest i : profile.interests) {
            if (i.declared == false) {
                keys.addAll(i.evidence);
            }
        }
        return keys.size() > RECLUSTER_MAX_ITEMS ? null : keys;
    }

    /** An evidence item while re-clustering: its share of its interests' weight, and how recent it is. */
    private static final class Member {
        final String key;
        final float[] vector;
        double weight;
        long lastUpdated = Long.MIN_VALUE;
        /** Its position from the newest end of its interest's evidence (0: the newest): orders a cluster's evidence. */
        int age;

        Member(String key, float[] vector) {
            this.key = key;
            this.vector = vector;
        }
    }

    /**
     * Re-clusters the long-term interests from the vectors of their evidence items: average linkage (the two clusters
     * whose items' mean pairwise cosine is highest merge, while it is at least the threshold τ or there are more
     * clusters than interests allowed), each cluster becoming an interest — its direction the items' mean, its weight
     * the items' shares of the weights of the interests they came from. Undoes what deciding click by click got wrong:
     * an item that joined the wrong interest early, or two topics merged into one. An interest takes part only if
     * every item of its evidence has a vector here of the profile's dimension; declared interests, interests without
     * evidence (inline vectors) and those with an unknown item stay as they are. When the groups are the interests'
     * evidence as it is, or there are more than {@value #RECLUSTER_MAX_ITEMS} items, the profile is left as it is.
     *
     * @return whether the interests changed
     */
    public boolean recluster(Profile profile, Map<String, float[]> vectors) {
        int dimension = ProfileCodec.dimension(profile);
        List<Interest> kept = new ArrayList<>();
        Map<String, Member> members = new LinkedHashMap<>();
        for (Interest i : profile.interests) {
            boolean known = i.declared == false
                    && i.evidence.isEmpty() == false
                    && i.evidence.stream().allMatch(k -> vectors.get(k) != null && vectors.get(k).length == dimension);
            if (known == false) {
                kept.add(i);
                continue;
            }
            double share = i.weight / i.evidence.size();
            for (int k = 0; k < i.evidence.size(); k++) {
                String key = i.evidence.get(k);
                Member m = members.computeIfAbsent(key, x -> new Member(x, vectors.get(x)));
                m.weight += share;
                m.lastUpdated = Math.max(m.lastUpdated, i.lastUpdated);
                m.age = Math.max(m.age, i.evidence.size() - 1 - k);
            }
        }
        if (members.isEmpty() || members.size() > RECLUSTER_MAX_ITEMS) {
            return false;
        }
        List<List<Member>> clusters = absorbSmall(
                averageLinkage(
                        new ArrayList<>(members.values()),
                        m -> m.vector,
                        p.reclusterThreshold(),
                        Math.max(1, p.maxInterests() - kept.size())),
                ABSORB * p.reclusterThreshold(),
                dimension);
        java.util.Set<java.util.Set<String>> before = new java.util.HashSet<>(), after = new java.util.HashSet<>();
        profile.interests.stream()
                .filter(i -> kept.contains(i) == false)
                .forEach(i -> before.add(Set.copyOf(i.evidence)));
        clusters.forEach(c -> after.add(c.stream().map(m -> m.key).collect(java.util.stream.Collectors.toSet())));
        if (before.equals(after)) {
            return false; // the same groups as the interests: nothing to undo, and no write
        }
        List<Interest> interests = new ArrayList<>(kept);
        for (List<Member> cluster : clusters) {
            float[] sum = new float[dimension];
            double weight = 0;
            long last = Long.MIN_VALUE;
            for (Member m : cluster) {
                addTo(sum, m.vector);
                weight += m.weight;
                last = Math.max(last, m.lastUpdated);
            }
            cluster.sort(Comparator.comparingInt((Member m) -> m.age).reversed()); // oldest first, as evidence is kept
            List<String> evidence = cluster.stream().map(m -> m.key).toList();
            evidence = evidence.subList(Math.max(0, evidence.size() - p.evidenceSize()), evidence.size());
            float[] direction = Vectors.unit(sum);
            interests.add(new Interest(
                    direction == null ? cluster.get(0).vector.clone() : direction,
                    weight,
                    cluster.size(),
                    last,
                    evidence,
                    false));
        }
        profile.interests.clear();
        profile.interests.addAll(interests);
        return true;
    }

    /** A group of at most this many items is absorbed by its closest group if their link is at least ABSORB·τ. */
    static final int SMALL = 3;

    static final double ABSORB = 0.8;

    /**
     * Groups of at most {@value #SMALL} items joined to the group they are closest to (mean pairwise cosine), when that
     * is at least {@code threshold}. Why: a stray item or two of a topic that average linkage left apart would be an
     * interest of their own; absorbing them lets τ be high enough to keep topics apart (on the topics bench, fewer
     * interests per topic and purer ones at once).
     */
    private static List<List<Member>> absorbSmall(List<List<Member>> groups, double threshold, int dimension) {
        List<List<Member>> result = new ArrayList<>(groups);
        List<float[]> sums = new ArrayList<>();
        for (List<Member> g : result) {
            float[] sum = new float[dimension];
            g.forEach(m -> addTo(sum, m.vector));
            sums.add(sum);
        }
        boolean absorbed = true;
        while (absorbed && result.size() > 1) { // a pass over the groups in order, again after each absorption
            absorbed = false;
            for (int a = 0; a < result.size() && absorbed == false; a++) {
                if (result.get(a).size() > SMALL) {
                    continue;
                }
                int best = -1;
                double bestLink = Double.NEGATIVE_INFINITY;
                for (int b = 0; b < result.size(); b++) {
                    if (b != a) {
                        double link = Vectors.dot(sums.get(a), sums.get(b))
                                / ((double) result.get(a).size() * result.get(b).size());
                        if (link > bestLink) {
                            bestLink = link;
                            best = b;
                        }
                    }
                }
                if (bestLink >= threshold) {
                    result.get(best).addAll(result.get(a));
                    addTo(sums.get(best), sums.get(a));
                    result.remove(a);
                    sums.remove(a);
                    absorbed = true;
                }
            }
        }
        return result;
    }

    private static void addTo(float[] sum, float[] v) {
        for (int d = 0; d < sum.length; d++) {
            sum[d] += v[d];
        }
    }

    /**
     * Average linkage over the items. The dot products of the clusters' vector sums are kept in a matrix (merging two
     * adds their rows), and each cluster's best partner in an array, so that a merge rescans only the rows it touched:
     * about O(n²) in all instead of O(n³), for the hundred items of a full profile.
     *
     * @param most at most this many clusters, whatever τ says
     */
    public static <M> List<List<M>> averageLinkage(
            List<M> items, java.util.function.Function<M, float[]> vector, double tau, int most) {
        int n = items.size();
        double[][] dot = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                dot[a][b] = dot[b][a] = Vectors.dot(vector.apply(items.get(a)), vector.apply(items.get(b)));
            }
        }
        Linkage linkage = new Linkage(dot);
        List<List<M>> groups = new ArrayList<>(n);
        for (M item : items) {
            groups.add(new ArrayList<>(List.of(item)));
        }
        for (int a = 0; a < n; a++) {
            linkage.rescan(a);
        }
        int alive = n;
        while (alive > 1) {
            int x = -1;
            for (int a = 0; a < n; a++) {
                if (linkage.gone[a] == false && (x < 0 || linkage.bestLink[a] > linkage.bestLink[x])) {
                    x = a;
                }
            }
            if (linkage.bestLink[x] < tau && alive <= most) {
                break;
            }
            int lo = Math.min(x, linkage.bestOf[x]), hi = Math.max(x, linkage.bestOf[x]);
            linkage.merge(lo, hi);
            groups.get(lo).addAll(groups.get(hi));
            alive--;
        }
        List<List<M>> result = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            if (linkage.gone[a] == false) {
                result.add(groups.get(a));
            }
        }
        return result;
    }

    /** The state of {@link #averageLinkage}: sums' dot products, cluster sizes, each cluster's best partner. */
    private static final class Linkage {
        final double[][] dot;
        final int[] size;
        final boolean[] gone;
        final double[] bestLink;
        final int[] bestOf;

        Linkage(double[][] dot) {
            int n = dot.length;
            this.dot = dot;
            size = new int[n];
            java.util.Arrays.fill(size, 1);
            gone = new boolean[n];
            bestLink = new double[n];
            bestOf = new int[n];
        }

        /** The mean pairwise cosine of the two clusters' items. */
        double link(int a, int b) {
            return dot[a][b] / ((double) size[a] * size[b]);
        }

        void rescan(int a) {
            bestLink[a] = Double.NEGATIVE_INFINITY;
            bestOf[a] = -1;
            for (int b = 0; b < dot.length; b++) {
                if (b != a && gone[b] == false && link(a, b) > bestLink[a]) {
                    bestLink[a] = link(a, b);
                    bestOf[a] = b;
                }
            }
        }

        void merge(int into, int from) {
            for (int k = 0; k < dot.length; k++) {
                dot[into][k] += dot[from][k];
                dot[k][into] = dot[into][k];
            }
            size[into] += size[from];
            gone[from] = true;
            rescan(into);
            for (int k = 0; k < dot.length; k++) {
                if (k == into || gone[k]) {
                    continue;
                }
                if (bestOf[k] == into || bestOf[k] == from) {
                    rescan(k); // its best partner changed size or is gone
                } else if (link(k, into) > bestLink[k]) {
                    bestLink[k] = link(k, into);
                    bestOf[k] = into;
                }
            }
        }
    }

    /** Replaces the still-declared interests with new declared ones, one per text vector (cold start). */
    public void declare(Profile profile, List<float[]> vectors, List<String> texts, long now) {
        profile.interests.removeIf(i -> i.declared);
        advanceClock(profile, now);
        double w = p.typeWeights().getOrDefault(EventType.STATEMENT, 0.0);
        for (int k = 0; k < vectors.size(); k++) {
            profile.interests.add(
                    new Interest(vectors.get(k).clone(), w, 1, now, List.of("text:" + texts.get(k)), true));
        }
        while (profile.interests.size() > p.maxInterests()) {
            mergeClosestPair(profile.interests);
        }
    }
}
