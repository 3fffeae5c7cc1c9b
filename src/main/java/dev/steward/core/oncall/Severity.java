package dev.steward.core.oncall;

import java.time.Duration;

/**
 * A severity level (the value of an alert's {@code severity} label): how fast a response is expected, and which
 * escalation policy pages for it.
 */
public record Severity(String name, Duration respondWithin, String escalationPolicy) {}
