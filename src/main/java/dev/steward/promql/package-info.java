/**
 * The file side of PromQL tooling: reading conformance scripts from disk and handing their text to the pure runner in
 * {@code dev.steward.core.promql.conformance}. The engine itself lives in {@code dev.steward.core.promql}.
 */
package dev.steward.promql;
