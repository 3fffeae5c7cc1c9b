package dev.steward.core.rule;

import java.time.Instant;
import java.util.Optional;

/**
 * Where one alert (one label set of an alerting rule's result) stands. Inactive alerts are not represented: an alert
 * that is not pending, firing or recently resolved is simply absent.
 */
public sealed interface AlertState {

    /** When the expression first returned this alert (for {@code for} and {@code ALERTS_FOR_STATE}). */
    Instant activeAt();

    /** Returned by the expression, waiting for {@code for} (and {@code fire_after}) to be met. */
    record Pending(Instant activeAt) implements AlertState {}

    /**
     * Firing. {@code keepFiringSince} is set while the expression no longer returns the alert but {@code
     * keep_firing_for} or {@code resolve_when} keep it firing.
     */
    record Firing(Instant activeAt, Instant firedAt, Optional<Instant> keepFiringSince) implements AlertState {}

    /** Was firing, resolved at {@code resolvedAt}; kept for {@link AlertTransitions#RESOLVED_RETENTION} to notify. */
    record Resolved(Instant activeAt, Instant firedAt, Instant resolvedAt) implements AlertState {}

    /** Prometheus's name of the state: {@code pending}, {@code firing} or {@code inactive}. */
    default String label() {
        return switch (this) {
            case Pending p -> "pending";
            case Firing f -> "firing";
            case Resolved r -> "inactive";
        };
    }
}
