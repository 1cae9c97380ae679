package io.interestranking.core.profile;

/**
 * MurmurHash3 x64 128-bit (Austin Appleby's public-domain algorithm), first half: the hash the engines'
 * {@code MurmurHash3.hash128(...).h1} give, which remembered event ids have been stored as.
 */
final class Murmur3 {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private Murmur3() {}

    /** The first 64 bits of the 128-bit hash of {@code key} with seed 0. */
    static long hash128h1(byte[] key) {
        int length = key.length;
        long h1 = 0;
        long h2 = 0;
        int blocks = length >>> 4;
        for (int i = 0; i < blocks; i++) {
            long k1 = littleEndianLong(key, i * 16);
            long k2 = littleEndianLong(key, i * 16 + 8);
            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(k2);
            h2 = Long.rotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int tail = blocks * 16;
        int rest = length & 15;
        long k1 = 0;
        long k2 = 0;
        for (int j = rest - 1; j >= 8; j--) {
            k2 ^= (key[tail + j] & 0xFFL) << (8 * (j - 8));
        }
        for (int j = Math.min(rest, 8) - 1; j >= 0; j--) {
            k1 ^= (key[tail + j] & 0xFFL) << (8 * j);
        }
        if (rest > 8) {
            h2 ^= mixK2(k2);
        }
        if (rest > 0) {
            h1 ^= mixK1(k1);
        }
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        return h1 + h2;
    }

    private static long mixK1(long k1) {
        return Long.rotateLeft(k1 * C1, 31) * C2;
    }

    private static long mixK2(long k2) {
        return Long.rotateLeft(k2 * C2, 33) * C1;
    }

    private static long littleEndianLong(byte[] b, int i) {
        long v = 0;
        for (int j = 7; j >= 0; j--) {
            v = (v << 8) | (b[i + j] & 0xFFL);
        }
        return v;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
