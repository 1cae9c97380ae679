package io.interestranking.profile;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An interest's evidence keys as read from a stored profile: kept in their stored form ({@link ProfileCodec#writeKeys})
 * until something reads or changes them, and written back as they came when nothing did. An event changes the
 * evidence of one or two of a profile's interests; decoding and encoding the others' hundred-odd keys on every event
 * showed as building strings (11.5%) and writing varints (8.8%) among the profile pool's samples in a profile of
 * returning users' events.
 */
final class EvidenceKeys extends AbstractList<String> implements RandomAccess {

    /** The stored form, count first; null once decoded. Never changed: copies share it. */
    private byte[] stored;

    private final int count;
    private List<String> keys;

    EvidenceKeys(byte[] stored, int count) {
        this.stored = stored;
        this.count = count;
    }

    /** The stored form while the keys are as read, else null. */
    byte[] stored() {
        return stored;
    }

    /** An independent copy: the stored form shared, the decoded keys copied. */
    EvidenceKeys copy() {
        EvidenceKeys c = new EvidenceKeys(stored, count);
        if (keys != null) {
            c.keys = new ArrayList<>(keys);
        }
        return c;
    }

    private List<String> keys() {
        if (keys == null) {
            keys = decode(stored, count);
            stored = null;
        }
        return keys;
    }

    /** The keys of a stored form: after the count, each key's shared prefix length, rest length and rest. */
    private static List<String> decode(byte[] stored, int count) {
        List<String> out = new ArrayList<>(count);
        int[] at = {0};
        readVInt(stored, at); // the count
        byte[] buffer = new byte[64];
        for (int k = 0; k < count; k++) {
            int shared = readVInt(stored, at);
            int rest = readVInt(stored, at);
            if (shared + rest > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(shared + rest, 2 * buffer.length));
            }
            System.arraycopy(stored, at[0], buffer, shared, rest);
            at[0] += rest;
            out.add(new String(buffer, 0, shared + rest, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static int readVInt(byte[] b, int[] at) {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            byte x = b[at[0]++];
            value |= (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return value;
            }
        }
    }

    @Override
    public int size() {
        return keys == null ? count : keys.size();
    }

    @Override
    public String get(int index) {
        return keys().get(index);
    }

    @Override
    public String set(int index, String key) {
        return keys().set(index, key);
    }

    @Override
    public void add(int index, String key) {
        keys().add(index, key);
        modCount++;
    }

    @Override
    public String remove(int index) {
        modCount++;
        return keys().remove(index);
    }
}
