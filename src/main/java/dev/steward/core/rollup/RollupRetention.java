package dev.steward.core.rollup;

import java.time.Duration;
import java.time.Instant;

/**
 * How long rollups are kept, per resolution. The defaults keep 1-minute rollups for 8 days (a week of detailed
 * charts plus a day of margin to compare "same time last week") and 1-hour rollups for 400 days (a year of SLO and
 * uptime history plus a month of margin for year-on-year views).
 */
public record RollupRetention(Duration minutes, Duration hours) {
    public static final RollupRetention DEFAULT = new RollupRetention(Duration.ofDays(8), Duration.ofDays(400));

    public RollupRetention {
        if (!minutes.isPositive() || !hours.isPositive()) {
            throw new IllegalArgumentException(
                    "rollup retention must be positive, got 1m " + minutes + " and 1h " + hours);
        }
    }

    public Duration of(Resolution resolution) {
        return switch (resolution) {
            case MINUTE -> minutes;
            case HOUR -> hours;
        };
    }

    /** Rollups of {@code resolution} whose bucket starts before this instant are past retention at {@code now}. */
    public Instant cutoff(Resolution resolution, Instant now) {
        return now.minus(of(resolution));
    }

    /** Deletes what is past retention at {@code now} from {@code store}; returns how many rollups were deleted. */
    public int applyTo(RollupStore store, Instant now) {
        int deleted = 0;
        for (Resolution resolution : Resolution.values()) {
            deleted += store.deleteBefore(resolution, cutoff(resolution, now));
        }
        return deleted;
    }
}
