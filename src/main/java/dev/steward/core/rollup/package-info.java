/**
 * Per-check history rolled up into 1-minute and 1-hour buckets (probe count, failures, latency min / max / sum and a
 * mergeable latency sketch for percentiles): the {@link dev.steward.core.rollup.Rollup} value, the pure
 * {@link dev.steward.core.rollup.RollupAccumulator} that builds them from probe results, and the
 * {@link dev.steward.core.rollup.RollupStore} port with its in-memory implementation. No IO and no clock here: the SQL
 * implementation of the port lives in {@code dev.steward.store.jdbc}, and the caller passes {@code Instant now}.
 */
package dev.steward.core.rollup;
