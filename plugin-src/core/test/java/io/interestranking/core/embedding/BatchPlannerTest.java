package io.interestranking.core.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {

    @Test
    void sortsByLengthAndCapsTextsPerGroup() {
        int[] lengths = {50, 10, 30, 10, 20};
        List<int[]> groups = BatchPlanner.plan(lengths, 2, Integer.MAX_VALUE);
        assertEquals(3, groups.size());
        assertArrayEquals(new int[] {1, 3}, groups.get(0)); // the two 10s, input order kept
        assertArrayEquals(new int[] {4, 2}, groups.get(1)); // 20, 30
        assertArrayEquals(new int[] {0}, groups.get(2));
    }

    @Test
    void capsPaddedTokensPerGroup() {
        // budget 64: 4 texts of 16 fit (4*16=64); a 5th would make 5*16=80
        int[] lengths = {16, 16, 16, 16, 16, 40};
        List<int[]> groups = BatchPlanner.plan(lengths, 100, 64);
        assertArrayEquals(new int[] {0, 1, 2, 3}, groups.get(0));
        // 16 then 40: padded to 40 makes 2*40=80 > 64, so they split
        assertArrayEquals(new int[] {4}, groups.get(1));
        assertArrayEquals(new int[] {5}, groups.get(2));
    }

    @Test
    void aTextLongerThanTheBudgetStillGetsItsOwnGroup() {
        List<int[]> groups = BatchPlanner.plan(new int[] {500}, 8, 64);
        assertArrayEquals(new int[] {0}, groups.get(0));
    }

    @Test
    void rejectsNonPositiveLimits() {
        assertThrows(IllegalArgumentException.class, () -> BatchPlanner.plan(new int[] {1}, 0, 10));
    }

    @Test
    void balancedChunksEndTogetherOnThePoolsThreads() {
        assertEquals(25, BatchPlanner.balancedChunk(100, 32, 2)); // 4 tasks of 25
        assertEquals(32, BatchPlanner.balancedChunk(128, 32, 2)); // already 4 tasks of 32
        assertEquals(17, BatchPlanner.balancedChunk(33, 32, 2)); // 2 tasks: 17 + 16
        assertEquals(1, BatchPlanner.balancedChunk(1, 32, 2)); // one text, one task
        assertEquals(1, BatchPlanner.balancedChunk(3, 32, 4)); // never more tasks than texts
        assertEquals(25, BatchPlanner.balancedChunk(100, 32, 1)); // one thread: as many tasks as before, evened out
    }
}
