package io.interestranking.core.profile;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values of a parsed XContent map as the responses' parsers need them: numbers come back as whatever width the
 * format chose (JSON: int or long, double; SMILE and CBOR: float too), so they are widened here, in one place.
 */
public final class ParsedValues {

    private ParsedValues() {}

    public static float[] floats(List<?> values) {
        float[] v = new float[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((Number) values.get(i)).floatValue();
        }
        return v;
    }

    public static long longValue(Map<String, ?> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    public static int intValue(Map<String, ?> m, String key) {
        return ((Number) m.get(key)).intValue();
    }

    public static double doubleValue(Map<String, ?> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    /** An ISO-8601 instant as epoch milliseconds. */
    public static long epochMillis(Map<String, ?> m, String key) {
        return Instant.parse((String) m.get(key)).toEpochMilli();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, ?> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    /** Nested maps with every whole number as a long and every other number as a double. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> widened(Map<String, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(
                k,
                switch (v) {
                    case Map<?, ?> nested -> widened((Map<String, ?>) nested);
                    case Integer i -> i.longValue();
                    case Short i -> i.longValue();
                    case Float f -> f.doubleValue();
                    default -> v;
                }));
        return out;
    }
}
