package dev.steward.core.series;

/**
 * Prometheus's staleness marker: a NaN with a special bit pattern, appended when a series disappears from a scrape so
 * that queries stop returning it at once. It is stored like any other value (the chunks keep the exact bits) and
 * must be told apart from an ordinary NaN by its bits, never with {@code ==} or {@link Double#isNaN}.
 */
public final class StaleMarker {
    /** The raw bits Prometheus uses for a stale sample. */
    public static final long BITS = 0x7ff0000000000002L;

    /** The stale-marker value, to append. */
    public static final double VALUE = Double.longBitsToDouble(BITS);

    private StaleMarker() {}

    public static boolean isStaleMarker(double v) {
        return Double.doubleToRawLongBits(v) == BITS;
    }
}
