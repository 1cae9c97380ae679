package io.interestranking.core.profile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The idempotence memory of a profile: 64-bit hashes of the latest applied event ids, oldest first. Eight bytes
 * per id whatever its length (a UUID as text is 36), stored as one binary value; a linear scan of at most a few
 * thousand longs is cheaper than keeping a hash set in step. Two different ids collide with probability 2⁻⁶⁴.
 */
public final class RecentIds {

    private long[] ids;
    private int size;

    public RecentIds() {
        this(new long[8], 0);
    }

    private RecentIds(long[] ids, int size) {
        this.ids = ids;
        this.size = size;
    }

    public static long hash(String eventId) {
        byte[] bytes = eventId.getBytes(StandardCharsets.UTF_8);
        return Murmur3.hash128h1(bytes);
    }

    public boolean contains(long id) {
        for (int i = 0; i < size; i++) {
            if (ids[i] == id) {
                return true;
            }
        }
        return false;
    }

    /** Adds at the newest end and drops the oldest beyond {@code capacity}. */
    public void add(long id, int capacity) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, Math.max(8, size * 2));
        }
        ids[size++] = id;
        if (size > capacity) {
            int drop = size - capacity;
            System.arraycopy(ids, drop, ids, 0, capacity);
            size = capacity;
        }
    }

    public int size() {
        return size;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecentIds r && Arrays.equals(ids, 0, size, r.ids, 0, r.size);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(Arrays.copyOf(ids, size));
    }

    public RecentIds copy() {
        return new RecentIds(Arrays.copyOf(ids, Math.max(8, size)), size);
    }

    public byte[] toBytes() {
        ByteBuffer buf = ByteBuffer.allocate(size * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asLongBuffer().put(ids, 0, size);
        return buf.array();
    }

    public static RecentIds fromBytes(byte[] bytes) {
        long[] ids = new long[Math.max(8, bytes.length / Long.BYTES)];
        int n = bytes.length / Long.BYTES;
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(ids, 0, n);
        return new RecentIds(ids, n);
    }
}
