package dev.steward.core.audit;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Links a draft after the latest record: the next sequence, the previous hash, its own hash. */
public final class AuditChain {
    /** The {@code prevHash} of the first record: 64 zeros, the width of a SHA-256 in hex. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    /**
     * The record that follows {@code previous} (empty: the first of the log). Its time is cut to the millisecond, the
     * precision the stores keep, so that it hashes the same after a round trip.
     */
    public static AuditRecord append(Optional<AuditRecord> previous, AuditDraft draft) {
        long seq = previous.map(p -> p.seq() + 1).orElse(1L);
        String prevHash = previous.map(AuditRecord::hash).orElse(GENESIS);
        AuditDraft d = new AuditDraft(
                draft.at().truncatedTo(ChronoUnit.MILLIS),
                draft.actor(),
                draft.source(),
                draft.action(),
                draft.target(),
                draft.before(),
                draft.after());
        return new AuditRecord(
                seq,
                d.at(),
                d.actor(),
                d.source(),
                d.action(),
                d.target(),
                d.before(),
                d.after(),
                prevHash,
                AuditEncoding.hash(seq, d, prevHash));
    }

    /** The hash {@code r} must carry for its fields as stored. */
    public static String expectedHash(AuditRecord r) {
        return AuditEncoding.hash(r.seq(), r.draft(), r.prevHash());
    }
}
