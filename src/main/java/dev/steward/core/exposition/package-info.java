/**
 * The Prometheus exposition formats: {@link dev.steward.core.exposition.ExpositionParser} reads the Prometheus text
 * format 0.0.4 and OpenMetrics 1.0 text from bytes into samples and family metadata pushed to a
 * {@link dev.steward.core.exposition.SampleHandler}, and {@link dev.steward.core.exposition.ExpositionWriter} renders
 * metric families in the Prometheus text format for Steward's own {@code GET /metrics}. Pure: bytes and strings in
 * and out; fetching a target's {@code /metrics} and storing what was parsed live elsewhere.
 */
package dev.steward.core.exposition;
