package dev.steward.core.maintenance;

import java.time.Duration;

/**
 * The rules a window created through the API must follow.
 *
 * @param maxDuration the longest a window (one occurrence) may last
 * @param notice how long before its start a window must be announced; one announced later is refused unless it is
 *     marked emergency (zero: no notice required)
 * @param pastTolerance how far in the past a start may be, for clocks that differ a little between client and daemon
 */
public record MaintenanceLimits(Duration maxDuration, Duration notice, Duration pastTolerance) {
    public static final MaintenanceLimits DEFAULT =
            new MaintenanceLimits(Duration.ofDays(7), Duration.ZERO, Duration.ofMinutes(1));
}
