package io.interestranking.core.profile;

import io.interestranking.core.io.BinaryInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.ArrayList;
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
            try {
                keys = ProfileCodec.readKeys(new BinaryInput(stored), true, false);
            } catch (IOException e) {
                throw new UncheckedIOException("evidence keys cannot be read", e); // read whole before: cannot happen
            }
            stored = null;
        }
        return keys;
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
