/**
 * The in-memory series store in the Prometheus data model: {@link dev.steward.core.series.Labels} (a metric name and
 * label set), {@link dev.steward.core.series.LabelMatcher}, an inverted label index, Gorilla-compressed chunks and
 * {@link dev.steward.core.series.MemorySeriesStore}, which appends samples, answers selections for PromQL and the
 * Prometheus HTTP API, and drops data by age and by memory budget. Pure: no IO and no clock; retention and budget
 * work happen when the caller asks, with the caller's time. Parsing exposition text and rolling history up into SQL
 * live elsewhere.
 */
package dev.steward.core.series;
