package dev.steward.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses time parameters as Prometheus's API does: RFC 3339 or unix seconds with an optional fraction. */
public final class TimeParams {
    public static final String EXPECTED = "an RFC 3339 time (2026-11-24T10:00:00Z) or unix seconds (1764000000.5)";

    private TimeParams() {}

    public static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            seconds = null; // not a number: try RFC 3339 below
        }
        if (seconds != null) {
            try {
                long whole = seconds.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
                int nanos = seconds.subtract(BigDecimal.valueOf(whole))
                        .movePointRight(9)
                        .intValue();
                return Optional.of(Instant.ofEpochSecond(whole, nanos));
            } catch (ArithmeticException | java.time.DateTimeException e) {
                throw new IllegalArgumentException(EXPECTED); // beyond the range of times
            }
        }
        try {
            return Optional.of(java.time.OffsetDateTime.parse(value.strip()).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(EXPECTED);
        }
    }
}
