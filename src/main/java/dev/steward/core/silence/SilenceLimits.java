package dev.steward.core.silence;

import java.time.Duration;
import java.util.Objects;

/**
 * Steward's limits on silences beyond Alertmanager's: the longest a silence may last, so that a forgotten silence
 * cannot hide an outage for ever.
 */
public record SilenceLimits(Duration maxDuration) {
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofDays(30);
    public static final SilenceLimits DEFAULT = new SilenceLimits(DEFAULT_MAX_DURATION);

    public SilenceLimits {
        Objects.requireNonNull(maxDuration, "maxDuration");
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("maxDuration must be positive, got " + maxDuration);
        }
    }
}
