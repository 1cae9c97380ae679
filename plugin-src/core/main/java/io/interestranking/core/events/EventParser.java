package io.interestranking.core.events;

import io.interestranking.core.profile.Event;
import io.interestranking.core.profile.EventType;
import io.interestranking.core.profile.UserIds;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.util.UnicodeUtil;

/**
 * Validates one raw event (a parsed JSON object) strictly. Every rejection is an IllegalArgumentException whose
 * message names the field, so a bad event fails alone with a 400.
 */
public final class EventParser {

    public static final int MAX_TEXT_LENGTH = 10_000;
    public static final int MAX_DIMENSION = 4096;
    public static final long MAX_FUTURE_MILLIS = 24 * 3_600_000L;

    private static final Set<String> FIELDS =
            Set.of("user_id", "type", "item", "timestamp", "event_id", "weight", "value", "model");
    private static final Set<String> ITEM_FIELDS = Set.of("index", "id", "field", "vector", "text");

    /** Where the item's vector comes from: a document, an inline vector, or text to embed. */
    public record Item(String index, String id, String field, float[] vector, String text) {
        /** How the evidence lists the item: "index/id", "text:..." (abbreviated), or null for an inline vector. */
        public String key() {
            if (index != null) {
                return index + "/" + id;
            }
            return text == null ? null : "text:" + (text.length() > 80 ? text.substring(0, 80) + "…" : text);
        }

        /**
         * The document an evidence key names ({@link #key}), read from the field {@code fieldOf} gives for its index
         * (null: the index's only vector field); null for a key that names no document.
         */
        public static Item ofKey(String key, Map<String, String> fieldOf) {
            int slash = key.indexOf('/');
            if (slash <= 0 || key.startsWith("text:")) {
                return null;
            }
            String index = key.substring(0, slash);
            return new Item(index, key.substring(slash + 1), fieldOf.get(index), null, null);
        }
    }

    /** A validated event whose item still has to be turned into a vector. */
    /** {@code model}: the model named by the event (its text is embedded with it, its vector lives in its space), or null. */
    public record Parsed(
            String userId,
            EventType type,
            long timestamp,
            Item item,
            String eventId,
            double weight,
            Double value,
            String model) {
        public Event resolve(float[] unitVector) {
            return new Event(type, timestamp, unitVector, item.key(), eventId, weight, value);
        }
    }

    private EventParser() {}

    public static Parsed parse(Object raw, long now) {
        if (raw instanceof Map<?, ?> == false) {
            throw new IllegalArgumentException("an event must be an object");
        }
        Map<?, ?> m = (Map<?, ?>) raw;
        for (Object key : m.keySet()) {
            if (FIELDS.contains(key) == false) {
                throw new IllegalArgumentException("unknown field [" + key + "] in event");
            }
        }
        String userId = UserIds.check(m.get("user_id"));
        Object typeValue = m.get("type");
        if (typeValue instanceof String == false) {
            throw new IllegalArgumentException("[type] is required and must be a string");
        }
        EventType type = EventType.parse((String) typeValue);
        long timestamp = timestamp(m.get("timestamp"), now);
        String eventId = null;
        if (m.get("event_id") != null) {
            if (m.get("event_id") instanceof String s && s.isEmpty() == false && s.length() <= 512) {
                eventId = s;
            } else {
                throw new IllegalArgumentException("[event_id] must be a non-empty string of at most 512 characters");
            }
        }
        double weight = number(m.get("weight"), "weight", 1.0);
        if (weight < 0 || weight > 1000) {
            throw new IllegalArgumentException("[weight] must be between 0 and 1000, got [" + weight + "]");
        }
        Double value = null;
        if (type == EventType.RATING) {
            if (m.get("value") == null) {
                throw new IllegalArgumentException("[value] is required for a rating event");
            }
            value = number(m.get("value"), "value", 0);
            if (value < 0 || value > 5) {
                throw new IllegalArgumentException("[value] must be between 0 and 5, got [" + value + "]");
            }
        } else if (m.get("value") != null) {
            throw new IllegalArgumentException("[value] is only allowed on rating events");
        }
        Item item = item(m.get("item"));
        if (type == EventType.STATEMENT && item.text() == null) {
            throw new IllegalArgumentException("[item.text] is required for a statement event");
        }
        Object model = m.get("model");
        if (model != null && (model instanceof String == false || ((String) model).isBlank())) {
            throw new IllegalArgumentException("[model] must be the name of a model");
        }
        return new Parsed(userId, type, timestamp, item, eventId, weight, value, (String) model);
    }

