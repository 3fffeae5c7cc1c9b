package dev.steward.core.series;

/**
 * The bit layout of a chunk, shared by the encoder and the decoder (Gorilla, as in Facebook's paper and Prometheus's
 * XOR chunks). The first timestamp lives in the chunk header, the first value as 64 raw bits. Each later sample
 * stores the delta-of-delta of its timestamp in a prefix-coded bucket sized for millisecond jitter around a regular
 * interval, then the XOR of its value's bits with the previous value's bits.
 */
final class XorCodec {
    /** Most bits one sample can take: a 64-bit timestamp escape plus a fully new value window. */
    static final int MAX_SAMPLE_BITS = 4 + 64 + 2 + 5 + 6 + 64;

    private XorCodec() {}

    static void writeDod(BitWriter w, long dod) {
        if (dod == 0) {
            w.writeBit(false);
        } else if (fits(dod, 8)) {
            w.writeBits(0b10, 2);
            w.writeBits(dod, 8);
        } else if (fits(dod, 14)) {
            w.writeBits(0b110, 3);
            w.writeBits(dod, 14);
        } else if (fits(dod, 20)) {
            w.writeBits(0b1110, 4);
            w.writeBits(dod, 20);
        } else {
            w.writeBits(0b1111, 4);
            w.writeBits(dod, 64);
        }
    }

    static long readDod(BitReader r) {
        if (!r.readBit()) {
            return 0;
        }
        if (!r.readBit()) {
            return signed(r.readBits(8), 8);
        }
        if (!r.readBit()) {
            return signed(r.readBits(14), 14);
        }
        if (!r.readBit()) {
            return signed(r.readBits(20), 20);
        }
        return r.readBits(64);
    }

    /** Range of an n-bit bucket: -(2^(n-1) - 1) .. 2^(n-1), as in Prometheus. */
    private static boolean fits(long v, int n) {
        return v >= -((1L << (n - 1)) - 1) && v <= (1L << (n - 1));
    }

    private static long signed(long bits, int n) {
        return bits > (1L << (n - 1)) ? bits - (1L << n) : bits;
    }
}
