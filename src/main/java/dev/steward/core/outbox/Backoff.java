package dev.steward.core.outbox;

import java.time.Duration;

/**
 * Exponential backoff with full jitter: the delay before attempt {@code n + 1} is a uniformly chosen part of {@code
 * min(cap, base × factor^(n−1))}. Full jitter spreads the retries of many entries that failed together (a receiver
 * back from an outage is not hit by all of them at the same instant). The random part is passed in, so the core stays
 * deterministic and tests choose it.
 */
public record Backoff(Duration base, double factor, Duration cap) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5));

    public Backoff {
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("backoff base must be positive, got " + base);
        }
        if (!(factor >= 1.0)) {
            throw new IllegalArgumentException("backoff factor must be at least 1, got " + factor);
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff cap " + cap + " must not be below its base " + base);
        }
    }

    /** The largest delay after {@code failures} failed attempts (1 or more): the base, times the factor per failure. */
    public Duration ceiling(int failures) {
        double millis = base.toMillis() * Math.pow(factor, Math.max(0, failures - 1));
        return millis >= cap.toMillis() ? cap : Duration.ofMillis(Math.round(millis));
    }

    /**
     * The delay after {@code failures} failed attempts for a {@code jitter} in [0, 1]: that part of the ceiling, in
     * whole milliseconds (what the stores keep).
     */
    public Duration delay(int failures, double jitter) {
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be in [0, 1], got " + jitter);
        }
        return Duration.ofMillis(Math.round(ceiling(failures).toMillis() * jitter));
    }
}
