package dev.steward.core.outbox;

/**
 * What one attempt to send an entry came to, in the core's terms (the notifier port's {@code Delivery}, which lives
 * with the adapters, maps onto it one to one).
 */
public sealed interface AttemptOutcome {
    record Succeeded() implements AttemptOutcome {}

    /** {@code reason} is short and bounded (a metric label); {@code retryable} is false when retrying cannot help. */
    record Failed(String reason, String detail, boolean retryable) implements AttemptOutcome {}
}
