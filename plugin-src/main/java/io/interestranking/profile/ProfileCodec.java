package io.interestranking.profile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Profile ⇄ stored document. Vectors are base64 of little-endian float32 (a third of the size of JSON floats,
 * and exact); the document is not indexed beyond the user id.
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
        m.put("recent_event_ids", new ArrayList<>(p.recentEventIds));
        return m;
    }

    private static Map<String, Object> interest(Interest i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vector", encode(i.vector));
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
            (List<String>) m.getOrDefault("recent_event_ids", List.of())
        );
        return p;
    }

    @SuppressWarnings("unchecked")
    private static Interest interest(Map<String, Object> m) {
        if (m == null) {
            return null;
        }
        return new Interest(
            decode((String) m.get("vector")),
            ((Number) m.get("weight")).doubleValue(),
            ((Number) m.get("count")).longValue(),
            ((Number) m.get("last_updated")).longValue(),
            (List<String>) m.getOrDefault("evidence", List.of()),
            Boolean.TRUE.equals(m.get("declared"))
        );
    }

    public static String encode(float[] v) {
        ByteBuffer buf = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(v);
        return Base64.getEncoder().encodeToString(buf.array());
    }

    public static float[] decode(String s) {
        ByteBuffer buf = ByteBuffer.wrap(Base64.getDecoder().decode(s)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[buf.remaining() / 4];
        buf.asFloatBuffer().get(v);
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
