package dev.steward.core.expect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;

/**
 * The duration syntax shared by {@code expect} conditions and the stack file: one or more {@code <number><unit>} groups
 * such as {@code 200ms}, {@code 5s}, {@code 1h30m}, {@code 1.5s}, {@code 14d}. Units are lower case: {@code ms}, {@code
 * s}, {@code m}, {@code h}, {@code d} (24 h), {@code w} (7 d). A bare number is not a duration: the unit is required.
 */
public final class DurationLiteral {
    private DurationLiteral() {}

    /** The text shown in messages about what a duration looks like. */
    public static final String EXAMPLES = "a duration such as 30s, 5m, 1h30m";

    /** Parses {@code text} (an optional leading {@code -}, then unit groups); empty if it is not a duration. */
    public static Optional<Duration> parse(String text) {
        boolean negative = text.startsWith("-");
        return nanos(negative ? text.substring(1) : text).flatMap(nanos -> {
            try {
                long whole = nanos.setScale(0, RoundingMode.HALF_UP).longValueExact();
                return Optional.of(Duration.ofNanos(negative ? -whole : whole));
            } catch (ArithmeticException overflow) {
                return Optional.empty();
            }
        });
    }

    /** The sum of the {@code <number><unit>} groups of {@code text}, in nanoseconds. */
    private static Optional<BigDecimal> nanos(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal nanos = BigDecimal.ZERO;
        int i = 0;
        while (i < text.length()) {
            int numberStart = i;
            while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
            }
            int unitStart = i;
            while (i < text.length() && Character.isLetter(text.charAt(i))) {
                i++;
            }
            Optional<Long> unit = unitNanos(text.substring(unitStart, i));
            Optional<BigDecimal> amount = decimal(text.substring(numberStart, unitStart));
            if (unit.isEmpty() || amount.isEmpty()) {
                return Optional.empty();
            }
            nanos = nanos.add(amount.get().multiply(BigDecimal.valueOf(unit.get())));
        }
        return Optional.of(nanos);
    }

    /** The nanoseconds in one {@code unit}, or empty if {@code unit} is not a duration unit. */
    static Optional<Long> unitNanos(String unit) {
        return Optional.ofNullable(
                switch (unit) {
                    case "ms" -> 1_000_000L;
                    case "s" -> 1_000_000_000L;
                    case "m" -> 60_000_000_000L;
                    case "h" -> 3_600_000_000_000L;
                    case "d" -> 86_400_000_000_000L;
                    case "w" -> 604_800_000_000_000L;
                    default -> null;
                });
    }

    private static Optional<BigDecimal> decimal(String digits) {
        if (digits.isEmpty() || digits.startsWith(".") || digits.endsWith(".")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Formats {@code d} so that {@link #parse} gives it back: {@code 1h30m}, {@code 200ms}, {@code 30d}, {@code 0s}; a part below a
     * millisecond is written as decimal seconds ({@code 0.0005s}).
     */
    public static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        if (d.getNano() % 1_000_000 != 0) {
            return new BigDecimal(d.toNanos())
                            .movePointLeft(9)
                            .stripTrailingZeros()
                            .toPlainString() + "s";
        }
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        StringBuilder b = new StringBuilder();
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
        String[] units = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < sizes.length; i++) {
            if (ms >= sizes[i]) {
                b.append(ms / sizes[i]).append(units[i]);
                ms %= sizes[i];
            }
        }
        return b.toString();
    }
}
