package dev.steward.core.series;

/** One sample: a timestamp in Unix milliseconds and a value (possibly NaN, an infinity or a stale marker). */
public record Sample(long timestamp, double value) {
    /** Equality by the value's bits, so a stale marker differs from an ordinary NaN and -0.0 from 0.0. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Sample s
                && timestamp == s.timestamp
                && Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(s.value);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp) * 31 + Long.hashCode(Double.doubleToRawLongBits(value));
    }

    @Override
    public String toString() {
        return (StaleMarker.isStaleMarker(value) ? "stale" : Double.toString(value)) + " @" + timestamp;
    }
}
