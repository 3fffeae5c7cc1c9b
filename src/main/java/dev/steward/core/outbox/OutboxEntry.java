package dev.steward.core.outbox;

import dev.steward.core.notify.Message;
import java.time.Instant;

/**
 * One message for one channel. {@code idempotencyKey} is the same on every attempt, so a receiver can drop the resend
 * that follows a crash between sending and recording. {@code orderingKey} (the incident id) and {@code sequence} (the
 * store's enqueue order) give the rule "in order per incident": within one ordering key on one channel, an entry is
 * attempted only when every earlier one is final. {@code sequence} is 0 until the store assigns it.
 */
public record OutboxEntry(
        String id,
        String channel,
        String idempotencyKey,
        String orderingKey,
        Message message,
        Instant createdAt,
        long sequence,
        DeliveryState state) {

    /**
     * A new entry, pending from {@code createdAt}, with the id as its idempotency key and the message's incident as its
     * ordering key.
     */
    public static OutboxEntry create(String id, String channel, Message message, Instant createdAt) {
        return new OutboxEntry(
                id, channel, id, message.incidentId(), message, createdAt, 0, DeliveryState.Pending.first(createdAt));
    }

    public OutboxEntry withState(DeliveryState next) {
        return new OutboxEntry(id, channel, idempotencyKey, orderingKey, message, createdAt, sequence, next);
    }

    public OutboxEntry withSequence(long assigned) {
        return new OutboxEntry(id, channel, idempotencyKey, orderingKey, message, createdAt, assigned, state);
    }
}
