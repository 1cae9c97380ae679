package io.interestranking.core.profile;

import io.interestranking.core.io.BinaryInput;
import io.interestranking.core.io.BinaryOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Profile ⇄ stored document, and profile ⇄ node-to-node message: one typed, versioned binary form for both. The
 * document is {@code {"user_id", "space", "updated", "profile": <binary>}}: the three fields are indexed (deleting a
 * user, expiring inactive ones), the binary value is the node-to-node form followed by the remembered event ids
 * (64-bit hashes). A vector is stored as one signed byte per component times a power of two ({@link #int8Bytes}). A
 * profile is rounded to what is stored ({@link #roundVectors}) before it is written, so the copy a node keeps in memory
 * and the stored one are the same.
 *
 * <p>Why one binary value: the whole document is parsed and written on every event of its user (a profile of nested
 * fields cost the write thread a third of its time in parsing). Why a byte per component: vectors are most of a
 * profile, which every event rewrites and every node's disk and cache hold (44% fewer bytes than half precision).
 * The power of two is the smallest that keeps the largest component within ±127, so a component is off by at most
 * half a step (a largest component in (0.124, 0.248]: step 2⁻⁹), and a dot product with a unit vector
 * by about 6·10⁻⁴ (a standard deviation, by arithmetic; MovieLens HR@10 unchanged, docs/profile-model.md). Rounding a
 * rounded vector changes nothing, so repeated updates do not drift by re-rounding.
 *
 * <p>What an event leaves unchanged is written back in the bytes it was read from: an interest's vector while it is
 * the array read ({@link Interest#storedVector}), its evidence keys while nobody used them ({@link EvidenceKeys}).
 */
public final class ProfileCodec {

    /**
     * Version of the binary form ({@link #write}), stored and sent; a reader refuses any other, so that a node of a
     * later release never misreads a profile (bump it with every change of the layout, and read the old one if needed).
     * 4: vectors as bytes ({@link #int8Bytes}), evidence keys after their shared prefix ({@link #writeKeys}); 3 (read,
     * never written): half-precision vectors ({@link #halfBytes}), each key whole.
     */
    static final byte WIRE_FORMAT = 4;

    /** The layout before evidence keys became UTF-8 byte runs, with half vectors; still read, never written. */
    static final byte WIRE_FORMAT_STRING_EVIDENCE = 2;

    private ProfileCodec() {}

    public static Map<String, Object> toSource(Profile p) {
        return toSource(p, binary(p));
    }

    /** The document of a profile whose stored binary value ({@link #binary}) is already at hand. */
    public static Map<String, Object> toSource(Profile p, byte[] binary) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user_id", p.userId);
        m.put("space", p.space);
        m.put("updated", p.updated);
        m.put("profile", binary);
        return m;
    }

    /** The stored binary value: the node-to-node form followed by the remembered event ids. */
    public static byte[] binary(Profile p) {
        BinaryOutput out = new BinaryOutput(storedBytes(p)); // sized once: growing it cost more than writing
        write(out, p);
        out.writeByteArray(p.recentEventIds.toBytes());
        return out.toByteArray();
    }

    /** The node-to-node form ({@link #write}) as bytes, for an engine's transport message. */
    public static byte[] wire(Profile p) {
        BinaryOutput out = new BinaryOutput(storedBytes(p));
        write(out, p);
        return out.toByteArray();
    }

    /** Reads {@link #wire}. */
    public static Profile fromWire(byte[] bytes) throws IOException {
        return read(new BinaryInput(bytes));
    }

    /** A stored document's source as parsed: SMILE gives the binary value as bytes, JSON as base64 text. */
    public static Profile fromSource(Map<String, Object> source) {
        return fromBinary(binaryOf(source), source.get("user_id"));
    }

    public static byte[] binaryOf(Map<String, Object> source) {
        Object body = source.get("profile");
        if (body == null) {
            throw new IllegalStateException(
                    "profile document of [" + source.get("user_id") + "] has no [profile] value: written by an"
                            + " earlier version of the plugin, which stored another layout");
        }
        return body instanceof byte[] b ? b : Base64.getDecoder().decode((String) body);
    }

    /** A fresh profile from its stored binary value; {@code user} names it in an error. */
    public static Profile fromBinary(byte[] bytes, Object user) {
        try {
            BinaryInput in = new BinaryInput(bytes);
            Profile p = read(in);
            p.recentEventIds = RecentIds.fromBytes(in.readByteArray());
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("profile document of [" + user + "] cannot be read", e);
        }
    }

    /** About the length of the stored binary value: vectors, evidence, remembered ids and headers. */
    static int storedBytes(Profile p) {
        int bytes = 64 + 8 * p.recentEventIds.size();
        for (Interest i : p.parts()) {
            bytes += 48 + i.vector.length;
            if (i.evidence instanceof EvidenceKeys keys && keys.stored() != null) {
                bytes += keys.stored().length;
                continue;
            }
            for (String key : i.evidence) {
                bytes += 2 + key.length();
            }
        }
        return bytes;
    }

    /**
     * The node-to-node form (a rescorer's search, a user read on another node): without the remembered event ids,
     * which only the writer needs (up to 8 KB per profile, per shard request).
     */
    static void write(BinaryOutput out, Profile p) {
        out.writeByte(WIRE_FORMAT);
        out.writeString(p.userId);
        out.writeString(p.space);
        out.writeLong(p.updated);
        out.writeLong(p.clock);
        out.writeVLong(p.eventCount);
        out.writeVInt(p.interests.size());
        for (Interest i : p.interests) {
            write(out, i);
        }
        writeOptional(out, p.shortTerm);
        writeOptional(out, p.negative);
    }

    private static void writeOptional(BinaryOutput out, Interest i) {
        out.writeBoolean(i != null);
        if (i != null) {
            write(out, i);
        }
    }

    static Profile read(BinaryInput in) throws IOException {
        byte format = in.readByte();
        if (format < WIRE_FORMAT_STRING_EVIDENCE || format > WIRE_FORMAT) {
            throw new IOException("profile format [" + format + "] is not known to this node, which reads ["
                    + WIRE_FORMAT_STRING_EVIDENCE + "] to [" + WIRE_FORMAT
                    + "]: upgrade every node to the same plugin version");
        }
        Profile p = new Profile(in.readString(), in.readString());
        p.updated = in.readLong();
        long clock = in.readLong();
        long eventCount = in.readVLong();
        int n = in.readVInt();
        List<Interest> interests = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            interests.add(readInterest(in, format));
        }
        Interest shortTerm = in.readBoolean() ? readInterest(in, format) : null;
        Interest negative = in.readBoolean() ? readInterest(in, format) : null;
        p.restore(clock, eventCount, interests, shortTerm, negative, new RecentIds());
        return p;
    }

    private static void write(BinaryOutput out, Interest i) {
        byte[] stored = i.unchangedStoredVector();
        out.writeByteArray(stored != null ? stored : int8Bytes(i.vector));
        out.writeDouble(i.weight);
        out.writeVLong(i.count);
        out.writeLong(i.lastUpdated);
        writeKeys(out, i.evidence);
        out.writeBoolean(i.declared);
    }

    private static Interest readInterest(BinaryInput in, byte format) throws IOException {
        byte[] stored = in.readByteArray();
        float[] vector = format == WIRE_FORMAT ? fromInt8Bytes(stored) : fromHalfBytes(stored);
        Interest i = new Interest(
                vector,
                in.readDouble(),
                in.readVLong(),
                in.readLong(),
                format == WIRE_FORMAT_STRING_EVIDENCE ? in.readStringList() : readKeys(in, format == WIRE_FORMAT, true),
                in.readBoolean());
        if (format == WIRE_FORMAT) {
            i.storedVector = stored;
            i.storedFrom = vector;
        }
        return i;
    }

    /**
     * Evidence keys as UTF-8 bytes, each after the number of leading bytes it shares with the key before it and the
     * length of the rest. Why UTF-8 runs and not {@code writeStringCollection}: it encodes char by char through a
     * thread-local buffer, and a full profile has about a hundred keys, decoded and encoded again by every event of its
     * user (a seventh of the events' CPU time in a profile of returning users). Why the shared prefix: keys are
     * "index/id", so most repeat the index name, a sixth of a full profile's bytes before.
     */
    static void writeKeys(BinaryOutput out, List<String> keys) {
        if (keys instanceof EvidenceKeys read && read.stored() != null) {
            out.writeBytes(read.stored()); // as read: the same bytes
            return;
        }
        out.writeVInt(keys.size());
        byte[] previous = new byte[0];
        for (String key : keys) {
            byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
            int shared = Arrays.mismatch(previous, utf8);
            shared = shared < 0 ? utf8.length : shared;
            out.writeVInt(shared);
            out.writeVInt(utf8.length - shared);
            out.writeBytes(utf8, shared, utf8.length - shared);
            previous = utf8;
        }
    }

    /**
     * Reads {@link #writeKeys}; from a stored value, kept in that form until used ({@link EvidenceKeys}); with
     * {@code prefixed} false, the format-3 layout (each key whole).
     */
    static List<String> readKeys(BinaryInput in, boolean prefixed, boolean keepStored) throws IOException {
        if (prefixed && keepStored) { // the block as it is, its keys skipped, not decoded
            int start = in.position();
            int n = in.readVInt();
            for (int k = 0; k < n; k++) {
                in.readVInt(); // shared
                in.skipBytes(in.readVInt());
            }
            return new EvidenceKeys(Arrays.copyOfRange(in.array(), start, in.position()), n);
        }
        int n = in.readVInt();
        List<String> keys = new ArrayList<>(n);
        byte[] buffer = new byte[64];
        for (int k = 0; k < n; k++) {
            int shared = prefixed ? in.readVInt() : 0;
            int length = shared + in.readVInt();
            if (length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(length, 2 * buffer.length));
            }
            in.readBytes(buffer, shared, length - shared);
            keys.add(new String(buffer, 0, length, StandardCharsets.UTF_8));
        }
        return keys;
    }

    /** Rounds every vector of the profile, in place, to the values the document stores. */
    public static void roundVectors(Profile p) {
        p.parts().forEach(i -> {
            if (i.unchangedStoredVector() == null) { // a vector as read is rounded already
                roundToInt8(i.vector);
            }
        });
    }

    /** Replaces each component by the value the stored form reads back: the same by construction. */
    static void roundToInt8(float[] v) {
        System.arraycopy(fromInt8Bytes(int8Bytes(v)), 0, v, 0, v.length);
    }

    /**
     * The stored form of a vector: the exponent e of its step 2^e (a byte), then each component as the signed byte
     * nearest to it / 2^e (ties to even). Scaling by a power of two is exact, so a rounded vector rounds to itself.
     * {@link Math#rint} because the JIT compiles it to one instruction; {@link Math#round} took ten times as long.
     */
    static byte[] int8Bytes(float[] v) {
        int exponent = int8Exponent(v);
        float down = step(-exponent);
        byte[] bytes = new byte[1 + v.length];
        bytes[0] = (byte) exponent;
        for (int i = 0; i < v.length; i++) {
            bytes[1 + i] = (byte) Math.rint(v[i] * down);
        }
        return bytes;
    }

    static float[] fromInt8Bytes(byte[] bytes) {
        float up = step(bytes[0]);
        float[] v = new float[bytes.length - 1];
        for (int i = 0; i < v.length; i++) {
            v[i] = bytes[1 + i] * up;
        }
        return v;
    }

    /**
     * 2^e as a float, exact for the exponents of vectors (|e| ≤ 126): a product with it is as exact as {@link
     * Math#scalb}, which is not compiled to an instruction (with it and {@link Math#round} per component, encoding
     * took 28% of the profile pool's samples in a profile of the returning users' events).
     */
    private static float step(int e) {
        return Float.intBitsToFloat((Math.max(-126, Math.min(127, e)) + 127) << 23);
    }

    /** The smallest e with every |component| / 2^e ≤ 127 (0 for a zero vector). */
    static int int8Exponent(float[] v) {
        float max = 0;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
        }
        if (max == 0) {
            return 0;
        }
        // clamped: the step must stay a normal float (a vector's largest component is far from both ends)
        int e = Math.max(-126, Math.min(126, Math.getExponent(max / 127f)));
        return Math.scalb(127f, e) >= max ? e : e + 1;
    }

    static byte[] halfBytes(float[] v) {
        ByteBuffer buf = ByteBuffer.allocate(v.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            buf.putShort(Float.floatToFloat16(x));
        }
        return buf.array();
    }

    static float[] fromHalfBytes(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[bytes.length / 2];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.float16ToFloat(buf.getShort());
        }
        return v;
    }

    /** The dimension of a profile's vectors, or -1 when it has none yet. */
    public static int dimension(Profile p) {
        List<Interest> parts = p.parts();
        return parts.isEmpty() ? -1 : parts.get(0).vector.length;
    }
}
