package io.interestranking.opensearch.common;

import io.interestranking.core.io.BinaryInput;
import io.interestranking.core.io.BinaryOutput;
import io.interestranking.core.profile.RecentIds;
import java.nio.charset.StandardCharsets;
import org.opensearch.common.hash.MurmurHash3;
import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.core.common.bytes.BytesArray;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.test.OpenSearchTestCase;

/**
 * The core writes stored profiles without OpenSearch: its encoding must be byte for byte OpenSearch's, or profiles
 * stored before the core existed (with {@code StreamOutput} and {@code MurmurHash3}) would not read back.
 */
public class CoreEncodingTests extends OpenSearchTestCase {

    private String randomText() {
        return switch (randomIntBetween(0, 3)) {
            case 0 -> randomAlphaOfLengthBetween(0, 40);
            case 1 -> randomUnicodeOfLengthBetween(0, 40);
            case 2 -> randomRealisticUnicodeOfLengthBetween(0, 40);
            default -> "商品/第" + randomIntBetween(0, 1000) + "号 \uD83D\uDE00 é";
        };
    }

    public void testTheCoresBytesAreOpenSearchsStreamBytes() throws Exception {
        for (int round = 0; round < 200; round++) {
            BinaryOutput core = new BinaryOutput(16);
            BytesStreamOutput os = new BytesStreamOutput();
            int fields = randomIntBetween(1, 30);
            Object[] values = new Object[fields];
            int[] kinds = new int[fields];
            for (int f = 0; f < fields; f++) {
                kinds[f] = randomIntBetween(0, 6);
                switch (kinds[f]) {
                    case 0 -> {
                        String s = randomText();
                        values[f] = s;
                        core.writeString(s);
                        os.writeString(s);
                    }
                    case 1 -> {
                        int v = randomBoolean() ? randomIntBetween(0, 300) : randomInt();
                        values[f] = v;
                        core.writeVInt(v);
                        os.writeVInt(v);
                    }
                    case 2 -> {
                        long v = randomBoolean() ? randomLongBetween(0, 1000) : randomNonNegativeLong();
                        values[f] = v;
                        core.writeVLong(v);
                        os.writeVLong(v);
                    }
                    case 3 -> {
                        long v = randomLong();
                        values[f] = v;
                        core.writeLong(v);
                        os.writeLong(v);
                    }
                    case 4 -> {
                        double v = randomDouble() * randomIntBetween(-1000, 1000);
                        values[f] = v;
                        core.writeDouble(v);
                        os.writeDouble(v);
                    }
                    case 5 -> {
                        boolean v = randomBoolean();
                        values[f] = v;
                        core.writeBoolean(v);
                        os.writeBoolean(v);
                    }
                    default -> {
                        byte[] v = randomByteArrayOfLength(randomIntBetween(0, 50));
                        values[f] = v;
                        core.writeByteArray(v);
                        os.writeByteArray(v);
                    }
                }
            }
            byte[] bytes = core.toByteArray();
            assertArrayEquals(BytesReference.toBytes(os.bytes()), bytes);
            // and each reads the other's
            BinaryInput coreIn = new BinaryInput(bytes);
            StreamInput osIn = new BytesArray(bytes).streamInput();
            for (int f = 0; f < fields; f++) {
                switch (kinds[f]) {
                    case 0 -> {
                        assertEquals(values[f], coreIn.readString());
                        assertEquals(values[f], osIn.readString());
                    }
                    case 1 -> {
                        assertEquals(values[f], coreIn.readVInt());
                        assertEquals(values[f], osIn.readVInt());
                    }
                    case 2 -> {
                        assertEquals(values[f], coreIn.readVLong());
                        assertEquals(values[f], osIn.readVLong());
                    }
                    case 3 -> {
                        assertEquals(values[f], coreIn.readLong());
                        assertEquals(values[f], osIn.readLong());
                    }
                    case 4 -> {
                        assertEquals(values[f], coreIn.readDouble());
                        assertEquals(values[f], osIn.readDouble());
                    }
                    case 5 -> {
                        assertEquals(values[f], coreIn.readBoolean());
                        assertEquals(values[f], osIn.readBoolean());
                    }
                    default -> {
                        assertArrayEquals((byte[]) values[f], coreIn.readByteArray());
                        assertArrayEquals((byte[]) values[f], osIn.readByteArray());
                    }
                }
            }
            assertEquals(bytes.length, coreIn.position());
        }
    }

    public void testEventIdHashesAreOpenSearchsMurmur3() {
        for (int round = 0; round < 500; round++) {
            String id = round < 40 ? "e".repeat(round) : randomText();
            byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
            long expected = MurmurHash3.hash128(utf8, 0, utf8.length, 0, new MurmurHash3.Hash128()).h1;
            assertEquals(id, expected, RecentIds.hash(id));
        }
    }
}
