package dev.steward.core.promql.conformance;

/** The outcome of one {@code eval} of a test script. */
public record CaseOutcome(String file, int line, String query, Status status, String reason) {
    public enum Status {
        PASSED,
        FAILED,
        SKIPPED
    }
}
