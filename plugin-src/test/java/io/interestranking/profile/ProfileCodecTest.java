package io.interestranking.profile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ProfileCodecTest {

    @Test
    void vectorsRoundTripExactlyAndCompactly() {
        float[] v = { 0.1f, -0.5f, Float.MIN_VALUE, 1e-30f };
        String encoded = ProfileCodec.encode(v);
        assertEquals(24, encoded.length()); // 16 bytes → 24 base64 characters
        assertArrayEquals(v, ProfileCodec.decode(encoded));
    }

    @Test
    void profileRoundTrips() {
        InterestModel model = new InterestModel(ModelParams.defaults());
        Profile p = new Profile("u1");
        model.apply(p, new Event(EventType.CLICK, 1000, new float[] { 1, 0 }, "i/1", "e1", 1, null));
        model.apply(p, new Event(EventType.SKIP, 2000, new float[] { 0, 1 }, "i/2", "e2", 1, null));
        Profile back = ProfileCodec.fromSource(ProfileCodec.toSource(p));
        assertEquals("u1", back.userId());
        assertEquals(2000, back.clock());
        assertEquals(2, back.eventCount());
        assertEquals(p.interests().get(0).weight(), back.interests().get(0).weight(), 0);
        assertEquals(List.of("i/1"), back.interests().get(0).evidence());
        assertArrayEquals(p.negative().vector(), back.negative().vector());
        assertArrayEquals(p.shortTerm().vector(), back.shortTerm().vector());
        assertEquals(List.of("e1", "e2"), List.copyOf(back.recentEventIds()));
        // the dedupe memory survives the round trip
        assertEquals(InterestModel.Outcome.DUPLICATE, model.apply(back, new Event(EventType.CLICK, 3000, new float[] { 1, 0 }, null, "e1", 1, null)));
        assertEquals(2, ProfileCodec.dimension(back));
    }
}
