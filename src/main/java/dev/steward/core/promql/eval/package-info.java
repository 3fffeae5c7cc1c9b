/**
 * Evaluation of parsed PromQL over a {@code SeriesStore}: selectors with lookback and staleness, range functions over
 * sliding windows of primitive arrays, aggregations, binary operators with vector matching, and the step-wise
 * evaluation of range queries. Callers use {@code PromqlEngine}; the types here are the engine's internals.
 */
package dev.steward.core.promql.eval;
