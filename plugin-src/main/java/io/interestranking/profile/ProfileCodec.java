package io.interestranking.profile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Profile ⇄ stored document. Vectors are IEEE half-precision floats, little-endian ({@code vector_f16}: binary in
 * the SMILE source, base64 when rendered as JSON), and the recent event ids one binary value of 64-bit hashes;
 * the document is not indexed beyond the user id. A profile is rounded to what is stored ({@link #roundVectors})
 * before it is written, so the copy a node keeps in memory and the stored one are the same. Reads also accept
 * the earlier formats: float32 {@code vector} (bytes, or base64 text), event ids as a list of strings.
 *
 * <p>Why half precision: vectors are most of a profile and the whole document is rewritten (and compressed by
 * Lucene's stored fields) on every update, so their size bounds the events throughput. A half has 11 significant
 * bits: a component is off by at most 2⁻¹² of itself, a cosine of unit vectors by about 10⁻⁴ — far below the
 * differences that order items.
 */
public final class ProfileCodec {

    private ProfileCodec() {}

    /**
     * The profile for a node-to-node message (a rescorer's search, a user read on another node): everything but the
     * remembered event ids, which only the writer needs (up to 8 KB per profile, per shard request).
     */
    public static Map<String, Object> toTransport(Profile p) {
        return toMap(p, false);
    }

    public static Map<String, Object> toSource(Profile p) {
        return toMap(p, true);
    }

    private static Map<String, Object> toMap(Profile p, boolean withRecentIds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user_id", p.userId);
        m.put("clock", p.clock);
        m.put("event_count", p.eventCount);
        List<Object> interests = new ArrayList<>();
        for (Interest i : p.interests) {
            interests.add(interest(i));
        }
        m.put("interests", interests);
        m.put("short_term", p.shortTerm == null ? null : interest(p.shortTerm));
        m.put("negative", p.negative == null ? null : interest(p.negative));
        if (withRecentIds) {
            m.put("recent_event_hashes", p.recentEventIds.toBytes());
        }
        return m;
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
        Profile p = new Profile((String) m.get("user_id"));
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
            recentIds(m)
        );
        return p;
    }

    @SuppressWarnings("unchecked")
    private static Interest interest(Map<String, Object> m) {
        if (m == null) {
            return null;
        }
        return new Interest(
            m.containsKey("vector_f16") ? fromHalfBytes(binary(m.get("vector_f16"))) : vector(m.get("vector")),
            ((Number) m.get("weight")).doubleValue(),
            ((Number) m.get("count")).longValue(),
            ((Number) m.get("last_updated")).longValue(),
            (List<String>) m.getOrDefault("evidence", List.of()),
            Boolean.TRUE.equals(m.get("declared"))
        );
    }

    @SuppressWarnings("unchecked")
    private static RecentIds recentIds(Map<String, Object> m) {
        Object hashes = m.get("recent_event_hashes");
        if (hashes != null) {
            return RecentIds.fromBytes(binary(hashes));
        }
        RecentIds ids = new RecentIds();
        for (String id : (List<String>) m.getOrDefault("recent_event_ids", List.of())) {
            ids.add(RecentIds.hash(id), Integer.MAX_VALUE);
        }
        return ids;
    }

    /** A binary value as parsed: bytes from SMILE or a transport map, base64 text from JSON. */
    private static byte[] binary(Object value) {
        return value instanceof byte[] b ? b : Base64.getDecoder().decode((String) value);
    }

    private static float[] vector(Object value) {
        ByteBuffer buf = ByteBuffer.wrap(binary(value)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[buf.remaining() / 4];
        buf.asFloatBuffer().get(v);
        return v;
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
