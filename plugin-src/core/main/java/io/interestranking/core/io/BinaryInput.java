package io.interestranking.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads what {@link BinaryOutput} writes, from an array; reading past its end is an {@link EOFException}. */
public final class BinaryInput {

    private final byte[] array;
    private final int end;
    private int position;

    public BinaryInput(byte[] array) {
        this(array, 0, array.length);
    }

    public BinaryInput(byte[] array, int offset, int length) {
        this.array = array;
        this.position = offset;
        this.end = offset + length;
    }

    public byte[] array() {
        return array;
    }

    public int position() {
        return position;
    }

    private void need(int n) throws EOFException {
        if (n < 0 || end - position < n) {
            throw new EOFException("tried to read " + n + " bytes with " + (end - position) + " left");
        }
    }

    public void skipBytes(int n) throws IOException {
        need(n);
        position += n;
    }

    public byte readByte() throws IOException {
        need(1);
        return array[position++];
    }

    public void readBytes(byte[] b, int offset, int length) throws IOException {
        need(length);
        System.arraycopy(array, position, b, offset, length);
        position += length;
    }

    public boolean readBoolean() throws IOException {
        byte b = readByte();
        if (b != 0 && b != 1) {
            throw new IOException("unexpected byte [" + b + "] for a boolean");
        }
        return b == 1;
    }

    public int readVInt() throws IOException {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = readByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("invalid vint: more than five bytes");
    }

    public long readVLong() throws IOException {
        long value = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            byte b = readByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0) {
                    throw new IOException("invalid vlong: negative");
                }
                return value;
            }
        }
        throw new IOException("invalid vlong: more than ten bytes");
    }

    public long readLong() throws IOException {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (array[position++] & 0xFF);
        }
        return v;
    }

    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    public byte[] readByteArray() throws IOException {
        int n = readVInt();
        need(n);
        byte[] b = new byte[n];
        readBytes(b, 0, n);
        return b;
    }

    public String readString() throws IOException {
        int n = readVInt();
        if (n < 0) {
            throw new IOException("invalid string length [" + n + "]");
        }
        need(n); // every char takes a byte at least: a corrupt count must not size the array
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            int c = readByte() & 0xFF;
            switch (c >> 4) {
                case 0, 1, 2, 3, 4, 5, 6, 7 -> chars[i] = (char) c;
                case 12, 13 -> chars[i] = (char) ((c & 0x1F) << 6 | readByte() & 0x3F);
                case 14 -> chars[i] = (char) ((c & 0x0F) << 12 | (readByte() & 0x3F) << 6 | readByte() & 0x3F);
                default -> throw new IOException("invalid string: byte [" + c + "]");
            }
        }
        return new String(chars);
    }

    public List<String> readStringList() throws IOException {
        int n = readVInt();
        List<String> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            out.add(readString());
        }
        return out;
    }
}
