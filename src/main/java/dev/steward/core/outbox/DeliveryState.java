package dev.steward.core.outbox;

import java.time.Instant;
import java.util.Optional;

/**
 * Where an outbox entry stands. Only {@link Pending} is ever attempted; {@link Delivered} and {@link Abandoned} are
 * final, and an entry that reaches one of them no longer holds back the later entries of its incident.
 */
public sealed interface DeliveryState {
    /** Final states are never attempted again. */
    default boolean isFinal() {
        return !(this instanceof Pending);
    }

    /** The number of attempts made so far. */
    int attempts();

    /**
     * Waiting for its next attempt at {@code nextAttemptAt} (or for the earlier entries of its incident).
     *
     * @param lastError the failure of the latest attempt; empty before the first attempt
     */
    record Pending(int attempts, Instant nextAttemptAt, Optional<DeliveryError> lastError) implements DeliveryState {
        public static Pending first(Instant at) {
            return new Pending(0, at, Optional.empty());
        }
    }

    /** The channel's notifier said it was delivered, at {@code at}, on attempt number {@code attempts}. */
    record Delivered(Instant at, int attempts) implements DeliveryState {}

    /**
     * Given up at {@code at}: {@code reason} says why (not retryable, too many attempts, too old), {@code detail} is
     * the detail of the last failure.
     */
    record Abandoned(String reason, String detail, int attempts, Instant at) implements DeliveryState {}
}
