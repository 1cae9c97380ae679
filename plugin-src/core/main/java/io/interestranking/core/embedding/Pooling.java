package io.interestranking.core.embedding;

/** Turns a model's token outputs into one vector per text. Plain math, no native types. */
public final class Pooling {

    private Pooling() {}

    /**
     * Mean over the tokens whose mask is 1.
     *
     * @param hidden  row-major [batch, seq, dim]
     * @param masks   attention mask per row; rows shorter than seq are padding
     */
    public static float[][] mean(float[] hidden, int batch, int seq, int dim, long[][] masks) {
        float[][] out = new float[batch][dim];
        for (int b = 0; b < batch; b++) {
            float[] v = out[b];
            long[] mask = masks[b];
            int count = 0;
            for (int t = 0; t < seq && t < mask.length; t++) {
                if (mask[t] == 0) {
                    continue;
                }
                count++;
                int base = (b * seq + t) * dim;
                for (int d = 0; d < dim; d++) {
                    v[d] += hidden[base + d];
                }
            }
            // sentence-transformers clamps the token count at 1e-9
            float inv = 1.0f / Math.max(count, 1e-9f);
            for (int d = 0; d < dim; d++) {
                v[d] *= inv;
            }
        }
        return out;
    }

    /** The first token's vector ([CLS]). */
    public static float[][] cls(float[] hidden, int batch, int seq, int dim) {
        float[][] out = new float[batch][dim];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(hidden, b * seq * dim, out[b], 0, dim);
        }
        return out;
    }

    /** In-place L2 normalisation; a zero vector stays zero (norm clamped at 1e-12, as torch's normalize). */
    public static void l2Normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        double norm = Math.max(Math.sqrt(sum), 1e-12);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / norm);
        }
    }
}
