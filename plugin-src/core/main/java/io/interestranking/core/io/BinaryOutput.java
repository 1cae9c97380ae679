package io.interestranking.core.io;

import java.util.Arrays;

/**
 * A growable byte buffer written in the encoding of the engines' {@code StreamOutput} (OpenSearch and Elasticsearch
 * share it): big-endian longs, 7-bit variable-length ints, strings as a char count and each char in one to three
 * bytes, a byte array as its length and its bytes. The profile's stored binary form is written with it, so a profile
 * stored by either engine's build reads the same in both (and as the releases before the core existed wrote it).
 */
public final class BinaryOutput {

    private byte[] bytes;
    private int size;

    public BinaryOutput(int expectedSize) {
        bytes = new byte[Math.max(16, expectedSize)];
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
        }
    }

    public void writeByte(byte b) {
        ensure(1);
        bytes[size++] = b;
    }

    public void writeBytes(byte[] b) {
        writeBytes(b, 0, b.length);
    }

    public void writeBytes(byte[] b, int offset, int length) {
        ensure(length);
        System.arraycopy(b, offset, bytes, size, length);
        size += length;
    }

    public void writeBoolean(boolean b) {
        writeByte(b ? (byte) 1 : (byte) 0);
    }

    /** Seven bits per byte, low bits first; a negative int takes five bytes. */
    public void writeVInt(int i) {
        while ((i & ~0x7F) != 0) {
            writeByte((byte) ((i & 0x7F) | 0x80));
            i >>>= 7;
        }
        writeByte((byte) i);
    }

    public void writeVLong(long i) {
        if (i < 0) {
            throw new IllegalArgumentException("cannot write a negative vlong [" + i + "]");
        }
        while ((i & ~0x7FL) != 0) {
            writeByte((byte) ((i & 0x7F) | 0x80));
            i >>>= 7;
        }
        writeByte((byte) i);
    }

    public void writeLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (v >>> shift);
        }
    }

    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    public void writeByteArray(byte[] b) {
        writeVInt(b.length);
        writeBytes(b);
    }

    /** The char count, then each UTF-16 char in one, two or three bytes (a surrogate is a char of its own). */
    public void writeString(String s) {
        int n = s.length();
        writeVInt(n);
        ensure(3 * n);
        for (int i = 0; i < n; i++) {
            int c = s.charAt(i);
            if (c <= 0x7F) {
                bytes[size++] = (byte) c;
            } else if (c > 0x07FF) {
                bytes[size++] = (byte) (0xE0 | c >> 12 & 0x0F);
                bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            } else {
                bytes[size++] = (byte) (0xC0 | c >> 6 & 0x1F);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
