package dev.steward.core.promql.conformance;

import java.util.List;

/** The outcomes of the cases of one test file, or why the file could not be run at all. */
public record FileReport(String file, List<CaseOutcome> outcomes, String error) {
    public long count(CaseOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    public long passed() {
        return count(CaseOutcome.Status.PASSED);
    }

    /** Failed cases, plus one when the file itself could not be parsed. */
    public long failed() {
        return count(CaseOutcome.Status.FAILED) + (error == null ? 0 : 1);
    }

    public long skipped() {
        return count(CaseOutcome.Status.SKIPPED);
    }
}
