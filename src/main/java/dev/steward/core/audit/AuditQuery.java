package dev.steward.core.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Which records to list, newest first: every filter given must hold. Pages follow each other by {@code beforeSeq}: the
 * next page starts below the last sequence of the previous one, so records appended meanwhile do not shift it.
 *
 * @param targetPrefix records whose target starts with it ({@code incident/} for every incident)
 * @param since records made at or after it
 * @param beforeSeq records with a lower sequence
 * @param limit at most this many, 1 to {@value #MAX_LIMIT}
 */
public record AuditQuery(
        Optional<String> actor,
        Optional<String> action,
        Optional<String> targetPrefix,
        Optional<Instant> since,
        Optional<Long> beforeSeq,
        int limit) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("audit query limit " + limit + ": expected 1 to " + MAX_LIMIT);
        }
    }

    /** The newest {@code limit} records. */
    public static AuditQuery latest(int limit) {
        return new AuditQuery(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    public boolean matches(AuditRecord r) {
        return actor.map(r.actor()::equals).orElse(true)
                && action.map(r.action()::equals).orElse(true)
                && targetPrefix.map(r.target()::startsWith).orElse(true)
                && since.map(s -> !r.at().isBefore(s)).orElse(true)
                && beforeSeq.map(b -> r.seq() < b).orElse(true);
    }
}
