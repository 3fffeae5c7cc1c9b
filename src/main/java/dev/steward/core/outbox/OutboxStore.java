package dev.steward.core.outbox;

import java.time.Instant;
import java.util.List;

/**
 * Where outbox entries are kept, so that a restart resumes every delivery not yet final. A store holds entries by id
 * with their latest state; the history of attempts goes to the events, not here.
 */
public interface OutboxStore {
    /**
     * Stores the new entries, all or none, durably before returning, and assigns each its sequence (increasing in the
     * order given, after every stored entry). An entry whose id is already stored is not stored again: the stored one
     * is returned in its place, so enqueuing twice after a crash does not send twice.
     */
    List<OutboxEntry> enqueue(List<OutboxEntry> entries);

    /** Every entry that is not final, by sequence. */
    List<OutboxEntry> pending();

    /** Replaces the state of entry {@code id}; false when no such entry is stored (pruned, or never enqueued). */
    boolean record(String id, DeliveryState state);

    /** The status of every channel with at least one stored entry, by channel name. */
    List<ChannelStatus> status();

    /** The latest {@code limit} entries of {@code channel}, newest (highest sequence) first. */
    List<OutboxEntry> history(String channel, int limit);

    /** Removes the final entries that became final before {@code finalBefore}; returns how many. */
    int prune(Instant finalBefore);
}
