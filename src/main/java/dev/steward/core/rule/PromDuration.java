package dev.steward.core.rule;

import dev.steward.core.promql.parse.Durations;
import java.time.Duration;
import java.util.Optional;

/**
 * Prometheus's duration syntax (as in rule files: {@code for}, {@code interval}, {@code keep_firing_for}): whole
 * numbers with units from largest to smallest, {@code y w d h m s ms}, such as {@code 1h30m}, {@code 90s}, {@code 0s},
 * or {@code 0} alone. A year is 365 days. Fractions ({@code 1.5h}) and negative values are not durations here, as in
 * Prometheus.
 */
public final class PromDuration {
    /** What a duration looks like, for error messages. */
    public static final String EXAMPLES = "a Prometheus duration such as 30s, 5m, 1h30m, 0s";

    private PromDuration() {}

    /** Parses with the PromQL parser's duration syntax ({@link Durations}), so rules and queries agree. */
    public static Optional<Duration> parse(String text) {
        try {
            return Optional.of(Duration.ofMillis(Durations.parseMillis(text)));
        } catch (IllegalArgumentException | ArithmeticException notADuration) {
            // NumberFormatException (too many digits) is an IllegalArgumentException
            return Optional.empty();
        }
    }

    /** The Prometheus form of {@code d}, such as {@code 1h30m}, {@code 0s}, {@code 1d}, {@code 500ms}. */
    public static String format(Duration d) {
        return Durations.format(d.toMillis());
    }
}
