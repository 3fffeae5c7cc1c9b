package dev.steward.core.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the next checkpoint is due: after {@code everyRecords} records since the last one, or when the oldest record
 * not yet covered is {@code every} old. A short interval narrows the tail that could be cut off unnoticed; each
 * checkpoint is one row.
 */
public record CheckpointPolicy(int everyRecords, Duration every) {
    public static final int DEFAULT_EVERY_RECORDS = 100;
    public static final Duration DEFAULT_EVERY = Duration.ofMinutes(5);
    public static final CheckpointPolicy DEFAULTS = new CheckpointPolicy(DEFAULT_EVERY_RECORDS, DEFAULT_EVERY);

    public CheckpointPolicy {
        if (everyRecords < 1) {
            throw new IllegalArgumentException("audit checkpoint every " + everyRecords + " records: expected >= 1");
        }
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("audit checkpoint interval " + every + ": expected a positive duration");
        }
    }

    /**
     * Whether a checkpoint of {@code latest} is due at {@code now}, given the last checkpoint and the time of the first
     * record after it ({@code firstUncovered}, the latest record's time will do when it is not known).
     */
    public boolean isDue(Optional<Checkpoint> last, AuditRecord latest, Instant firstUncovered, Instant now) {
        long coveredSeq = last.map(Checkpoint::seq).orElse(0L);
        long uncovered = latest.seq() - coveredSeq;
        if (uncovered <= 0) {
            return false;
        }
        return uncovered >= everyRecords || !now.isBefore(firstUncovered.plus(every));
    }
}
