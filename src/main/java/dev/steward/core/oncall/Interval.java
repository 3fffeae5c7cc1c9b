package dev.steward.core.oncall;

import java.time.Duration;
import java.time.Instant;

/** A half-open stretch of time, {@code [start, end)}. */
public record Interval(Instant start, Instant end) {
    public Duration length() {
        return Duration.between(start, end);
    }
}
