package dev.steward.core.oncall;

/** Someone who takes a schedule over from {@code from} (inclusive) to {@code to} (exclusive), whatever the layers say. */
public record ScheduleOverride(String person, java.time.Instant from, java.time.Instant to) {
    public ScheduleOverride {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("override for " + person + ": from " + from + " not before to " + to);
        }
    }

    boolean covers(java.time.Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
