package dev.steward.core.series;

/** Reads bits, most significant first, from a byte array written by {@link BitWriter}. */
final class BitReader {
    private final byte[] buf;
    private int pos;

    BitReader(byte[] buf) {
        this.buf = buf;
    }

    boolean readBit() {
        boolean bit = (buf[pos >>> 3] & (0x80 >>> (pos & 7))) != 0;
        pos++;
        return bit;
    }

    /** Reads {@code n} bits (1 to 64) as an unsigned number. */
    long readBits(int n) {
        long v = 0;
        while (n > 0) {
            int avail = 8 - (pos & 7);
            int b = buf[pos >>> 3] & ((1 << avail) - 1);
            if (n >= avail) {
                v = (v << avail) | b;
                n -= avail;
                pos += avail;
            } else {
                v = (v << n) | (b >>> (avail - n));
                pos += n;
                n = 0;
            }
        }
        return v;
    }
}
