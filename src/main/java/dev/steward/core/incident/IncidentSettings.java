package dev.steward.core.incident;

import java.time.Duration;

/**
 * How incidents behave, beyond what severities and escalation policies say.
 *
 * @param ackTimeout an acknowledged incident not resolved within this triggers again from level 0 (default 30m)
 * @param settle after a dependency hold lifts, how long the service gets to recover before it is paged (default 30s)
 * @param serviceLabel the label naming the service (default {@code service})
 * @param severityLabel the label naming the severity (default {@code severity})
 * @param defaultSeverity the severity of an incident whose alerts name none or an unknown one (default {@code
 *     warning})
 */
public record IncidentSettings(
        Duration ackTimeout, Duration settle, String serviceLabel, String severityLabel, String defaultSeverity) {
    public static final IncidentSettings DEFAULTS =
            new IncidentSettings(Duration.ofMinutes(30), Duration.ofSeconds(30), "service", "severity", "warning");

    public IncidentSettings {
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("ack timeout " + ackTimeout + ": expected a positive duration");
        }
        if (settle.isNegative()) {
            throw new IllegalArgumentException("settle " + settle + ": expected zero or a positive duration");
        }
    }
}
