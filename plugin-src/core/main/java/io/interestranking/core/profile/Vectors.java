package io.interestranking.core.profile;

import org.apache.lucene.util.VectorUtil;

/**
 * Small vector helpers for unit vectors. Sums go through Lucene's {@link VectorUtil} (SIMD where the JVM offers
 * the vector API, as OpenSearch nodes do): a scalar double loop is a chain of dependent adds that the JIT cannot
 * vectorise, and these run for every event and every rescored hit.
 */
public final class Vectors {

    private Vectors() {}

    public static double dot(float[] a, float[] b) {
        return VectorUtil.dotProduct(a, b);
    }

    /** normalize(a·x + b·y). */
    public static float[] normalizedBlend(float[] x, double a, float[] y, double b) {
        float[] out = new float[x.length];
        // only the ratio matters: scaled so that decayed weights (far below float's range) keep it
        double m = Math.max(Math.abs(a), Math.abs(b));
        float fa = m > 0 ? (float) (a / m) : 0, fb = m > 0 ? (float) (b / m) : 0;
        for (int i = 0; i < x.length; i++) {
            out[i] = fa * x[i] + fb * y[i];
        }
        scaleToUnit(out);
        return out;
    }

    /** A copy scaled to unit length; null when the vector has no direction or holds NaN/Infinity. */
    public static float[] unit(float[] v) {
        // untrusted input: checked element by element, summed in double (float squares of large values overflow)
        double norm = 0;
        for (float x : v) {
            if (Float.isFinite(x) == false) {
                return null;
            }
            norm += (double) x * x;
        }
        if (norm == 0) {
            return null;
        }
        float[] out = v.clone();
        scale(out, norm);
        return out;
    }

    /** A unit copy of a vector known to be finite (read from a Lucene vector field); null without direction. */
    public static float[] unitOfFinite(float[] v) {
        float[] out = v.clone();
        double norm = VectorUtil.dotProduct(out, out);
        if (norm > 0 && Double.isFinite(norm)) {
            scale(out, norm);
            return out;
        }
        return unit(v); // zero, or float squares that overflow: the checked path decides
    }

    /** Scales a finite vector to unit length (left as is without direction). */
    private static void scaleToUnit(float[] v) {
        double norm = VectorUtil.dotProduct(v, v);
        if (norm > 0) {
            scale(v, norm);
        }
    }

    private static void scale(float[] v, double squaredNorm) {
        double inv = 1 / Math.sqrt(squaredNorm);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] * inv);
        }
    }
}
