package dev.steward.core.outbox;

import java.time.Instant;

/**
 * A failed attempt, as shown in the delivery status: {@code reason} is short and bounded (it doubles as a metric
 * label: "connect", "status 503", "unknown channel"), {@code detail} is for people.
 */
public record DeliveryError(String reason, String detail, Instant at) {}
