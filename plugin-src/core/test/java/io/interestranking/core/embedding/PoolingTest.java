package io.interestranking.core.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class PoolingTest {

    @Test
    void meanIgnoresMaskedTokens() {
        // batch 2, seq 3, dim 2; row 1 has one padding token whose values must not count
        float[] hidden = {1, 2, 3, 4, 5, 6, /* row 1 */ 2, 0, 4, 2, 100, 100};
        long[][] masks = {{1, 1, 1}, {1, 1, 0}};
        float[][] out = Pooling.mean(hidden, 2, 3, 2, masks);
        assertArrayEquals(new float[] {3, 4}, out[0], 1e-6f);
        assertArrayEquals(new float[] {3, 1}, out[1], 1e-6f);
    }

    @Test
    void clsTakesFirstToken() {
        float[] hidden = {1, 2, 3, 4, 5, 6, 7, 8};
        float[][] out = Pooling.cls(hidden, 2, 2, 2);
        assertArrayEquals(new float[] {1, 2}, out[0]);
        assertArrayEquals(new float[] {5, 6}, out[1]);
    }

    @Test
    void l2NormalizeMakesUnitLengthAndKeepsZero() {
        float[] v = {3, 4};
        Pooling.l2Normalize(v);
        assertArrayEquals(new float[] {0.6f, 0.8f}, v, 1e-7f);
        float[] zero = {0, 0};
        Pooling.l2Normalize(zero);
        assertArrayEquals(new float[] {0, 0}, zero);
    }
}
