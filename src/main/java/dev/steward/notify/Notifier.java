package dev.steward.notify;

import dev.steward.core.notify.Message;

/**
 * One channel of a receiver (one {@code webhook_configs} entry, one Slack webhook, one e-mail address, one PagerDuty
 * service): formats a {@link Message} its own way and sends it. Called by the outbox on a virtual thread; may block up
 * to its own timeout; never throws for a delivery failure, it returns {@link Delivery.Failed}.
 */
public interface Notifier {
    /** The channel's name for status and logs, e.g. {@code ops/webhook_configs[0]}; stable across reloads. */
    String channel();

    /**
     * Sends {@code message}. {@code idempotencyKey} is the same on every attempt of one outbox entry: notifiers pass it
     * on where the receiver can use it (an {@code Idempotency-Key} header, PagerDuty's dedup key is the incident id).
     */
    Delivery deliver(Message message, String idempotencyKey);

    /** The outcome of one attempt. */
    sealed interface Delivery {
        record Delivered(String detail) implements Delivery {}

        /**
         * Not delivered: {@code reason} says why (it doubles as a metric label: "connect", "timeout", "status 503",
         * "rejected"...); {@code retryable} is false when trying again cannot help (a 400, a bad address).
         */
        record Failed(String reason, String detail, boolean retryable) implements Delivery {}
    }
}
