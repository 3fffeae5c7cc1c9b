package dev.steward.core.series;

/**
 * Walks the samples of one series in time order without boxing: call {@link #next()} until it returns false, reading
 * {@link #timestamp()} and {@link #value()} after each true.
 */
public interface SampleIterator {
    SampleIterator EMPTY = new SampleIterator() {
        @Override
        public boolean next() {
            return false;
        }

        @Override
        public long timestamp() {
            throw new IllegalStateException("empty iterator has no sample");
        }

        @Override
        public double value() {
            throw new IllegalStateException("empty iterator has no sample");
        }
    };

    /** Moves to the next sample; false when there is none left. */
    boolean next();

    long timestamp();

    double value();
}
