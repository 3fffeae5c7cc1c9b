package dev.steward.core.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * Spreads checks with the same interval over that interval by a stable offset derived from the check's identity (so
 * a restart or reload keeps each check at the same phase), as Prometheus does for scrape targets.
 */
public final class Jitter {
    private Jitter() {}

    /** The first due instant at or after {@code now} that is at {@code key}'s phase within {@code interval}. */
    public static Instant firstDue(String key, Duration interval, Instant now) {
        long intervalMs = Math.max(1, interval.toMillis());
        long offset = Math.floorMod(mix(key.hashCode()), intervalMs);
        long nowMs = now.toEpochMilli();
        long base = nowMs - Math.floorMod(nowMs, intervalMs);
        long due = base + offset;
        return Instant.ofEpochMilli(due < nowMs ? due + intervalMs : due);
    }

    private static long mix(int h) {
        long z = h * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 31);
    }
}
