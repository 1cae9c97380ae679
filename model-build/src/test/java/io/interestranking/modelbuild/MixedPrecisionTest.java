package io.interestranking.modelbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.interestranking.modelbuild.MixedPrecision.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The model the build wrote (this module's process-classes step), checked against the two it was made from. */
class MixedPrecisionTest {

    private static final Path DOWNLOAD = Path.of(System.getProperty("model.download.dir"));

    @Test
    void theSixFeedForwardOutputProductsAreFp32AndEverythingElseIsAsQuantized() throws IOException {
        UnknownFieldSet quantized = graph(DOWNLOAD.resolve("all-minilm-l6-v2-q.onnx"));
        UnknownFieldSet fp32 = graph(DOWNLOAD.resolve("all-minilm-l6-v2.onnx"));
        UnknownFieldSet mixed = graph(Path.of(System.getProperty("model.int8")));
        List<Node> before = MixedPrecision.nodes(quantized);
        List<Node> after = MixedPrecision.nodes(mixed);
        Map<String, ByteString> weights = MixedPrecision.initializers(mixed);
        Map<String, ByteString> fp32Weights = MixedPrecision.initializers(fp32);

        List<Node> restored = after.stream()
                .filter(n -> n.name().matches("/encoder/layer\\.\\d/output/dense/MatMul"))
                .toList();
        assertEquals(6, restored.size());
        for (Node n : restored) {
            assertEquals("MatMul", n.opType());
            String weight = n.inputs().get(1);
            assertEquals(fp32Weights.get(weight), weights.get(weight), weight + " is the fp32 model's, byte for byte");
            // its input is the float tensor the quantizer read: the GELU's scaled output of the same layer
            assertTrue(
                    n.inputs().get(0).endsWith("/intermediate/intermediate_act_fn/Mul_1_output_0"),
                    n.inputs().get(0));
        }
        // per product gone: the product, its input's quantizer, the scale multiplication, the cast and the rescaling
        assertEquals(count(before, "MatMulInteger") - 6, count(after, "MatMulInteger"));
        assertEquals(count(before, "DynamicQuantizeLinear") - 6, count(after, "DynamicQuantizeLinear"));
        assertEquals(count(before, "Cast") - 6, count(after, "Cast"));
        assertEquals(count(before, "Mul") - 12, count(after, "Mul"));
        assertEquals(count(before, "MatMul") + 6, count(after, "MatMul"));
        assertEquals(before.size() - 24, after.size());

        // every other node byte for byte and in the same order
        Set<String> afterNames = new HashSet<>();
        after.forEach(n -> afterNames.add(n.name()));
        List<ByteString> untouchedBefore = new ArrayList<>();
        before.stream().filter(n -> afterNames.contains(n.name())).forEach(n -> untouchedBefore.add(n.bytes()));
        List<ByteString> untouchedAfter = new ArrayList<>();
        after.stream().filter(n -> !restored.contains(n)).forEach(n -> untouchedAfter.add(n.bytes()));
        assertEquals(untouchedBefore, untouchedAfter);

        // a well-formed graph: every input is computed earlier, an initializer or a graph input; no weight unused
        Set<String> known = new HashSet<>(weights.keySet());
        known.addAll(MixedPrecision.valueInfoNames(mixed, MixedPrecision.GRAPH_INPUT));
        known.add("");
        Set<String> read = new HashSet<>();
        for (Node n : after) {
            for (String in : n.inputs()) {
                assertTrue(known.contains(in), n.name() + " reads " + in + " before it exists");
            }
            read.addAll(n.inputs());
            known.addAll(n.outputs());
        }
        assertTrue(read.containsAll(weights.keySet()));
        assertEquals(
                MixedPrecision.valueInfoNames(quantized, MixedPrecision.GRAPH_OUTPUT),
                MixedPrecision.valueInfoNames(mixed, MixedPrecision.GRAPH_OUTPUT));
    }

    private static long count(List<Node> nodes, String opType) {
        return nodes.stream().filter(n -> n.opType().equals(opType)).count();
    }

    private static UnknownFieldSet graph(Path model) throws IOException {
        return MixedPrecision.graph(UnknownFieldSet.parseFrom(Files.readAllBytes(model)));
    }
}
