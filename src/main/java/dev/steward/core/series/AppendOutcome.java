package dev.steward.core.series;

/** What became of one appended sample. Rejected samples are counted in {@link SeriesStoreStats}. */
public enum AppendOutcome {
    APPENDED,
    /** Older than the series' newest sample: rejected, as Prometheus's head does. */
    OUT_OF_ORDER,
    /** Same timestamp as the series' newest sample: rejected (the first value for a timestamp wins). */
    DUPLICATE_TIMESTAMP;

    public boolean appended() {
        return this == APPENDED;
    }
}
