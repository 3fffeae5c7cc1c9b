/**
 * Runs Prometheus's PromQL test scripts (the {@code promqltest} format: {@code load}, {@code clear}, {@code eval},
 * {@code expect}) against Steward's engine over an in-memory store, and reports per file what passed, failed and was
 * skipped. Pure: it takes the scripts' text; reading files belongs to {@code dev.steward.promql}.
 */
package dev.steward.core.promql.conformance;
