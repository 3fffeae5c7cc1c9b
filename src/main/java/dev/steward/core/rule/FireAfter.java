package dev.steward.core.rule;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Steward's {@code fire_after: "M of N"}: a pending alert fires only once its expression returned the alert in at least
 * {@code m} of the last {@code n} evaluations (the current one included).
 */
public record FireAfter(int m, int n) {
    public static final int MAX_WINDOW = 64;
    public static final String EXAMPLES = "\"M of N\" with 1 <= M <= N <= 64, such as \"3 of 5\"";
    private static final Pattern SYNTAX = Pattern.compile("\\s*([0-9]{1,3})\\s+of\\s+([0-9]{1,3})\\s*");

    public FireAfter {
        if (m < 1 || m > n || n > MAX_WINDOW) {
            throw new IllegalArgumentException("fire_after needs 1 <= m <= n <= 64, got " + m + " of " + n);
        }
    }

    public static Optional<FireAfter> parse(String text) {
        Matcher matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int m = Integer.parseInt(matcher.group(1));
        int n = Integer.parseInt(matcher.group(2));
        return m >= 1 && m <= n && n <= MAX_WINDOW ? Optional.of(new FireAfter(m, n)) : Optional.empty();
    }

    @Override
    public String toString() {
        return m + " of " + n;
    }
}
