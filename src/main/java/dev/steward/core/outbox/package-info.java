/**
 * The durable notification outbox, decided without IO: an {@link dev.steward.core.outbox.OutboxEntry} (one message
 * for one channel, with its idempotency key and its incident as ordering key), its {@link
 * dev.steward.core.outbox.DeliveryState} (pending, delivered, abandoned), and the pure {@link
 * dev.steward.core.outbox.DeliveryPolicy} that says which entries are due (in order per incident and channel) and what
 * an attempt's outcome leads to (exponential backoff with full jitter, giving up, a copy to the fallback channel).
 * {@link dev.steward.core.outbox.OutboxStore} is the port that keeps entries across restarts, with an in-memory
 * implementation here. Sending, storing in SQL and reading the clock or a random source live elsewhere.
 */
package dev.steward.core.outbox;
