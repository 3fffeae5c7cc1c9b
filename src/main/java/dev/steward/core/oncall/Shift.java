package dev.steward.core.oncall;

import java.time.Instant;

/** A stretch of time during which one person is on call in a schedule: from {@code start} (inclusive) to {@code end}. */
public record Shift(String person, Instant start, Instant end) {}
