package dev.steward.core.series;

/**
 * The bit layout of a chunk, shared by the encoder ({@link HeadChunk}) and the decoder ({@link Chunk}).
 *
 * <p>Timestamps follow Gorilla: the first lives in the chunk header; each later one is stored as the change of its
 * delta (delta-of-delta) in a prefix-coded bucket sized for millisecond jitter around a regular interval ({@code 0}
 * for a perfectly regular sample: one bit).
 *
 * <p>Values start as 64 raw bits. Each later value is one of: {@code 0}, the same bits as the previous value;
 * {@code 10}, a decimal step, when both values are exact decimals of the chunk's current scale (a value {@code v}
 * is exact at scale {@code k} when {@code round(v * 10^k) / 10^k} gives back its very bits), stored as the change
 * of the scaled integer in a prefix-coded bucket; {@code 11}, Gorilla's XOR of the two values' bits. The scale is
 * not stored: encoder and decoder both take the smallest scale (0 to 9) at which the first value is exact, and raise
 * it after any XOR-coded value that needs more. So 0/1 series cost about 10 bits per change, millisecond latencies
 * about 10 bits per sample, and values with no short decimal form (rates, NaN, stale markers) fall back to XOR,
 * which is what Prometheus stores for every value.
 */
final class SampleCodec {
    /** Most bits one sample can take: a 64-bit timestamp escape plus a fully new XOR window. */
    static final int MAX_SAMPLE_BITS = 4 + 64 + 2 + 1 + 5 + 6 + 64;

    static final int NO_SCALE = -1;
    private static final int MAX_SCALE = 9;
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    private static final long MAX_SCALED = 1L << 53;

    private SampleCodec() {}

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

    /** Whether a decimal step can be written; larger ones go as XOR. */
    static boolean stepFits(long step) {
        return fits(step, 48);
    }

    static void writeStep(BitWriter w, long step) {
        if (fits(step, 7)) {
            w.writeBit(false);
            w.writeBits(step, 7);
        } else if (fits(step, 14)) {
            w.writeBits(0b10, 2);
            w.writeBits(step, 14);
        } else if (fits(step, 24)) {
            w.writeBits(0b110, 3);
            w.writeBits(step, 24);
        } else if (fits(step, 32)) {
            w.writeBits(0b1110, 4);
            w.writeBits(step, 32);
        } else {
            w.writeBits(0b1111, 4);
            w.writeBits(step, 48);
        }
    }

    static long readStep(BitReader r) {
        if (!r.readBit()) {
            return signed(r.readBits(7), 7);
        }
        if (!r.readBit()) {
            return signed(r.readBits(14), 14);
        }
        if (!r.readBit()) {
            return signed(r.readBits(24), 24);
        }
        if (!r.readBit()) {
            return signed(r.readBits(32), 32);
        }
        return signed(r.readBits(48), 48);
    }

    /** The smallest scale at which {@code v} is an exact decimal, or {@link #NO_SCALE}. */
    static int scaleOf(double v) {
        for (int k = 0; k <= MAX_SCALE; k++) {
            if (scaled(v, k) != Long.MIN_VALUE) {
                return k;
            }
        }
        return NO_SCALE;
    }

    /** {@code v * 10^k} as an integer when that gives back exactly {@code v}; {@code Long.MIN_VALUE} otherwise. */
    static long scaled(double v, int k) {
        if (k == NO_SCALE) {
            return Long.MIN_VALUE;
        }
        double x = v * POW10[k];
        if (!(Math.abs(x) < MAX_SCALED)) { // also false for NaN
            return Long.MIN_VALUE;
        }
        long m = Math.round(x);
        return Double.doubleToRawLongBits(unscaled(m, k)) == Double.doubleToRawLongBits(v) ? m : Long.MIN_VALUE;
    }

    static double unscaled(long m, int k) {
        return m / POW10[k];
    }

    /** Range of an n-bit bucket: -(2^(n-1) - 1) .. 2^(n-1), as in Prometheus. */
    private static boolean fits(long v, int n) {
        return v >= -((1L << (n - 1)) - 1) && v <= (1L << (n - 1));
    }

    private static long signed(long bits, int n) {
        return bits > (1L << (n - 1)) ? bits - (1L << n) : bits;
    }
}
