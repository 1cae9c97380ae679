package io.interestranking.core.embedding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Groups texts into model calls: sorted by length so little is padding, at most {@code maxTexts} per call and
 * at most {@code maxTokens} padded tokens (texts × longest) per call, which bounds the native memory of one call.
 */
public final class BatchPlanner {

    private BatchPlanner() {}

    /** Returns groups of indices into {@code lengths}; each group ascends in length, groups in ascending order. */
    public static List<int[]> plan(int[] lengths, int maxTexts, int maxTokens) {
        if (maxTexts < 1 || maxTokens < 1) {
            throw new IllegalArgumentException("maxTexts and maxTokens must be positive");
        }
        Integer[] order = new Integer[lengths.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // stable: equal lengths keep their input order
        Arrays.sort(order, Comparator.comparingInt(i -> lengths[i]));
        List<int[]> groups = new ArrayList<>();
        int start = 0;
        while (start < order.length) {
            int end = start + 1;
            while (end < order.length
                    && end - start < maxTexts
                    && (long) (end - start + 1) * lengths[order[end]] <= maxTokens) {
                end++;
            }
            int[] group = new int[end - start];
            for (int i = start; i < end; i++) {
                group[i - start] = order[i];
            }
            groups.add(group);
            start = end;
        }
        return groups;
    }

    /**
     * The texts per parallel task for {@code n} texts: at most {@code maxChunk}, and as many tasks as a multiple of
     * {@code threads}, equally filled, so that the pool's threads finish together (100 texts, chunks of at most 32,
     * 2 threads: 4 × 25, not 32 + 32 + 32 + 4, whose last round leaves a core idle).
     */
    public static int balancedChunk(int n, int maxChunk, int threads) {
        if (n <= 0) {
            return 1;
        }
        int chunks = (n + maxChunk - 1) / maxChunk;
        chunks = Math.min(n, (chunks + threads - 1) / threads * threads);
        return (n + chunks - 1) / chunks;
    }

    /** Splits {@code 0..n-1}, ordered by {@code lengths}, into consecutive chunks of at most {@code size}. */
    public static List<int[]> chunksByLength(int[] lengths, int size) {
        return plan(lengths, size, Integer.MAX_VALUE);
    }
}
