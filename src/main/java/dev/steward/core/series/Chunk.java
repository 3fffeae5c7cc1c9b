package dev.steward.core.series;

/**
 * An immutable view of encoded samples: {@code count} samples between {@code minT} and {@code maxT} inclusive. A
 * closed chunk owns an array trimmed to size; a view of the open head chunk shares the head's array, whose first
 * bits never change, and fixes the count at the moment the view was taken.
 */
final class Chunk {
    /** Heap bytes of a chunk besides its payload: this object plus the array header. */
    static final int OVERHEAD_BYTES = 40 + 16;

    private final byte[] data;
    private final int count;
    private final long minT;
    private final long maxT;

    Chunk(byte[] data, int count, long minT, long maxT) {
        this.data = data;
        this.count = count;
        this.minT = minT;
        this.maxT = maxT;
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

    int payloadBytes() {
        return data.length;
    }

    SampleIterator iterator() {
        return new Decoder();
    }

    private final class Decoder implements SampleIterator {
        private final BitReader in = new BitReader(data);
        private int read;
        private long t;
        private long delta;
        private long bits;
        private int leading;
        private int trailing;
        private int scale;
        private long scaledPrev;

        @Override
        public boolean next() {
            if (read >= count) {
                return false;
            }
            if (read == 0) {
                t = minT;
                bits = in.readBits(64);
                double v = Double.longBitsToDouble(bits);
                scale = SampleCodec.scaleOf(v);
                scaledPrev = SampleCodec.scaled(v, scale);
            } else {
                delta += SampleCodec.readDod(in);
                t += delta;
                readValue();
            }
            read++;
            return true;
        }

        private void readValue() {
            if (!in.readBit()) {
                return;
            }
            if (!in.readBit()) {
                scaledPrev += SampleCodec.readStep(in);
                bits = Double.doubleToRawLongBits(SampleCodec.unscaled(scaledPrev, scale));
                return;
            }
            readXor();
            double v = Double.longBitsToDouble(bits);
            int needed = SampleCodec.scaleOf(v);
            if (needed > scale) {
                scale = needed;
            }
            scaledPrev = SampleCodec.scaled(v, scale);
        }

        private void readXor() {
            if (in.readBit()) {
                leading = (int) in.readBits(5);
                int sig = (int) in.readBits(6);
                if (sig == 0) {
                    sig = 64;
                }
                trailing = 64 - leading - sig;
            }
            int sig = 64 - leading - trailing;
            bits ^= in.readBits(sig) << trailing;
        }

        @Override
        public long timestamp() {
            return t;
        }

        @Override
        public double value() {
            return Double.longBitsToDouble(bits);
        }
    }
}
