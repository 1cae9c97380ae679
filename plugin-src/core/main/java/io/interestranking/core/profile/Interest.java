package io.interestranking.core.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** One interest of a user: a unit direction in embedding space with the evidence behind it. Mutable, owned by its profile. */
public final class Interest {

    float[] vector;
    /** Weight as of the profile's clock (already decayed to it). */
    double weight;

    long count;
    long lastUpdated;
    /** Ids of the most recent items that formed it, oldest first. */
    final List<String> evidence;
    /** Declared from text (statement, PUT users) and not yet confirmed by behaviour. */
    boolean declared;

    /**
     * The stored form {@link #vector} was read from, while {@code vector} is still that array ({@link #storedFrom}):
     * written back as it is, not rounded and encoded again. Vectors are replaced, never changed in place.
     */
    byte[] storedVector;

    float[] storedFrom;

    public Interest(
            float[] vector, double weight, long count, long lastUpdated, List<String> evidence, boolean declared) {
        this.vector = vector;
        this.weight = weight;
        this.count = count;
        this.lastUpdated = lastUpdated;
        this.evidence = evidence instanceof EvidenceKeys stored ? stored.copy() : new ArrayList<>(evidence);
        this.declared = declared;
    }

    public float[] vector() {
        return vector;
    }

    public double weight() {
        return weight;
    }

    public long count() {
        return count;
    }

    public long lastUpdated() {
        return lastUpdated;
    }

    /** The stored form of the vector when it is the one read, else null. */
    byte[] unchangedStoredVector() {
        return vector == storedFrom ? storedVector : null;
    }

    public List<String> evidence() {
        return evidence;
    }

    public boolean declared() {
        return declared;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Interest i
                && Arrays.equals(vector, i.vector)
                && weight == i.weight
                && count == i.count
                && lastUpdated == i.lastUpdated
                && evidence.equals(i.evidence)
                && declared == i.declared;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(vector), weight, count, lastUpdated, evidence, declared);
    }

    Interest copy() {
        return new Interest(vector.clone(), weight, count, lastUpdated, evidence, declared);
    }
}
