/**
 * Steward's PromQL engine: {@link dev.steward.core.promql.PromqlEngine} parses and evaluates instant and range queries
 * over a {@code SeriesStore} with Prometheus's semantics, returning values and annotations or a
 * {@link dev.steward.core.promql.PromQLException}. Pure: evaluation time is a parameter. The HTTP API, rules and
 * alerting that use it live elsewhere; native histograms are not supported.
 */
package dev.steward.core.promql;
