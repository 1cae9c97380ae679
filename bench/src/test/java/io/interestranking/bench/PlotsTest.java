package io.interestranking.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    @Test
    void drawsBarsAndPercentileCurvesAsPng(@TempDir Path dir) throws Exception {
        Path bars = dir.resolve("bars.png"), curves = dir.resolve("curves.png");
        Plots.bars(
                "title",
                "y",
                List.of("a", "b"),
                List.of("one", "two"),
                List.of(new double[] {1, 2}, new double[] {3, 4}),
                bars);
        Plots.percentiles("title", "ms", Map.of("k", new double[] {1, 2, 3, 10}), curves);
        for (Path p : List.of(bars, curves)) {
            byte[] bytes = Files.readAllBytes(p);
            assertArrayEquals(PNG, java.util.Arrays.copyOf(bytes, 4));
            assertTrue(bytes.length > 5_000, p + ": " + bytes.length + " bytes");
        }
    }
}
