package io.interestranking.core.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.Closeable;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** One loaded model: tokenizer plus ONNX session. Thread-safe: sessions and tokenizers allow concurrent calls. */
public final class TextEmbedder implements Closeable {

    /** A tokenised text: ids and token types, unpadded, special tokens included, already truncated. */
    public record Tokens(long[] ids, long[] typeIds) {
        public int length() {
            return ids.length;
        }
    }

    private static final int CHARS_PER_TOKEN_GUESS = 16;

    private final ModelSpec spec;
    private final HuggingFaceTokenizer tokenizer;
    private final OrtEnvironment env;
    private final OrtSession session;
    /** Opens the session for lone texts (more intra-op threads), on first use; null: there is none. */
    private final Callable<OrtSession> loneSessionFactory;

    private volatile OrtSession loneSession;
    private final boolean wantsTypeIds;
    private final String output;

    TextEmbedder(
            ModelSpec spec,
            Path tokenizerJson,
            OrtEnvironment env,
            OrtSession session,
            Callable<OrtSession> loneSessionFactory)
            throws IOException {
        this.spec = spec;
        this.env = env;
        this.session = session;
        this.loneSessionFactory = loneSessionFactory;
        // the shipped tokenizer.json pads and truncates to 128: override both
        this.tokenizer = HuggingFaceTokenizer.builder()
                .optTokenizerPath(tokenizerJson)
                .optMaxLength(spec.maxLength())
                .optTruncation(true)
                .optPadding(false)
                .optAddSpecialTokens(true)
                .build();
        Set<String> inputs = session.getInputNames();
        if (inputs.contains("input_ids") == false || inputs.contains("attention_mask") == false) {
            throw new IllegalArgumentException(
                    "model of [" + spec.name() + "] lacks inputs [input_ids, attention_mask]: " + inputs);
        }
        this.wantsTypeIds = inputs.contains("token_type_ids");
        try {
            Map<String, NodeInfo> outputs = session.getOutputInfo();
            this.output = spec.output() != null
                    ? spec.output()
                    : outputs.keySet().iterator().next();
            if (outputs.containsKey(output) == false) {
                throw new IllegalArgumentException(
                        "model of [" + spec.name() + "] has no output [" + output + "]: " + outputs.keySet());
            }
        } catch (OrtException e) {
            throw new IOException(e);
        }
    }

    public ModelSpec spec() {
        return spec;
    }

    /**
     * Tokenises with truncation to the model's maximum length. A long text is first cut to a prefix at whitespace,
     * grown until the tokenizer truncates it, so a 1 MB text costs about as much as a 256-token one and yields
     * exactly the word pieces of the whole text.
     */
    public Tokens tokenize(String text, TextKind kind) {
        String full = spec.prefix(kind) + text;
        int budget = spec.maxLength() * CHARS_PER_TOKEN_GUESS;
        while (true) {
            String part = Texts.prefixAtWhitespace(full, budget);
            Encoding encoding = tokenizer.encode(part);
            if (part.length() == full.length() || encoding.exceedMaxLength()) {
                return new Tokens(encoding.getIds(), encoding.getTypeIds());
            }
            budget *= 2;
        }
    }

    /**
     * The session for a lone text on an otherwise idle node: one query's model call is most of a text_knn search,
     * and idle cores can shorten it. Opened on first use (another copy of the weights in native memory).
     */
    private OrtSession loneSession() {
        OrtSession s = loneSession;
        if (s == null && loneSessionFactory != null) {
            synchronized (this) {
                if (loneSession == null) {
                    try {
                        loneSession = loneSessionFactory.call();
                    } catch (Exception e) {
                        throw new IllegalStateException(
                                "cannot open the lone-query session of [" + spec.name() + "]: " + e.getMessage(), e);
                    }
                }
                s = loneSession;
            }
        }
        return s == null ? session : s;
    }

    /**
     * Embeds tokenised texts in one model call, padded to the longest; {@code alone}: the only text the node is
     * embedding now, which may use the lone-query session.
     */
    public float[][] embed(List<Tokens> batch, boolean alone) {
        int rows = batch.size();
        int seq = 0;
        for (Tokens t : batch) {
            seq = Math.max(seq, t.length());
        }
        long[] ids = new long[rows * seq];
        long[] types = new long[rows * seq];
        long[] mask = new long[rows * seq];
        long[][] masks = new long[rows][];
        for (int r = 0; r < rows; r++) {
            Tokens t = batch.get(r);
            System.arraycopy(t.ids(), 0, ids, r * seq, t.length());
            System.arraycopy(t.typeIds(), 0, types, r * seq, t.length());
            masks[r] = new long[seq];
            for (int i = 0; i < t.length(); i++) {
                mask[r * seq + i] = 1;
                masks[r][i] = 1;
            }
        }
        long[] shape = {rows, seq};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (wantsTypeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape));
            }
            OrtSession run = alone && batch.size() == 1 ? loneSession() : session;
            try (OrtSession.Result result = run.run(inputs, Set.of(output))) {
                OnnxTensor tensor = (OnnxTensor) result.get(0);
                long[] outShape = tensor.getInfo().getShape();
                FloatBuffer buffer = tensor.getFloatBuffer();
                float[] flat = new float[buffer.remaining()];
                buffer.get(flat);
                float[][] vectors;
                if (outShape.length == 2) {
                    vectors = new float[rows][];
                    int dim = (int) outShape[1];
                    for (int r = 0; r < rows; r++) {
                        vectors[r] = java.util.Arrays.copyOfRange(flat, r * dim, (r + 1) * dim);
                    }
                } else {
                    int dim = (int) outShape[2];
                    vectors = spec.pooling() == ModelSpec.Pooling.CLS
                            ? Pooling.cls(flat, rows, seq, dim)
                            : Pooling.mean(flat, rows, seq, dim, masks);
                }
                if (vectors.length > 0 && vectors[0].length != spec.dimension()) {
                    throw new IllegalStateException("model [" + spec.name() + "] produced " + vectors[0].length
                            + "-d vectors, model.json says " + spec.dimension());
                }
                if (spec.normalize()) {
                    for (float[] v : vectors) {
                        Pooling.l2Normalize(v);
                    }
                }
                return vectors;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("inference failed for model [" + spec.name() + "]: " + e.getMessage(), e);
        } finally {
            for (OnnxTensor t : inputs.values()) {
                t.close();
            }
        }
    }

    @Override
    public void close() {
        tokenizer.close();
        try {
            session.close();
            if (loneSession != null) {
                loneSession.close();
            }
        } catch (OrtException e) {
            // closing at node shutdown: nothing left to do with it
        }
    }
}
