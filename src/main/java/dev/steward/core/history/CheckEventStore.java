package dev.steward.core.history;

import dev.steward.core.config.CheckId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where check state transitions are kept. Implemented by {@link InMemoryCheckEventStore} and by {@code
 * dev.steward.store.jdbc}; both pass the same contract tests. Safe to call from several threads at once.
 */
public interface CheckEventStore {

    /** Stores the event durably before returning. */
    void append(CheckEvent event);

    /** Stores the events durably before returning, in order; implementations may use one transaction. */
    default void appendAll(List<CheckEvent> events) {
        events.forEach(this::append);
    }

    /**
     * The check's events with {@code from <= at < to}, newest first, at most {@code limit} of them. Events at the same
     * millisecond come newest-appended first.
     */
    List<CheckEvent> list(CheckId check, Instant from, Instant to, int limit);

    /** The check's most recent event (greatest time, then last appended), to restore its state after a restart. */
    Optional<CheckEvent> latest(CheckId check);

    /** Deletes every event (all checks) before {@code before}, for retention. */
    int deleteBefore(Instant before);
}
