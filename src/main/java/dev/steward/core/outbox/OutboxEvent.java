package dev.steward.core.outbox;

import java.time.Instant;
import java.util.Optional;

/** What happened to an outbox entry, for the incident timeline and the delivery metrics. */
public sealed interface OutboxEvent {
    OutboxEntry entry();

    record EntryDelivered(OutboxEntry entry, Instant at, int attempts) implements OutboxEvent {}

    /** An attempt failed; {@code nextAttemptAt} is empty when the entry was abandoned on this failure. */
    record AttemptFailed(
            OutboxEntry entry, DeliveryError error, boolean retryable, int attempts, Optional<Instant> nextAttemptAt)
            implements OutboxEvent {}

    record EntryAbandoned(OutboxEntry entry, String reason, int attempts, Instant at) implements OutboxEvent {}

    /** A copy of {@code entry} was queued for the fallback channel as {@code fallback}. */
    record FallbackQueued(OutboxEntry entry, OutboxEntry fallback) implements OutboxEvent {}
}
