package dev.steward.audit;

import dev.steward.core.audit.AuditDraft;
import dev.steward.core.audit.AuditQuery;
import dev.steward.core.audit.AuditRecord;
import dev.steward.core.audit.AuditReport;
import dev.steward.core.audit.AuditStore;
import dev.steward.core.audit.AuditVerifier;
import dev.steward.core.audit.Checkpoint;
import dev.steward.core.audit.CheckpointPolicy;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records changes in the audit log and keeps its checkpoints. {@link #record} returns once the record is durable; a
 * caller that promises a change should record it before answering. The checkpoint state is read from the store each
 * time (audit records are rare: operator actions), so several daemons sharing a database checkpoint one chain.
 *
 * <p>A checkpoint that cannot be written does not fail the record (the change is recorded, and the chain protects
 * it); it is logged and written by the next call that finds it due. Call {@link #checkpointIfDue()} from a timer as
 * well, at {@link #nextCheckpointDue()}, so a quiet log is checkpointed within the policy's interval.
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private final AuditStore store;
    private final byte[] key;
    private final CheckpointPolicy policy;
    private final InstantSource clock;

    public AuditLog(AuditStore store, byte[] key, CheckpointPolicy policy, InstantSource clock) {
        if (key.length == 0) {
            throw new IllegalArgumentException("the audit key is empty");
        }
        this.store = store;
        this.key = key.clone();
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Appends one change, durably, and a checkpoint when one is due.
     *
     * @param before JSON text of the changed thing before the change, empty when there was none
     * @param after JSON text after it, empty when there is none
     */
    public synchronized AuditRecord record(
            String actor, String source, String action, String target, String before, String after) {
        AuditRecord r = store.append(new AuditDraft(clock.instant(), actor, source, action, target, before, after));
        try {
            checkpoint(r);
        } catch (RuntimeException e) {
            LOG.warn(
                    "audit checkpoint after seq {} not written, the next record or timer will: {}",
                    r.seq(),
                    e.toString());
        }
        return r;
    }

    /** Writes a checkpoint of the latest record if one is due now; returns it. */
    public synchronized Optional<Checkpoint> checkpointIfDue() {
        return store.latest().flatMap(this::checkpoint);
    }

    /** When the policy's interval makes the next checkpoint due, if records are waiting for one. */
    public synchronized Optional<Instant> nextCheckpointDue() {
        Optional<Checkpoint> last = store.latestCheckpoint();
        return firstUncovered(last).map(r -> r.at().plus(policy.every()));
    }

    private Optional<Checkpoint> checkpoint(AuditRecord latest) {
        Optional<Checkpoint> last = store.latestCheckpoint();
        Instant now = clock.instant();
        Instant firstUncovered = firstUncovered(last).map(AuditRecord::at).orElse(latest.at());
        if (!policy.isDue(last, latest, firstUncovered, now)) {
            return Optional.empty();
        }
        Checkpoint c = Checkpoint.sign(latest, now, key);
        store.addCheckpoint(c);
        return Optional.of(c);
    }

    private Optional<AuditRecord> firstUncovered(Optional<Checkpoint> last) {
        return store.get(last.map(Checkpoint::seq).orElse(0L) + 1);
    }

    /** Verifies the whole stored log and its checkpoints under this log's key. */
    public AuditReport verify() {
        return AuditVerifier.verify(store.all(), store.checkpoints(), key);
    }

    /** The records {@code query} selects, newest first. */
    public List<AuditRecord> find(AuditQuery query) {
        return store.find(query);
    }
}
