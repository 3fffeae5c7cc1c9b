package dev.steward.core.rule;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus's duration syntax (as in rule files: {@code for}, {@code interval}, {@code keep_firing_for}): whole
 * numbers with units from largest to smallest, {@code y w d h m s ms}, such as {@code 1h30m}, {@code 90s}, {@code 0s},
 * or {@code 0} alone. A year is 365 days. Fractions ({@code 1.5h}) and negative values are not durations here, as in
 * Prometheus.
 */
public final class PromDuration {
    /** What a duration looks like, for error messages. */
    public static final String EXAMPLES = "a Prometheus duration such as 30s, 5m, 1h30m, 0s";

    private static final Pattern SYNTAX = Pattern.compile(
            "(?:([0-9]+)y)?(?:([0-9]+)w)?(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?(?:([0-9]+)ms)?");
    private static final long[] UNIT_MILLIS = {
        365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000, 1
    };

    private PromDuration() {}

    public static Optional<Duration> parse(String text) {
        if (text.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        Matcher m = SYNTAX.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            return Optional.empty();
        }
        long millis = 0;
        for (int g = 1; g <= UNIT_MILLIS.length; g++) {
            String digits = m.group(g);
            if (digits == null) {
                continue;
            }
            try {
                millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(digits), UNIT_MILLIS[g - 1]));
            } catch (ArithmeticException | NumberFormatException overflow) {
                return Optional.empty();
            }
        }
        return Optional.of(Duration.ofMillis(millis));
    }

    /** The Prometheus form of {@code d}, such as {@code 1h30m}, {@code 0s}, {@code 1d}, {@code 500ms}. */
    public static String format(Duration d) {
        long millis = d.toMillis();
        if (millis == 0) {
            return "0s";
        }
        String[] units = {"y", "w", "d", "h", "m", "s", "ms"};
        StringBuilder b = new StringBuilder();
        for (int u = 0; u < units.length; u++) {
            long n = millis / UNIT_MILLIS[u];
            if (n > 0) {
                b.append(n).append(units[u]);
                millis -= n * UNIT_MILLIS[u];
            }
        }
        return b.toString();
    }
}
