package dev.steward.core.audit;

/**
 * One thing wrong with a stored audit log, at the sequence where it shows.
 *
 * @param seq the record's sequence (the first missing one for a deletion, the checkpoint's for a checkpoint)
 * @param detail what was seen, for a person: "stored as seq 7 but written as seq 9"
 */
public record AuditProblem(long seq, Kind kind, String detail) {

    public enum Kind {
        /** The record's fields no longer give its hash, or its hash was recomputed and the next record disowns it. */
        ALTERED,
        /** Records are missing: a gap in the sequence, or the record a link points to is gone. */
        DELETED,
        /** The record is intact but sits at another place than the one it was written at. */
        REORDERED,
        /** The records a checkpoint vouches for are missing at the end of the log. */
        TRUNCATED,
        /** The checkpoint's signature is not the audit key's: forged, altered, or signed with another key. */
        CHECKPOINT_INVALID,
        /** A validly signed checkpoint names a hash that the stored record at its sequence does not carry. */
        CHECKPOINT_MISMATCH
    }

    @Override
    public String toString() {
        return "seq " + seq + ": "
                + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + detail;
    }
}
