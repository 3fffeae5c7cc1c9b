package dev.steward.core.series;

import java.util.Arrays;

/** The open chunk of a series: appends samples in time order; {@link #close()} turns it into an immutable chunk. */
final class HeadChunk {
    private final BitWriter out;
    private final long minT;
    private long maxT;
    private int count;
    private long delta;
    private long bits;
    private int leading = -1;
    private int trailing;
    private int scale;
    private long scaledPrev;

    /** Starts a chunk with its first sample; {@link #grownBytes()} reports the initial allocation. */
    HeadChunk(long t, double v, int initialBytes) {
        out = new BitWriter(initialBytes);
        minT = t;
        maxT = t;
        bits = Double.doubleToRawLongBits(v);
        out.writeBits(bits, 64);
        scale = SampleCodec.scaleOf(v);
        scaledPrev = SampleCodec.scaled(v, scale);
        count = 1;
    }

    /** Appends a sample newer than {@link #maxT()}; returns how many bytes the buffer grew by. */
    int append(long t, double v) {
        int grown = out.ensure(SampleCodec.MAX_SAMPLE_BITS);
        long d = t - maxT;
        SampleCodec.writeDod(out, d - delta);
        delta = d;
        maxT = t;
        writeValue(v);
        count++;
        return grown;
    }

    private void writeValue(double v) {
        long newBits = Double.doubleToRawLongBits(v);
        if (newBits == bits) {
            out.writeBit(false);
            return;
        }
        long m = scaledPrev == Long.MIN_VALUE ? Long.MIN_VALUE : SampleCodec.scaled(v, scale);
        if (m != Long.MIN_VALUE && SampleCodec.stepFits(m - scaledPrev)) {
            out.writeBits(0b10, 2);
            SampleCodec.writeStep(out, m - scaledPrev);
            scaledPrev = m;
        } else {
            out.writeBits(0b11, 2);
            writeXor(newBits ^ bits);
            int needed = SampleCodec.scaleOf(v);
            if (needed > scale) {
                scale = needed;
            }
            scaledPrev = SampleCodec.scaled(v, scale);
        }
        bits = newBits;
    }

    private void writeXor(long xor) {
        int lead = Math.min(Long.numberOfLeadingZeros(xor), 31);
        int trail = Long.numberOfTrailingZeros(xor);
        if (leading >= 0 && lead >= leading && trail >= trailing) {
            out.writeBit(false);
            out.writeBits(xor >>> trailing, 64 - leading - trailing);
            return;
        }
        out.writeBit(true);
        int sig = 64 - lead - trail;
        out.writeBits(lead, 5);
        out.writeBits(sig, 6); // 64 is written as 0: a 6-bit field cannot hold it, and 0 never occurs otherwise
        out.writeBits(xor >>> trail, sig);
        leading = lead;
        trailing = trail;
    }

    int count() {
        return count;
    }

    long minT() {
        return minT;
    }

    long maxT() {
        return maxT;
    }

    int usedBytes() {
        return out.byteLength();
    }

    int capacityBytes() {
        return out.buffer().length;
    }

    /** A consistent view of the samples appended so far; the caller holds the series lock. */
    Chunk view() {
        return new Chunk(out.buffer(), count, minT, maxT);
    }

    /** The immutable chunk holding exactly these samples, its array trimmed to the bytes used. */
    Chunk close() {
        return new Chunk(Arrays.copyOf(out.buffer(), out.byteLength()), count, minT, maxT);
    }
}
