package io.interestranking.profile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Profile ⇄ stored document. Vectors are little-endian float32 bytes (binary values in the SMILE source, base64
 * when rendered as JSON: exact, and a fraction of the size of JSON floats) and the recent event ids are one
 * binary value of 64-bit hashes; the document is not indexed beyond the user id. Reads also accept the first
 * format (base64 strings, event ids as a list of strings).
 */
public final class ProfileCodec {

    private ProfileCodec() {}

    public static Map<String, Object> toSource(Profile p) {
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
        m.put("recent_event_hashes", p.recentEventIds.toBytes());
        return m;
    }

    private static Map<String, Object> interest(Interest i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vector", bytes(i.vector));
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
            vector(m.get("vector")),
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

    static byte[] bytes(float[] v) {
        ByteBuffer buf = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(v);
        return buf.array();
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
