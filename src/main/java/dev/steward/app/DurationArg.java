package dev.steward.app;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses command-line durations such as {@code 15d}, {@code 12h}, {@code 90m}, {@code 30s}. */
final class DurationArg {
    private static final Pattern FORM = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

    private DurationArg() {}

    static Optional<Duration> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
        return d.isZero() ? Optional.empty() : Optional.of(d);
    }
}
