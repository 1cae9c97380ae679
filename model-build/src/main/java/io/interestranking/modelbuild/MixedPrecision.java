package io.interestranking.modelbuild;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Writes the opt-in int8 model: langchain4j's dynamically quantized all-MiniLM-L6-v2 (per-channel int8 weights, each
 * matrix product's input quantized per call) with the feed-forward output projection of every layer put back to the
 * fp32 model's weights and a plain fp32 {@code MatMul}.
 *
 * <p>Why those six: their input is the GELU's output, whose range is the widest of any quantized input, so one uint8
 * scale per call loses the most there. On 400 SciFact documents the mean cosine to the fp32 vectors rose from 0.9931
 * to 0.9963 for 1.4× the quantized model's time, still about 1.6× the fp32 model's speed (bench/REPORT.md, "The int8 model,
 * session 14", which also has the other groups of products measured).
 *
 * <p>ONNX files are protobuf: read and written here as field sets with onnx.proto's field numbers, so no generated
 * classes and no native tool are needed at build time. Usage: {@code MixedPrecision <quantized> <fp32> <out>}.
 */
public final class MixedPrecision {

    /** The quantized products restored to fp32, by node name. */
    static final Pattern FP32_PRODUCTS = Pattern.compile("^/encoder/layer\\.\\d+/output/dense/MatMul_quant$");

    // onnx.proto field numbers
    static final int MODEL_GRAPH = 7;
    static final int GRAPH_NODE = 1;
    static final int GRAPH_INITIALIZER = 5;
    static final int GRAPH_INPUT = 11;
    static final int GRAPH_OUTPUT = 12;
    static final int GRAPH_VALUE_INFO = 13;
    static final int NODE_INPUT = 1;
    static final int NODE_OUTPUT = 2;
    static final int NODE_NAME = 3;
    static final int NODE_OP_TYPE = 4;
    static final int TENSOR_DIMS = 1;
    static final int TENSOR_DATA_TYPE = 2;
    static final int TENSOR_NAME = 8;
    static final int VALUE_INFO_NAME = 1;
    static final int FLOAT = 1;

    private MixedPrecision() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: MixedPrecision <quantized.onnx> <fp32.onnx> <out.onnx>");
        }
        byte[] mixed = mix(Files.readAllBytes(Path.of(args[0])), Files.readAllBytes(Path.of(args[1])), FP32_PRODUCTS);
        Path out = Path.of(args[2]);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.write(tmp, mixed);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** One graph node: its names parsed, its bytes kept to be written back unchanged. */
    record Node(List<String> inputs, List<String> outputs, String name, String opType, ByteString bytes) {

        static Node parse(ByteString bytes) throws InvalidProtocolBufferException {
            UnknownFieldSet f = UnknownFieldSet.parseFrom(bytes);
            return new Node(
                    strings(f, NODE_INPUT),
                    strings(f, NODE_OUTPUT),
                    string(f, NODE_NAME),
                    string(f, NODE_OP_TYPE),
                    bytes);
        }

        static Node of(String opType, String name, List<String> inputs, List<String> outputs) {
            UnknownFieldSet bytes = UnknownFieldSet.newBuilder()
                    .addField(NODE_INPUT, stringsField(inputs))
                    .addField(NODE_OUTPUT, stringsField(outputs))
                    .addField(NODE_NAME, stringsField(List.of(name)))
                    .addField(NODE_OP_TYPE, stringsField(List.of(opType)))
                    .build();
            return new Node(inputs, outputs, name, opType, bytes.toByteString());
        }
    }

    /**
     * The quantized model with each {@code MatMulInteger} whose name {@code restore} matches replaced by a
     * {@code MatMul} of the quantizer's float input and the fp32 model's weight; the nodes only those products used
     * (their input's quantizer, the cast and the rescaling) and the quantized weights are dropped, the rest is kept
     * byte for byte and in order.
     */
    static byte[] mix(byte[] quantized, byte[] fp32, Pattern restore) throws IOException {
        UnknownFieldSet model = UnknownFieldSet.parseFrom(quantized);
        UnknownFieldSet graph = graph(model);
        List<Node> nodes = nodes(graph);
        Map<String, Node> producer = new HashMap<>();
        Map<String, List<Node>> consumers = new HashMap<>();
        for (Node n : nodes) {
            n.outputs().forEach(o -> producer.put(o, n));
            n.inputs()
                    .forEach(i ->
                            consumers.computeIfAbsent(i, k -> new ArrayList<>()).add(n));
        }
        Map<String, ByteString> fp32Weights = initializers(graph(UnknownFieldSet.parseFrom(fp32)));
        Map<String, ByteString> quantizedWeights = initializers(graph);

        Map<Node, Node> replaced = new HashMap<>();
        Set<Node> removed = new HashSet<>();
        Map<String, ByteString> added = new LinkedHashMap<>();
        for (Node n : nodes) {
            if (!n.opType().equals("MatMulInteger")
                    || !restore.matcher(n.name()).find()) {
                continue;
            }
            Node quantizer = expect(producer.get(n.inputs().get(0)), "DynamicQuantizeLinear", n);
            Node cast = expect(soleConsumer(consumers, n.outputs().get(0)), "Cast", n);
            Node rescale = expect(soleConsumer(consumers, cast.outputs().get(0)), "Mul", n);
            String quantizedWeight = n.inputs().get(1);
            String weight = quantizedWeight.replaceFirst("_quantized$", "");
            ByteString tensor = fp32Weights.get(weight);
            if (tensor == null || weight.equals(quantizedWeight)) {
                throw new IllegalStateException("no fp32 weight " + weight + " for " + n.name());
            }
            UnknownFieldSet t = UnknownFieldSet.parseFrom(tensor);
            if (only(t, TENSOR_DATA_TYPE, 0) != FLOAT
                    || !dims(t).equals(dims(UnknownFieldSet.parseFrom(quantizedWeights.get(quantizedWeight))))) {
                throw new IllegalStateException("fp32 weight " + weight + " does not match " + quantizedWeight);
            }
            String name = n.name().replaceFirst("_quant$", "");
            replaced.put(n, Node.of("MatMul", name, List.of(quantizer.inputs().get(0), weight), rescale.outputs()));
            removed.add(cast);
            removed.add(rescale);
            added.put(weight, tensor);
        }
        if (replaced.isEmpty()) {
            throw new IllegalStateException("no quantized product matches " + restore);
        }

        List<Node> kept = new ArrayList<>();
        for (Node n : nodes) {
            if (!removed.contains(n)) {
                kept.add(replaced.getOrDefault(n, n));
            }
        }
        Set<String> graphOutputs = new HashSet<>(valueInfoNames(graph, GRAPH_OUTPUT));
        kept = withoutDeadNodes(kept, graphOutputs);

        Set<String> used = new HashSet<>(graphOutputs);
        kept.forEach(n -> used.addAll(n.inputs()));
        Set<String> produced = new HashSet<>();
        kept.forEach(n -> produced.addAll(n.outputs()));
        UnknownFieldSet.Field.Builder initializerField = UnknownFieldSet.Field.newBuilder();
        Set<String> initializerNames = new HashSet<>();
        for (Map.Entry<String, ByteString> e : quantizedWeights.entrySet()) {
            if (used.contains(e.getKey())) {
                initializerField.addLengthDelimited(e.getValue());
                initializerNames.add(e.getKey());
            }
        }
        added.values().forEach(initializerField::addLengthDelimited);
        initializerNames.addAll(added.keySet());

        UnknownFieldSet.Field.Builder nodeField = UnknownFieldSet.Field.newBuilder();
        kept.forEach(n -> nodeField.addLengthDelimited(n.bytes()));
        UnknownFieldSet.Builder newGraph = graph.toBuilder()
                .addField(GRAPH_NODE, nodeField.build())
                .addField(GRAPH_INITIALIZER, initializerField.build());
        // declared inputs that were initializers now gone, and shapes of tensors no longer computed, go too
        keepValueInfos(
                newGraph,
                graph,
                GRAPH_INPUT,
                name -> !quantizedWeights.containsKey(name) || initializerNames.contains(name));
        keepValueInfos(
                newGraph, graph, GRAPH_VALUE_INFO, name -> produced.contains(name) || initializerNames.contains(name));
        return model.toBuilder()
                .addField(
                        MODEL_GRAPH,
                        UnknownFieldSet.Field.newBuilder()
                                .addLengthDelimited(newGraph.build().toByteString())
                                .build())
                .build()
                .toByteArray();
    }

    /** Drops, until none is left, nodes none of whose outputs a kept node or the graph's outputs read. */
    static List<Node> withoutDeadNodes(List<Node> nodes, Set<String> graphOutputs) {
        List<Node> live = nodes;
        while (true) {
            Set<String> read = new HashSet<>(graphOutputs);
            live.forEach(n -> read.addAll(n.inputs()));
            List<Node> next = live.stream()
                    .filter(n -> n.outputs().stream().anyMatch(read::contains))
                    .toList();
            if (next.size() == live.size()) {
                return live;
            }
            live = next;
        }
    }

    static Map<String, ByteString> initializers(UnknownFieldSet graph) throws InvalidProtocolBufferException {
        Map<String, ByteString> byName = new LinkedHashMap<>();
        for (ByteString tensor : graph.getField(GRAPH_INITIALIZER).getLengthDelimitedList()) {
            byName.put(string(UnknownFieldSet.parseFrom(tensor), TENSOR_NAME), tensor);
        }
        return byName;
    }

    static List<String> valueInfoNames(UnknownFieldSet graph, int field) throws InvalidProtocolBufferException {
        List<String> names = new ArrayList<>();
        for (ByteString info : graph.getField(field).getLengthDelimitedList()) {
            names.add(string(UnknownFieldSet.parseFrom(info), VALUE_INFO_NAME));
        }
        return names;
    }

    private static void keepValueInfos(
            UnknownFieldSet.Builder target, UnknownFieldSet graph, int field, Predicate<String> keep)
            throws InvalidProtocolBufferException {
        if (!graph.hasField(field)) {
            return;
        }
        UnknownFieldSet.Field.Builder kept = UnknownFieldSet.Field.newBuilder();
        for (ByteString info : graph.getField(field).getLengthDelimitedList()) {
            if (keep.test(string(UnknownFieldSet.parseFrom(info), VALUE_INFO_NAME))) {
                kept.addLengthDelimited(info);
            }
        }
        target.addField(field, kept.build());
    }

    /** A tensor's dimensions, written packed or not. */
    static List<Long> dims(UnknownFieldSet tensor) throws IOException {
        UnknownFieldSet.Field f = tensor.getField(TENSOR_DIMS);
        List<Long> dims = new ArrayList<>(f.getVarintList());
        for (ByteString packed : f.getLengthDelimitedList()) {
            CodedInputStream in = packed.newCodedInput();
            while (!in.isAtEnd()) {
                dims.add(in.readInt64());
            }
        }
        return dims;
    }

    /** A model's graph (ModelProto.graph). */
    static UnknownFieldSet graph(UnknownFieldSet model) throws InvalidProtocolBufferException {
        return UnknownFieldSet.parseFrom(only(model, MODEL_GRAPH));
    }

    /** A graph's nodes, in their order. */
    static List<Node> nodes(UnknownFieldSet graph) throws InvalidProtocolBufferException {
        List<Node> nodes = new ArrayList<>();
        for (ByteString b : graph.getField(GRAPH_NODE).getLengthDelimitedList()) {
            nodes.add(Node.parse(b));
        }
        return nodes;
    }

    private static Node expect(Node n, String opType, Node of) {
        if (n == null || !n.opType().equals(opType)) {
            throw new IllegalStateException("expected a " + opType + " around " + of.name() + ", found " + n);
        }
        return n;
    }

    private static Node soleConsumer(Map<String, List<Node>> consumers, String tensor) {
        List<Node> c = consumers.getOrDefault(tensor, List.of());
        return c.size() == 1 ? c.get(0) : null;
    }

    private static ByteString only(UnknownFieldSet f, int field) {
        List<ByteString> values = f.getField(field).getLengthDelimitedList();
        if (values.size() != 1) {
            throw new IllegalStateException("expected one field " + field + ", found " + values.size());
        }
        return values.get(0);
    }

    private static long only(UnknownFieldSet f, int field, long absent) {
        List<Long> values = f.getField(field).getVarintList();
        return values.isEmpty() ? absent : values.get(values.size() - 1);
    }

    static String string(UnknownFieldSet f, int field) {
        List<ByteString> values = f.getField(field).getLengthDelimitedList();
        return values.isEmpty() ? "" : values.get(values.size() - 1).toStringUtf8();
    }

    static List<String> strings(UnknownFieldSet f, int field) {
        return f.getField(field).getLengthDelimitedList().stream()
                .map(ByteString::toStringUtf8)
                .toList();
    }

    private static UnknownFieldSet.Field stringsField(List<String> values) {
        UnknownFieldSet.Field.Builder b = UnknownFieldSet.Field.newBuilder();
        values.forEach(v -> b.addLengthDelimited(ByteString.copyFromUtf8(v)));
        return b.build();
    }
}
