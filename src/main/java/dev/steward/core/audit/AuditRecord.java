package dev.steward.core.audit;

import java.time.Instant;

/**
 * One stored change of the audit log. {@code hash} is the SHA-256 (lowercase hex) of {@link AuditEncoding#record} of
 * every other field, {@code prevHash} the hash of the record before it ({@link AuditChain#GENESIS} for the first), so
 * changing, removing or moving a record breaks the chain where it happened.
 *
 * @param seq 1 for the first record, then one more for each
 * @param at when the change was made, to the millisecond (what the stores keep)
 */
public record AuditRecord(
        long seq,
        Instant at,
        String actor,
        String source,
        String action,
        String target,
        String before,
        String after,
        String prevHash,
        String hash) {

    /** This record's fields as the draft that made it. */
    public AuditDraft draft() {
        return new AuditDraft(at, actor, source, action, target, before, after);
    }
}