    private static long timestamp(Object value, long now) {
        long t;
        if (value == null) {
            return now;
        } else if (value instanceof Number n) {
            t = n.longValue();
        } else if (value instanceof String s) {
            try {
                t = OffsetDateTime.parse(s).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                try {
                    t = Instant.parse(s).toEpochMilli();
                } catch (DateTimeParseException e2) {
                    throw new IllegalArgumentException(
                            "[timestamp] must be ISO-8601 (e.g. 2026-11-22T10:00:00Z) or epoch milliseconds");
                }
            }
        } else {
            throw new IllegalArgumentException("[timestamp] must be ISO-8601 or epoch milliseconds");
        }
        if (t > now + MAX_FUTURE_MILLIS) {
            throw new IllegalArgumentException("[timestamp] is more than a day in the future");
        }
        return t;
    }

    private static double number(Object value, String field, double dflt) {
        if (value == null) {
            return dflt;
        }
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("[" + field + "] must be a finite number");
    }

    private static Item item(Object raw) {
        if (raw instanceof Map<?, ?> == false) {
            throw new IllegalArgumentException("[item] is required and must be an object");
        }
        Map<?, ?> m = (Map<?, ?>) raw;
        for (Object key : m.keySet()) {
            if (ITEM_FIELDS.contains(key) == false) {
                throw new IllegalArgumentException("unknown field [item." + key + "]");
            }
        }
        int kinds = (m.containsKey("id") || m.containsKey("index") ? 1 : 0)
                + (m.containsKey("vector") ? 1 : 0)
                + (m.containsKey("text") ? 1 : 0);
        if (kinds != 1) {
            throw new IllegalArgumentException("[item] must have exactly one of {index, id}, [vector] or [text]");
        }
        if (m.containsKey("vector")) {
            return new Item(null, null, null, vector(m.get("vector")), null);
        }
        if (m.containsKey("text")) {
            if (m.get("text") instanceof String s && s.isBlank() == false) {
                if (s.length() > MAX_TEXT_LENGTH) {
                    throw new IllegalArgumentException("[item.text] is longer than " + MAX_TEXT_LENGTH + " characters");
                }
                return new Item(null, null, null, null, s);
            }
            throw new IllegalArgumentException("[item.text] must be a non-empty string");
        }
        String index = string(m.get("index"), "item.index");
        String id = string(m.get("id"), "item.id");
        String field = m.get("field") == null ? null : string(m.get("field"), "item.field");
        return new Item(index, id, field, null, null);
    }

    /** An item's index, id or field: at most 512 bytes in UTF-8, core's limit of a document id. */
    private static String string(Object value, String field) {
        if (value instanceof String s
                && s.isEmpty() == false
                && UnicodeUtil.calcUTF16toUTF8Length(s, 0, s.length()) <= 512) {
            return s;
        }
        throw new IllegalArgumentException("[" + field + "] must be a non-empty string of at most 512 bytes (UTF-8)");
    }

    private static float[] vector(Object raw) {
        if (raw instanceof List<?> == false || ((List<?>) raw).isEmpty()) {
            throw new IllegalArgumentException("[item.vector] must be a non-empty array of numbers");
        }
        List<?> list = (List<?>) raw;
        if (list.size() > MAX_DIMENSION) {
            throw new IllegalArgumentException("[item.vector] has more than " + MAX_DIMENSION + " dimensions");
        }
        float[] v = new float[list.size()];
        for (int i = 0; i < v.length; i++) {
            if (list.get(i) instanceof Number n && Float.isFinite(n.floatValue())) {
                v[i] = n.floatValue();
            } else {
                throw new IllegalArgumentException("[item.vector][" + i + "] must be a finite number");
            }
        }
        return v;
    }
}
