package dev.steward.core.series;

import java.util.List;

/**
 * Samples by series, in the Prometheus data model, for probes and scrapes to append to and for PromQL and the
 * Prometheus HTTP API ({@code /series}, {@code /labels}, {@code /label/<name>/values}) to read. Implementations are
 * thread-safe: many threads append to different series while others query.
 */
public interface SeriesStore {
    /** The handle on the series with these labels, created when new. Keep it to append without a lookup. */
    SeriesRef getOrCreate(Labels labels);

    /** Appends a sample to the series of the handle; older or same-timestamp samples are rejected and counted. */
    AppendOutcome append(SeriesRef ref, long timestampMillis, double value);

    /** Appends a sample to the series with these labels, created when new. */
    AppendOutcome append(Labels labels, long timestampMillis, double value);

    /**
     * The series matching every matcher that have at least one sample in {@code [minT, maxT]}, sorted by labels,
     * each with a consistent snapshot of its samples taken now. An empty matcher list selects every series.
     */
    List<SelectedSeries> select(List<LabelMatcher> matchers, long minT, long maxT);

    /** The label sets of the series {@link #select} would return, sorted. */
    List<Labels> series(List<LabelMatcher> matchers, long minT, long maxT);

    /** Sorted label names carried by the series matching the matchers (all series when there are none). */
    List<String> labelNames(List<LabelMatcher> matchers);

    /** Sorted values of a label among the series matching the matchers (all series when there are none). */
    List<String> labelValues(String name, List<LabelMatcher> matchers);

    /**
     * Retention by age: drops every chunk whose newest sample is older than {@code t}, and the series left empty
     * (from the index too). Samples older than {@code t} in a chunk that also holds newer ones stay until the whole
     * chunk is old. The caller passes its own clock's time minus the retention.
     */
    Dropped truncateBefore(long t);

    /** Drops the oldest closed chunks while chunk memory exceeds the budget; see {@link SeriesStoreSettings}. */
    Dropped enforceBudget();

    SeriesStoreStats stats();
}
