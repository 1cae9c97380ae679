package io.interestranking.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** nDCG@k as trec_eval computes it (BEIR, MTEB): gain = relevance, discount log2(rank + 1). */
final class Ndcg {

    private Ndcg() {}

    static double at(int k, List<String> ranked, Map<String, Integer> relevant) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += relevant.getOrDefault(ranked.get(i), 0) / log2(i + 2);
        }
        List<Integer> ideal = new ArrayList<>(relevant.values());
        ideal.sort((a, b) -> b - a);
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** The mean of {@code a[i] − b[i]} and its standard error (paired: the same queries or users on both sides). */
    static double[] pairedDifference(double[] a, double[] b) {
        double[] d = new double[a.length];
        double m = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
            m += d[i] / d.length;
        }
        double var = 0;
        for (double x : d) {
            var += (x - m) * (x - m);
        }
        return new double[] {m, Math.sqrt(var / (d.length - 1) / d.length)};
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
