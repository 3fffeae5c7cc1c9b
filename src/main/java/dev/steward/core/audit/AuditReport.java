package dev.steward.core.audit;

import java.util.List;
import java.util.Optional;

/**
 * The verdict on a stored audit log.
 *
 * @param records how many records were read
 * @param lastSeq the highest sequence read (0 for an empty log)
 * @param lastCheckpoint the latest checkpoint that is validly signed and matches its record
 * @param unprotected how many records come after that checkpoint: the chain links them, but cutting them off would go
 *     unnoticed
 * @param problems every problem found, by sequence; empty when the log is intact
 */
public record AuditReport(
        long records,
        long lastSeq,
        Optional<Checkpoint> lastCheckpoint,
        long unprotected,
        List<AuditProblem> problems) {

    public AuditReport {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
