/**
 * Unit tests for rule files in promtool's test-file format ({@code steward test-rules FILE…}): reading a test file
 * ({@link dev.steward.ruletest.TestFileReader}), loading its rule files, replaying its input series into a fresh
 * in-memory store, evaluating every group on the evaluation interval and comparing firing alerts and PromQL results
 * with the expectations ({@link dev.steward.ruletest.RuleTestRunner}). This is an adapter: it reads files. The rule
 * evaluation itself, the engine and the store live in {@code dev.steward.core}; the command line lives in {@code
 * dev.steward.app}.
 */
package dev.steward.ruletest;
