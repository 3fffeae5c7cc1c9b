package dev.steward.core.series;

import java.util.Arrays;

/**
 * Appends bits, most significant first, to a growing byte array. Bits already written are never changed, so a reader
 * holding the array and a bit count taken under the series lock may decode them while the writer goes on.
 */
final class BitWriter {
    private byte[] buf;
    private int bitLen;

    BitWriter(int initialBytes) {
        buf = new byte[initialBytes];
    }

    /** Makes room for {@code bits} more bits; returns how many bytes the array grew by (for accounting). */
    int ensure(int bits) {
        int needed = (bitLen + bits + 7) >>> 3;
        if (needed <= buf.length) {
            return 0;
        }
        int old = buf.length;
        buf = Arrays.copyOf(buf, Math.max(needed, old * 2));
        return buf.length - old;
    }

    void writeBit(boolean bit) {
        if (bit) {
            buf[bitLen >>> 3] |= (byte) (0x80 >>> (bitLen & 7));
        }
        bitLen++;
    }

    /** Writes the low {@code n} bits of {@code v} (1 to 64), after {@link #ensure} made room. */
    void writeBits(long v, int n) {
        if (n < 64) {
            v &= (1L << n) - 1;
        }
        while (n > 0) {
            int idx = bitLen >>> 3;
            int free = 8 - (bitLen & 7);
            if (n >= free) {
                buf[idx] |= (byte) (v >>> (n - free));
                n -= free;
                bitLen += free;
            } else {
                buf[idx] |= (byte) (v << (free - n));
                bitLen += n;
                n = 0;
            }
        }
    }

    byte[] buffer() {
        return buf;
    }

    int bitLength() {
        return bitLen;
    }

    int byteLength() {
        return (bitLen + 7) >>> 3;
    }
}
