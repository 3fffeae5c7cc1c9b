package dev.steward.core.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** An {@link AuditStore} in memory: for tests, and for a daemon that runs without a database. */
public final class InMemoryAuditStore implements AuditStore {
    private final List<AuditRecord> records = new ArrayList<>();
    private final TreeMap<Long, Checkpoint> checkpoints = new TreeMap<>();

    @Override
    public synchronized AuditRecord append(AuditDraft draft) {
        AuditRecord r = AuditChain.append(latest(), draft);
        records.add(r);
        return r;
    }

    @Override
    public synchronized Optional<AuditRecord> latest() {
        return records.isEmpty() ? Optional.empty() : Optional.of(records.getLast());
    }

    @Override
    public synchronized Optional<AuditRecord> get(long seq) {
        return seq < 1 || seq > records.size() ? Optional.empty() : Optional.of(records.get((int) seq - 1));
    }

    @Override
    public synchronized List<AuditRecord> all() {
        return List.copyOf(records);
    }

    @Override
    public synchronized List<AuditRecord> find(AuditQuery query) {
        List<AuditRecord> out = new ArrayList<>();
        for (int i = records.size() - 1; i >= 0 && out.size() < query.limit(); i--) {
            if (query.matches(records.get(i))) {
                out.add(records.get(i));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public synchronized void addCheckpoint(Checkpoint checkpoint) {
        checkpoints.putIfAbsent(checkpoint.seq(), checkpoint);
    }

    @Override
    public synchronized List<Checkpoint> checkpoints() {
        return List.copyOf(checkpoints.values());
    }

    @Override
    public synchronized Optional<Checkpoint> latestCheckpoint() {
        return Optional.ofNullable(checkpoints.lastEntry()).map(e -> e.getValue());
    }
}
