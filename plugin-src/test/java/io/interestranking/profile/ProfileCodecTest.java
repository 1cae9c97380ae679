package io.interestranking.profile;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileCodecTest {

    private final InterestModel model = new InterestModel(ModelParams.defaults());

    private Profile twoEvents() {
        Profile p = new Profile("u1");
        model.apply(p, new Event(EventType.CLICK, 1000, new float[] { 1, 0 }, "i/1", "e1", 1, null));
        model.apply(p, new Event(EventType.SKIP, 2000, new float[] { 0, 1 }, "i/2", "e2", 1, null));
        return p;
    }

    @Test
    void vectorsAreLittleEndianFloat32BytesAndRoundTripExactly() {
        float[] v = { 0.1f, -0.5f, Float.MIN_VALUE, 1e-30f };
        byte[] b = ProfileCodec.bytes(v);
        assertEquals(16, b.length);
        // 1.0f is 0x3F800000: little-endian puts 0x00 0x00 0x80 0x3F
        assertArrayEquals(new byte[] { 0, 0, (byte) 0x80, 0x3F }, ProfileCodec.bytes(new float[] { 1.0f }));
        Profile p = twoEvents();
        p.interests().get(0).vector = v;
        assertArrayEquals(v, ProfileCodec.fromSource(ProfileCodec.toSource(p)).interests().get(0).vector());
    }

    @Test
    void profileRoundTrips() {
        Profile p = twoEvents();
        Map<String, Object> source = ProfileCodec.toSource(p);
        assertEquals(16, ((byte[]) source.get("recent_event_hashes")).length); // two ids, eight bytes each
        Profile back = ProfileCodec.fromSource(source);
        assertEquals("u1", back.userId());
        assertEquals(2000, back.clock());
        assertEquals(2, back.eventCount());
        assertEquals(p.interests().get(0).weight(), back.interests().get(0).weight(), 0);
        assertEquals(List.of("i/1"), back.interests().get(0).evidence());
        assertArrayEquals(p.negative().vector(), back.negative().vector());
        assertArrayEquals(p.shortTerm().vector(), back.shortTerm().vector());
        assertEquals(2, back.recentEventIds().size());
        // the dedupe memory survives the round trip
        assertEquals(InterestModel.Outcome.DUPLICATE, model.apply(back, new Event(EventType.CLICK, 3000, new float[] { 1, 0 }, null, "e1", 1, null)));
        assertEquals(2, ProfileCodec.dimension(back));
    }

    @Test
    void readsTheFirstFormatAndBase64FromJson() {
        Map<String, Object> source = new HashMap<>(ProfileCodec.toSource(twoEvents()));
        source.remove("recent_event_hashes");
        source.put("recent_event_ids", List.of("e1", "e2"));
        @SuppressWarnings("unchecked")
        Map<String, Object> negative = new HashMap<>((Map<String, Object>) source.get("negative"));
        negative.put("vector", Base64.getEncoder().encodeToString(ProfileCodec.bytes(new float[] { 0, 1 })));
        source.put("negative", negative);
        Profile back = ProfileCodec.fromSource(source);
        assertArrayEquals(new float[] { 0, 1 }, back.negative().vector());
        assertEquals(InterestModel.Outcome.DUPLICATE, model.apply(back, new Event(EventType.CLICK, 3000, new float[] { 1, 0 }, null, "e2", 1, null)));
    }

    @Test
    void copyIsDeep() {
        Profile p = twoEvents();
        Profile c = p.copy();
        assertNotSame(p.interests().get(0).vector(), c.interests().get(0).vector());
        model.apply(c, new Event(EventType.CLICK, 3000, new float[] { 0.6f, 0.8f }, "i/3", "e3", 1, null));
        assertEquals(2, p.eventCount());
        assertEquals(List.of("i/1"), p.interests().get(0).evidence());
        assertArrayEquals(new float[] { 1, 0 }, p.interests().get(0).vector());
        assertFalse(p.seen("e3"));
        assertTrue(c.seen("e3"));
    }
}
