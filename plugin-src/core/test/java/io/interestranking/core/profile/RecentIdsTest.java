package io.interestranking.core.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentIdsTest {

    @Test
    void keepsTheNewestUpToCapacity() {
        RecentIds ids = new RecentIds();
        for (long i = 1; i <= 12; i++) {
            ids.add(i, 10);
        }
        assertEquals(10, ids.size());
        assertFalse(ids.contains(1));
        assertFalse(ids.contains(2));
        assertTrue(ids.contains(3));
        assertTrue(ids.contains(12));
        // a smaller capacity (the setting lowered) trims the oldest at the next add
        ids.add(13, 4);
        assertEquals(4, ids.size());
        assertFalse(ids.contains(9));
        assertTrue(ids.contains(10));
    }

    @Test
    void bytesRoundTripInOrder() {
        RecentIds ids = new RecentIds();
        ids.add(1, 100);
        ids.add(-2, 100);
        byte[] b = ids.toBytes();
        assertEquals(16, b.length);
        assertArrayEquals(new byte[] {1, 0, 0, 0, 0, 0, 0, 0}, java.util.Arrays.copyOf(b, 8)); // little-endian 1
        RecentIds back = RecentIds.fromBytes(b);
        assertEquals(2, back.size());
        assertTrue(back.contains(-2));
        back.add(3, 2);
        assertFalse(back.contains(1));
        assertTrue(back.contains(3));
    }

    @Test
    void hashIsStableAndTellsIdsApart() {
        assertEquals(RecentIds.hash("event-42"), RecentIds.hash("event-42"));
        assertNotEquals(RecentIds.hash("event-42"), RecentIds.hash("event-43"));
        assertNotEquals(RecentIds.hash(""), RecentIds.hash(" "));
    }
}
