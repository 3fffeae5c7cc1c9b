package dev.steward.core.audit;

import java.util.List;
import java.util.Optional;

/**
 * Where the audit log is kept. Records are only ever appended: the port has no way to change or remove one, so that
 * only tampering outside Steward can, and {@link AuditVerifier} shows it.
 */
public interface AuditStore {
    /**
     * Links {@code draft} after the latest stored record ({@link AuditChain#append}) and stores it, durably before
     * returning. Appends are serialised, also between processes sharing the store, so the chain never forks.
     */
    AuditRecord append(AuditDraft draft);

    /** The record with the highest sequence. */
    Optional<AuditRecord> latest();

    /** The record with sequence {@code seq}. */
    Optional<AuditRecord> get(long seq);

    /** Every record, by sequence: what {@link AuditVerifier} reads. */
    List<AuditRecord> all();

    /** The records {@code query} selects, newest (highest sequence) first. */
    List<AuditRecord> find(AuditQuery query);

    /** Stores a checkpoint, durably; a second one for the same sequence is ignored. */
    void addCheckpoint(Checkpoint checkpoint);

    /** Every checkpoint, by sequence. */
    List<Checkpoint> checkpoints();

    /** The checkpoint with the highest sequence. */
    Optional<Checkpoint> latestCheckpoint();
}
