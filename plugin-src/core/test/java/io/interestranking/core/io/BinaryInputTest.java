package io.interestranking.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import org.junit.jupiter.api.Test;

class BinaryInputTest {

    @Test
    void handWrittenBytesReadBack() throws Exception {
        // vint 300 = 0xAC 0x02; "é" = count 1, then 0xC3 0xA9; long 1 big-endian; true
        byte[] bytes = {(byte) 0xAC, 0x02, 1, (byte) 0xC3, (byte) 0xA9, 0, 0, 0, 0, 0, 0, 0, 1, 1};
        BinaryInput in = new BinaryInput(bytes);
        assertEquals(300, in.readVInt());
        assertEquals("é", in.readString());
        assertEquals(1L, in.readLong());
        assertEquals(true, in.readBoolean());
        BinaryOutput out = new BinaryOutput(4);
        out.writeVInt(300);
        out.writeString("é");
        out.writeLong(1L);
        out.writeBoolean(true);
        assertArrayEquals(bytes, out.toByteArray());
    }

    @Test
    void aCountBeyondTheBytesLeftIsAnEndOfInputNotAHugeArray() {
        // a string claiming 2^30 chars, a byte array claiming 2^30 bytes, with 2 bytes left
        byte[] string = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x04, 'a', 'b'};
        assertThrows(EOFException.class, () -> new BinaryInput(string).readString());
        assertThrows(EOFException.class, () -> new BinaryInput(string).readByteArray());
    }
}
