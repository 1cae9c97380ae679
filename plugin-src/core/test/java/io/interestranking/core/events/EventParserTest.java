package io.interestranking.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.interestranking.core.profile.EventType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventParserTest {

    static final long NOW = 1_800_000_000_000L;

    static Map<String, Object> click() {
        Map<String, Object> m = new HashMap<>();
        m.put("user_id", "u42");
        m.put("type", "click");
        m.put("item", Map.of("index", "items", "id", "doc-7"));
        m.put("timestamp", "2026-11-22T10:00:00Z");
        m.put("event_id", "e-1");
        return m;
    }

    static void rejects(Map<String, Object> m, String mention) {
        String msg = assertThrows(IllegalArgumentException.class, () -> EventParser.parse(m, NOW))
                .getMessage();
        assertTrue(msg.contains(mention), "expected [" + mention + "] in: " + msg);
    }

    @Test
    void parsesTheDesignExample() {
        EventParser.Parsed p = EventParser.parse(click(), NOW);
        assertEquals("u42", p.userId());
        assertEquals(EventType.CLICK, p.type());
        assertEquals(1_795_341_600_000L, p.timestamp());
        assertEquals("items/doc-7", p.item().key());
        assertEquals(1.0, p.weight());
    }

    @Test
    void rejectsEachBadFieldByName() {
        Map<String, Object> m = click();
        m.put("type", "poke");
        rejects(m, "[type]");
        m = click();
        m.remove("user_id");
        rejects(m, "[user_id]");
        m = click();
        m.put("user_id", "u".repeat(257));
        rejects(m, "[user_id]");
        m = click();
        m.put("colour", "red");
        rejects(m, "colour");
        m = click();
        m.put("item", Map.of("vector", Arrays.asList(1.0, Double.NaN)));
        rejects(m, "[item.vector][1]");
        m = click();
        m.put("item", Map.of("vector", List.of(1.0), "text", "x"));
        rejects(m, "[item]");
        m = click();
        m.put("item", Map.of("index", "i", "id", "1", "colour", "red"));
        rejects(m, "item.colour");
        m = click();
        m.put("timestamp", "yesterday");
        rejects(m, "[timestamp]");
        m = click();
        m.put("timestamp", NOW + 2 * 24 * 3_600_000L);
        rejects(m, "[timestamp]");
        m = click();
        m.put("type", "rating");
        rejects(m, "[value]");
        m = click();
        m.put("weight", -1);
        rejects(m, "[weight]");
        m = click();
        m.put("type", "statement");
        rejects(m, "[item.text]");
        m = click();
        m.put("item", Map.of("index", "items", "id", "d".repeat(513))); // longer than core's _id allows
        rejects(m, "[item.id] must be a non-empty string of at most 512 bytes (UTF-8)");
        m = click();
        m.put("item", Map.of("index", "items", "id", "书".repeat(171))); // 171 characters, 513 bytes
        rejects(m, "[item.id] must be a non-empty string of at most 512 bytes (UTF-8)");
        m = click();
        m.put("item", Map.of("index", "items", "id", "书".repeat(170) + "ab")); // 512 bytes: an id core accepts
        assertEquals(
                "items/" + "书".repeat(170) + "ab",
                EventParser.parse(m, NOW).item().key());
    }

    @Test
    void missingTimestampMeansNow() {
        Map<String, Object> m = click();
        m.remove("timestamp");
        assertEquals(NOW, EventParser.parse(m, NOW).timestamp());
    }
}
