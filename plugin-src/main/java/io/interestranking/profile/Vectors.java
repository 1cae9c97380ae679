package io.interestranking.profile;

/** Small vector helpers for unit vectors. */
public final class Vectors {

    private Vectors() {}

    public static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    /** normalize(a·x + b·y). */
    public static float[] normalizedBlend(float[] x, double a, float[] y, double b) {
        float[] out = new float[x.length];
        double norm = 0;
        for (int i = 0; i < x.length; i++) {
            double v = a * x[i] + b * y[i];
            out[i] = (float) v;
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (out[i] / norm);
            }
        }
        return out;
    }

    /** A copy scaled to unit length; null when the vector has no direction or holds NaN/Infinity. */
    public static float[] unit(float[] v) {
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
        return normalizedBlend(v, 1, v, 0);
    }
}
