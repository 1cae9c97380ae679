package io.interestranking.profile;

import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Profile ⇄ stored document, and profile ⇄ node-to-node message. Vectors are IEEE half-precision floats,
 * little-endian ({@code vector_f16}: binary in the SMILE source, base64 when rendered as JSON), and the recent event
 * ids one binary value of 64-bit hashes; the document is indexed only by user id, space and update time. A profile
 * is rounded to what is stored ({@link #roundVectors}) before it is written, so the copy a node keeps in memory and
 * the stored one are the same.
 *
 * <p>Why half precision: vectors are most of a profile and the whole document is rewritten (and compressed by
 * Lucene's stored fields) on every update, so their size bounds the events throughput. A half has 11 significant
 * bits: a component is off by at most 2⁻¹² of itself, a cosine of unit vectors by about 10⁻⁴ — far below the
 * differences that order items.
 */
public final class ProfileCodec {

    /**
     * Version of the node-to-node form ({@link #write}); a reader refuses any other, so that a node of a later
     * release never misreads a profile (bump it with every change of the layout, and read the old one if needed).
     */
    static final byte WIRE_FORMAT = 1;

    private ProfileCodec() {}

    public static Map<String, Object> toSource(Profile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user_id", p.userId);
        m.put("space", p.space);
        m.put("dimension", dimension(p));
        m.put("updated", p.updated);
        m.put("clock", p.clock);
        m.put("event_count", p.eventCount);
        List<Object> interests = new ArrayList<>();
        for (Interest i : p.interests) {
            interests.add(interest(i));
        }
        m.put("interests", interests);
        m.put("short_term", p.shortTerm == null ? null : interest(p.shortTerm));
        m.put("negative", p.negative == null ? null : interest(p.negative));
        m.put("recent_event_hashes", p.recentEventIds.toBytes());
        return m;
    }

    /**
     * The profile for a node-to-node message (a rescorer's search, a user read on another node): typed, versioned,
     * and without the remembered event ids, which only the writer needs (up to 8 KB per profile, per shard request).
     */
    public static void write(StreamOutput out, Profile p) throws IOException {
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
        out.writeBoolean(p.shortTerm != null);
        if (p.shortTerm != null) {
            write(out, p.shortTerm);
        }
        out.writeBoolean(p.negative != null);
        if (p.negative != null) {
            write(out, p.negative);
        }
    }

    public static Profile read(StreamInput in) throws IOException {
        byte format = in.readByte();
        if (format != WIRE_FORMAT) {
            throw new IOException("profile wire format [" + format + "] is not known to this node, which reads [" + WIRE_FORMAT
                + "]: upgrade every node to the same plugin version");
        }
        Profile p = new Profile(in.readString(), in.readString());
        p.updated = in.readLong();
        long clock = in.readLong();
        long eventCount = in.readVLong();
        int n = in.readVInt();
        List<Interest> interests = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            interests.add(readInterest(in));
        }
        Interest shortTerm = in.readBoolean() ? readInterest(in) : null;
        Interest negative = in.readBoolean() ? readInterest(in) : null;
        p.restore(clock, eventCount, interests, shortTerm, negative, new RecentIds());
        return p;
    }

    private static void write(StreamOutput out, Interest i) throws IOException {
        out.writeByteArray(halfBytes(i.vector));
        out.writeDouble(i.weight);
        out.writeVLong(i.count);
        out.writeLong(i.lastUpdated);
        out.writeStringCollection(i.evidence);
        out.writeBoolean(i.declared);
    }

    private static Interest readInterest(StreamInput in) throws IOException {
        return new Interest(fromHalfBytes(in.readByteArray()), in.readDouble(), in.readVLong(), in.readLong(), in.readStringList(),
            in.readBoolean());
    }

    private static Map<String, Object> interest(Interest i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vector_f16", halfBytes(i.vector));
        m.put("weight", i.weight);
        m.put("count", i.count);
        m.put("last_updated", i.lastUpdated);
        m.put("evidence", i.evidence);
        m.put("declared", i.declared);
        return m;
    }

    @SuppressWarnings("unchecked")
    public static Profile fromSource(Map<String, Object> m) {
        Profile p = new Profile((String) m.get("user_id"), (String) m.get("space"));
        p.updated = ((Number) m.getOrDefault("updated", 0L)).longValue();
        List<Interest> interests = new ArrayList<>();
        for (Object o : (List<Object>) m.getOrDefault("interests", List.of())) {
            interests.add(interest((Map<String, Object>) o));
        }
        p.restore(
            ((Number) m.get("clock")).longValue(),
            ((Number) m.get("event_count")).longValue(),
            interests,
            interest((Map<String, Object>) m.get("short_term")),
            interest((Map<String, Object>) m.get("negative")),
            RecentIds.fromBytes(binary(m.get("recent_event_hashes")))
        );
        return p;
    }

    @SuppressWarnings("unchecked")
    private static Interest interest(Map<String, Object> m) {
        if (m == null) {
            return null;
        }
        return new Interest(
            fromHalfBytes(binary(m.get("vector_f16"))),
            ((Number) m.get("weight")).doubleValue(),
            ((Number) m.get("count")).longValue(),
            ((Number) m.get("last_updated")).longValue(),
            (List<String>) m.getOrDefault("evidence", List.of()),
            Boolean.TRUE.equals(m.get("declared"))
        );
    }

    /** A binary value as parsed: bytes from SMILE, base64 text from JSON. */
    private static byte[] binary(Object value) {
        return value instanceof byte[] b ? b : Base64.getDecoder().decode((String) value);
    }

    /** Rounds every vector of the profile, in place, to the values the document stores. */
    public static void roundVectors(Profile p) {
        for (Interest i : p.interests) {
            roundToHalf(i.vector);
        }
        if (p.shortTerm != null) {
            roundToHalf(p.shortTerm.vector);
        }
        if (p.negative != null) {
            roundToHalf(p.negative.vector);
        }
    }

    static void roundToHalf(float[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.float16ToFloat(Float.floatToFloat16(v[i]));
        }
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
        if (p.interests.isEmpty() == false) {
            return p.interests.get(0).vector.length;
        }
        if (p.shortTerm != null) {
            return p.shortTerm.vector.length;
        }
        return p.negative != null ? p.negative.vector.length : -1;
    }
}
