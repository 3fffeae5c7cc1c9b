package dev.steward.core.outbox;

import java.time.Instant;
import java.util.Optional;

/**
 * The visible delivery status of one channel, over the entries the store still holds (final ones are kept for the
 * retention): how many are pending, delivered and abandoned, the latest failure (of a pending or abandoned entry), when
 * the channel last delivered, and since when its oldest pending entry waits.
 */
public record ChannelStatus(
        String channel,
        long pending,
        long delivered,
        long abandoned,
        Optional<DeliveryError> lastError,
        Optional<Instant> lastDeliveredAt,
        Optional<Instant> oldestPendingSince) {}
