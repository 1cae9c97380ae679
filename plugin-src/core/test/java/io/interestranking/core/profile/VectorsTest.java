package io.interestranking.core.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void unitScalesAndRejectsWhatHasNoDirection() {
        assertArrayEquals(new float[] {0.6f, 0.8f}, Vectors.unit(new float[] {3, 4}), 1e-7f);
        assertNull(Vectors.unit(new float[] {0, 0}));
        assertNull(Vectors.unit(new float[] {1, Float.NaN}));
        assertNull(Vectors.unit(new float[] {Float.POSITIVE_INFINITY, 0}));
        // finite components whose float squares overflow still have a direction
        assertArrayEquals(new float[] {0.6f, 0.8f}, Vectors.unit(new float[] {3e20f, 4e20f}), 1e-7f);
    }

    @Test
    void blendKeepsTheRatioOfTinyWeights() {
        // 1e-50 is below float's range: the weights are scaled to their larger one first, so 3:1 survives
        float[] v = Vectors.normalizedBlend(new float[] {1, 0}, 3e-50, new float[] {0, 1}, 1e-50);
        assertArrayEquals(new float[] {(float) (3 / Math.sqrt(10)), (float) (1 / Math.sqrt(10))}, v, 1e-7f);
        assertEquals(0.5, Vectors.dot(new float[] {1, 0, 0}, new float[] {0.5f, 0.5f, 0}), 0);
    }
}
