package dev.steward.app;

import dev.steward.core.expect.DurationLiteral;
import java.time.Duration;
import java.util.Optional;

/** Parses command-line durations with the stack file's syntax: {@code 15d}, {@code 12h}, {@code 1h30m}, {@code 90s}. */
final class DurationArg {
    private DurationArg() {}

    static Optional<Duration> parse(String text) {
        return DurationLiteral.parse(text == null ? "" : text.strip()).filter(d -> !d.isZero() && !d.isNegative());
    }
}
