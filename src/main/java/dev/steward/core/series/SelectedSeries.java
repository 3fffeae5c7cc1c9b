package dev.steward.core.series;

import java.util.ArrayList;
import java.util.List;

/**
 * One series returned by a selection: its labels and a snapshot of its samples in the selected time range. The
 * snapshot does not change when samples are appended later; iterate it as often as needed.
 */
public final class SelectedSeries {
    private final Labels labels;
    private final Chunk[] chunks;
    private final long minT;
    private final long maxT;

    SelectedSeries(Labels labels, Chunk[] chunks, long minT, long maxT) {
        this.labels = labels;
        this.chunks = chunks;
        this.minT = minT;
        this.maxT = maxT;
    }

    public Labels labels() {
        return labels;
    }

    /** A new iterator over the samples in the selected range, oldest first. */
    public SampleIterator iterator() {
        return new RangeIterator(chunks, minT, maxT);
    }

    /** The samples in the selected range, boxed; for tests and small answers. */
    public List<Sample> samples() {
        List<Sample> out = new ArrayList<>();
        SampleIterator it = iterator();
        while (it.next()) {
            out.add(new Sample(it.timestamp(), it.value()));
        }
        return out;
    }

    @Override
    public String toString() {
        return labels.toString();
    }

    /** Chains the chunks that overlap the range and skips samples outside it. */
    static final class RangeIterator implements SampleIterator {
        private final Chunk[] chunks;
        private final long minT;
        private final long maxT;
        private int next;
        private SampleIterator current = SampleIterator.EMPTY;
        private boolean done;

        RangeIterator(Chunk[] chunks, long minT, long maxT) {
            this.chunks = chunks;
            this.minT = minT;
            this.maxT = maxT;
        }

        @Override
        public boolean next() {
            while (!done) {
                if (current.next()) {
                    long t = current.timestamp();
                    if (t > maxT) {
                        done = true;
                    } else if (t >= minT) {
                        return true;
                    }
                } else if (!advanceChunk()) {
                    done = true;
                }
            }
            return false;
        }

        private boolean advanceChunk() {
            while (next < chunks.length) {
                Chunk c = chunks[next++];
                if (c.minT() > maxT) {
                    return false;
                }
                if (c.maxT() >= minT) {
                    current = c.iterator();
                    return true;
                }
            }
            return false;
        }

        @Override
        public long timestamp() {
            return current.timestamp();
        }

        @Override
        public double value() {
            return current.value();
        }
    }
}
