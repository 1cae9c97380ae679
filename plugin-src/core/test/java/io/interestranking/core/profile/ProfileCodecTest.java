package io.interestranking.core.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.interestranking.core.io.BinaryInput;
import io.interestranking.core.io.BinaryOutput;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileCodecTest {

    private final InterestModel model = new InterestModel(ModelParams.defaults());

    private Profile twoEvents() {
        Profile p = new Profile("u1", "m");
        model.apply(p, new Event(EventType.CLICK, 1000, new float[] {1, 0}, "i/1", "e1", 1, null));
        model.apply(p, new Event(EventType.SKIP, 2000, new float[] {0, 1}, "i/2", "e2", 1, null));
        return p;
    }

    @Test
    void vectorsAreStoredAsBytesTimesAPowerOfTwoAndTheProfileIsRoundedToThem() {
        // largest |component| 0.2: 127·2⁻¹⁰ = 0.124 < 0.2 ≤ 127·2⁻⁹ = 0.248, so the step is 2⁻⁹ = 0.001953125;
        // 0.2 / 2⁻⁹ = 102.4 → 102, −0.1 / 2⁻⁹ = −51.2 → −51, 0.001 / 2⁻⁹ = 0.512 → 1
        float[] v = {0.2f, -0.1f, 0.001f};
        assertArrayEquals(new byte[] {-9, 102, -51, 1}, ProfileCodec.int8Bytes(v));
        // halfway between two steps: to the even one (2.5 → 2, −3.5 → −4)
        assertArrayEquals(
                new byte[] {-9, 102, 2, -4}, ProfileCodec.int8Bytes(new float[] {0.2f, 2.5f / 512, -3.5f / 512}));
        ProfileCodec.roundToInt8(v);
        assertArrayEquals(new float[] {102 / 512f, -51 / 512f, 1 / 512f}, v);
        // a small negative component rounds to +0.0, the value read back (not −0.0, which float arrays tell apart)
        float[] tiny = {0.2f, -0.0005f};
        ProfileCodec.roundToInt8(tiny);
        assertArrayEquals(new float[] {102 / 512f, 0.0f}, tiny);
        assertArrayEquals(tiny, ProfileCodec.fromInt8Bytes(ProfileCodec.int8Bytes(tiny)));
        float[] again = v.clone();
        ProfileCodec.roundToInt8(again);
        assertArrayEquals(v, again); // rounding a rounded vector changes nothing
        // a largest component of exactly 127 steps keeps its step; 1.0 needs 2⁻⁶ (127·2⁻⁷ < 1)
        assertEquals(-9, ProfileCodec.int8Exponent(new float[] {127 / 512f}));
        assertEquals(-6, ProfileCodec.int8Exponent(new float[] {1f, 0.5f}));
        assertEquals(0, ProfileCodec.int8Exponent(new float[] {0f, 0f}));
        Profile p = twoEvents();
        p.interests().get(0).vector = new float[] {0.2f, -0.1f};
        ProfileCodec.roundVectors(p);
        Profile back = ProfileCodec.fromSource(ProfileCodec.toSource(p));
        // what is read back is exactly what the writer kept in memory
        assertArrayEquals(p.interests().get(0).vector(), back.interests().get(0).vector());
        assertArrayEquals(
                new float[] {102 / 512f, -51 / 512f}, back.interests().get(0).vector());
    }

    @Test
    void halfVectorsOfEarlierFormatsAreLittleEndian() {
        // 1.0 is 0x3C00 as a half: little-endian 0x00 0x3C; -2.0 is 0xC000
        assertArrayEquals(new byte[] {0, 0x3C, 0, (byte) 0xC0}, ProfileCodec.halfBytes(new float[] {1.0f, -2.0f}));
        assertArrayEquals(new float[] {1.0f, -2.0f}, ProfileCodec.fromHalfBytes(new byte[] {0, 0x3C, 0, (byte) 0xC0}));
    }

    @Test
    void profileRoundTrips() {
        Profile p = twoEvents();
        Map<String, Object> source = ProfileCodec.toSource(p);
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
        assertEquals(
                InterestModel.Outcome.DUPLICATE,
                model.apply(back, new Event(EventType.CLICK, 3000, new float[] {1, 0}, null, "e1", 1, null)));
        assertEquals(2, ProfileCodec.dimension(back));
        ProfileCodec.roundVectors(p);
        assertEquals(p, ProfileCodec.fromSource(ProfileCodec.toSource(p))); // equal by content
        assertEquals(
                p.hashCode(), ProfileCodec.fromSource(ProfileCodec.toSource(p)).hashCode());
    }

    @Test
    void readsTheBinaryValueAsBase64FromJson() {
        Map<String, Object> source = new HashMap<>(ProfileCodec.toSource(twoEvents()));
        source.put("profile", Base64.getEncoder().encodeToString((byte[]) source.get("profile")));
        Profile back = ProfileCodec.fromSource(source);
        assertArrayEquals(new float[] {0, 1}, back.negative().vector());
        assertEquals(
                InterestModel.Outcome.DUPLICATE,
                model.apply(back, new Event(EventType.CLICK, 3000, new float[] {1, 0}, null, "e2", 1, null)));
    }

    @Test
    void aDocumentOfAnotherLayoutIsRefusedByName() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> ProfileCodec.fromSource(Map.of("user_id", "u1", "interests", List.of())));
        assertTrue(e.getMessage().contains("[u1]") && e.getMessage().contains("[profile]"), e.getMessage());
    }

    @Test
    void theStoredValueIsTheWireFormFollowedByTheRememberedIds() throws Exception {
        Profile p = twoEvents();
        byte[] stored = (byte[]) ProfileCodec.toSource(p).get("profile");
        BinaryOutput wire = new BinaryOutput(64);
        wire.writeBytes(ProfileCodec.wire(p));
        int n = wire.size();
        assertArrayEquals(wire.toByteArray(), java.util.Arrays.copyOf(stored, n));
        // then the ids: a vInt length (16: two ids, eight bytes each) and the bytes
        assertEquals(16, stored[n]);
        assertEquals(n + 1 + 16, stored.length);
    }

    @Test
    void sourceRecordsTheUserTheSpaceAndTheWriteTime() {
        Profile p = twoEvents();
        p.updated(123_456L);
        Map<String, Object> source = ProfileCodec.toSource(p);
        assertEquals("u1", source.get("user_id"));
        assertEquals("m", source.get("space"));
        assertEquals(123_456L, source.get("updated"));
        Profile back = ProfileCodec.fromSource(source);
        assertEquals(new ProfileId("u1", "m"), back.id());
        assertEquals(123_456L, back.updated());
    }

    @Test
    void theCachedBinaryValueDecodesToTheStoredProfileWithItsRememberedIds() {
        Profile p = new Profile("u1", "m");
        model.apply(p, new Event(EventType.CLICK, 1000, new float[] {1, 0}, "i/1", "e1", 1, null));
        model.apply(p, new Event(EventType.CLICK, 2000, new float[] {0.6f, 0.8f}, "i/2", "e2", 1, null));
        ProfileCodec.roundVectors(p);
        byte[] binary = ProfileCodec.binary(p);
        Profile back = ProfileCodec.fromBinary(binary, "u1");
        assertEquals(p, back);
        assertEquals(2, back.recentEventIds().size());
        assertArrayEquals(binary, (byte[]) ProfileCodec.toSource(p).get("profile"));
        // each decode is a fresh copy: changing one leaves the next as stored
        back.interests().get(0).vector()[0] = 0.5f;
        assertEquals(p, ProfileCodec.fromBinary(binary, "u1"));
    }

    @Test
    void partsAnEventLeavesAsTheyWereAreWrittenBackAsTheyWereRead() throws Exception {
        Profile eager = new Profile("u1", "m");
        model.apply(eager, new Event(EventType.CLICK, 1000, new float[] {1, 0}, "shop/1", "e1", 1, null));
        model.apply(eager, new Event(EventType.CLICK, 2000, new float[] {0, 1}, "shop/2", "e2", 1, null));
        model.apply(eager, new Event(EventType.CLICK, 2500, new float[] {0.1f, 1}, "shop/3", "e3", 1, null));
        ProfileCodec.roundVectors(eager);
        byte[] stored = ProfileCodec.binary(eager);
        assertEquals(2, eager.interests().size());
        // read and written again: the same bytes, without decoding the evidence keys
        Profile lazy = ProfileCodec.fromBinary(stored, "u1");
        assertArrayEquals(stored, ProfileCodec.binary(lazy));
        EvidenceKeys first = (EvidenceKeys) lazy.interests().get(0).evidence;
        assertTrue(first.stored() != null && first.size() == 1);
        // an event that moves the first interest: the bytes a profile decoded in full gives, the other part untouched
        Event next = new Event(EventType.CLICK, 3000, new float[] {0.9f, 0.1f}, "shop/4", "e4", 1, null);
        model.apply(eager, next);
        model.apply(lazy, next);
        ProfileCodec.roundVectors(eager);
        ProfileCodec.roundVectors(lazy);
        byte[] written = ProfileCodec.binary(lazy);
        assertTrue(((EvidenceKeys) lazy.interests().get(1).evidence).stored() != null); // never decoded
        assertTrue(lazy.interests().get(1).unchangedStoredVector() != null);
        assertTrue(lazy.interests().get(0).unchangedStoredVector() == null);
        assertArrayEquals(ProfileCodec.binary(eager), written);
        // node to node, a part as read travels in its stored form and arrives decoded
        BinaryOutput wire = new BinaryOutput(64);
        ProfileCodec.write(wire, ProfileCodec.fromBinary(written, "u1"));
        Profile arrived = ProfileCodec.read(new BinaryInput(wire.toByteArray()));
        assertEquals(eager.interests(), arrived.interests());
        assertEquals(eager, lazy);
        assertEquals(List.of("shop/1", "shop/4"), lazy.interests().get(0).evidence());
    }

    @Test
    void evidenceKeysAsReadBehaveAsAList() throws Exception {
        BinaryOutput out = new BinaryOutput(64);
        ProfileCodec.writeKeys(out, List.of("shop/1", "shop/12", "商品/3"));
        EvidenceKeys keys = new EvidenceKeys(out.toByteArray(), 3);
        EvidenceKeys copy = keys.copy();
        assertEquals(3, keys.size());
        assertTrue(keys.remove("shop/12"));
        keys.add("shop/5");
        assertEquals(List.of("shop/1", "商品/3", "shop/5"), keys);
        assertEquals(null, keys.stored()); // changed: encoded again when written
        assertEquals(List.of("shop/1", "shop/12", "商品/3"), copy); // a copy is independent
        BinaryOutput again = new BinaryOutput(64);
        ProfileCodec.writeKeys(again, keys);
        assertEquals(keys, ProfileCodec.readKeys(new BinaryInput(again.toByteArray()), true, false));
    }

    @Test
    void copyIsDeep() {
        Profile p = twoEvents();
        Profile c = p.copy();
        assertNotSame(p.interests().get(0).vector(), c.interests().get(0).vector());
        model.apply(c, new Event(EventType.CLICK, 3000, new float[] {0.6f, 0.8f}, "i/3", "e3", 1, null));
        assertEquals(2, p.eventCount());
        assertEquals(List.of("i/1"), p.interests().get(0).evidence());
        assertArrayEquals(new float[] {1, 0}, p.interests().get(0).vector());
        assertFalse(p.seen("e3"));
        assertTrue(c.seen("e3"));
    }

    @Test
    void wireFormRoundTripsEverythingButTheRememberedIds() throws Exception {
        Profile p = twoEvents();
        p.updated(99L);
        ProfileCodec.roundVectors(p);
        BinaryOutput out = new BinaryOutput(64);
        out.writeBytes(ProfileCodec.wire(p));
        Profile back = ProfileCodec.read(new BinaryInput(out.toByteArray()));
        assertEquals(new ProfileId("u1", "m"), back.id());
        assertEquals(99L, back.updated());
        assertEquals(p.clock(), back.clock());
        assertEquals(p.eventCount(), back.eventCount());
        assertEquals(0, back.recentEventIds().size());
        assertEquals(p.interests().size(), back.interests().size());
        assertArrayEquals(p.interests().get(0).vector(), back.interests().get(0).vector());
        assertEquals(p.interests().get(0).weight(), back.interests().get(0).weight(), 0);
        assertEquals(p.interests().get(0).evidence(), back.interests().get(0).evidence());
        assertArrayEquals(p.shortTerm().vector(), back.shortTerm().vector());
        assertArrayEquals(p.negative().vector(), back.negative().vector());
        assertEquals(p.negative().declared(), back.negative().declared());
        // a profile without short-term or negative part
        Profile empty = new Profile("u2", "other");
        BinaryOutput out2 = new BinaryOutput(64);
        out2.writeBytes(ProfileCodec.wire(empty));
        Profile emptyBack = ProfileCodec.read(new BinaryInput(out2.toByteArray()));
        assertTrue(emptyBack.isEmpty());
        assertEquals("other", emptyBack.space());
    }

    @Test
    void evidenceKeysAreUtf8BytesAfterThePrefixTheyShareWithThePreviousKey() throws Exception {
        BinaryOutput out = new BinaryOutput(64);
        ProfileCodec.writeKeys(out, List.of("ab", "ac", "é"));
        // count 3; "ab": shares 0, 2 more, 'a' 'b'; "ac": shares 1, 1 more, 'c'; é = 0xC3 0xA9: shares 0, 2 more
        assertArrayEquals(new byte[] {3, 0, 2, 'a', 'b', 1, 1, 'c', 0, 2, (byte) 0xC3, (byte) 0xA9}, out.toByteArray());
        // a key that is a prefix of the one before, one that extends it, a multi-byte character split by the prefix
        List<String> keys = List.of("商品/第1号", "商品/第2号", "商品", "x".repeat(300), "", "shop/42", "shop/4", "shop/42");
        BinaryOutput out2 = new BinaryOutput(64);
        ProfileCodec.writeKeys(out2, keys);
        assertEquals(keys, ProfileCodec.readKeys(new BinaryInput(out2.toByteArray()), true, false));
    }

    @Test
    void profilesStoredInTheEarlierFormatsAreRead() throws Exception {
        for (byte format : new byte[] {2, 3}) {
            Profile p = twoEvents();
            ProfileCodec.roundVectors(p);
            // written field by field as the earlier releases wrote it: half vectors; in format 2 evidence as a
            // string collection, in format 3 as UTF-8 runs
            BinaryOutput out = new BinaryOutput(64);
            out.writeByte(format);
            out.writeString(p.userId);
            out.writeString(p.space);
            out.writeLong(p.updated);
            out.writeLong(p.clock);
            out.writeVLong(p.eventCount);
            out.writeVInt(p.interests.size());
            for (Interest i : p.interests) {
                writeHalfFormat(out, i, format);
            }
            for (Interest part : new Interest[] {p.shortTerm, p.negative}) {
                out.writeBoolean(part != null);
                if (part != null) {
                    writeHalfFormat(out, part, format);
                }
            }
            out.writeByteArray(p.recentEventIds.toBytes());
            Profile back = ProfileCodec.fromBinary(out.toByteArray(), "u1");
            assertArrayEquals(ProfileCodec.binary(p), ProfileCodec.binary(back)); // and written again as format 4
            assertEquals(List.of("i/1"), back.interests().get(0).evidence());
            assertEquals(List.of("i/2"), back.negative().evidence());
        }
    }

    private static void writeHalfFormat(BinaryOutput out, Interest i, byte format) throws IOException {
        out.writeByteArray(ProfileCodec.halfBytes(i.vector));
        out.writeDouble(i.weight);
        out.writeVLong(i.count);
        out.writeLong(i.lastUpdated);
        if (format == 2) {
            out.writeVInt(i.evidence.size());
            i.evidence.forEach(out::writeString);
        } else {
            out.writeVInt(i.evidence.size()); // each key whole: its UTF-8 length, then its bytes
            for (String key : i.evidence) {
                byte[] utf8 = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.writeVInt(utf8.length);
                out.writeBytes(utf8);
            }
        }
        out.writeBoolean(i.declared);
    }

    @Test
    void aWireFormatThisNodeDoesNotKnowIsRefused() throws Exception {
        BinaryOutput out = new BinaryOutput(64);
        out.writeBytes(ProfileCodec.wire(twoEvents()));
        byte[] bytes = out.toByteArray();
        bytes[0] = (byte) (ProfileCodec.WIRE_FORMAT + 1);
        IOException e = assertThrows(IOException.class, () -> ProfileCodec.read(new BinaryInput(bytes)));
        assertTrue(e.getMessage().contains("profile format [" + (ProfileCodec.WIRE_FORMAT + 1) + "]"), e.getMessage());
    }

    @Test
    void docIdIsSpaceThenUserAndHashesUserIdsTooLongForAnId() {
        assertEquals("all-minilm-l6-v2/u42", new ProfileId("u42", "all-minilm-l6-v2").docId());
        String longUser = "用".repeat(256); // 768 bytes in UTF-8
        String id = new ProfileId(longUser, "m").docId();
        assertTrue(id.startsWith("m/#"), id);
        assertEquals(3 + 43, id.length()); // base64url of 32 bytes, unpadded
        assertFalse(id.equals(new ProfileId(longUser + "x", "m").docId()));
    }
}
