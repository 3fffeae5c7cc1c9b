package dev.steward.core.exposition;

import java.nio.charset.StandardCharsets;

/**
 * Numbers as the exposition formats write them, read straight from bytes: decimal floats with an optional exponent,
 * {@code NaN}, {@code Inf}, {@code +Inf}, {@code -Inf} (also {@code Infinity}, any case, as Go's ParseFloat takes
 * them), and integer timestamps. Decimals of at most 18 significant digits whose power of ten is within 10^22 are
 * converted exactly with one multiplication or division (Clinger's fast path); others go to
 * {@link Double#parseDouble} after the syntax was checked here, so both paths round correctly.
 */
final class NumberSyntax {
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };
    private static final long MAX_EXACT = 1L << 53;

    private NumberSyntax() {}

    /** Parses {@code b[start, end)} as a float; throws {@link Malformed} naming the token when it is not one. */
    static double parseFloat(byte[] b, int start, int end, String what) {
        if (start >= end) {
            throw new Malformed(start, "expected " + what + ", found nothing");
        }
        int i = start;
        boolean negative = b[i] == '-';
        if (b[i] == '-' || b[i] == '+') {
            i++;
        }
        if (i < end && (b[i] | 0x20) >= 'a' && (b[i] | 0x20) <= 'z') {
            return special(b, start, i, end, negative, what);
        }
        long mantissa = 0;
        int digits = 0;
        int exp10 = 0;
        boolean truncated = false;
        boolean anyDigit = false;
        for (; i < end && isDigit(b[i]); i++) {
            anyDigit = true;
            if (digits < 18) {
                mantissa = mantissa * 10 + (b[i] - '0');
                digits += mantissa == 0 ? 0 : 1;
            } else {
                exp10++;
                truncated |= b[i] != '0';
            }
        }
        if (i < end && b[i] == '.') {
            for (i++; i < end && isDigit(b[i]); i++) {
                anyDigit = true;
                if (digits < 18) {
                    mantissa = mantissa * 10 + (b[i] - '0');
                    digits += mantissa == 0 ? 0 : 1;
                    exp10--;
                } else {
                    truncated |= b[i] != '0';
                }
            }
        }
        if (!anyDigit) {
            throw notANumber(b, start, end, what);
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNegative = i < end && b[i] == '-';
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                i++;
            }
            if (i >= end || !isDigit(b[i])) {
                throw notANumber(b, start, end, what);
            }
            int exp = 0;
            for (; i < end && isDigit(b[i]); i++) {
                exp = Math.min(exp * 10 + (b[i] - '0'), 100_000);
            }
            exp10 += expNegative ? -exp : exp;
        }
        if (i != end) {
            throw notANumber(b, start, end, what);
        }
        if (!truncated && mantissa <= MAX_EXACT && exp10 >= -22 && exp10 <= 22) {
            double v = exp10 >= 0 ? mantissa * POW10[exp10] : mantissa / POW10[-exp10];
            return negative ? -v : v;
        }
        return Double.parseDouble(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
    }

    private static double special(byte[] b, int start, int i, int end, boolean negative, String what) {
        String word = new String(b, i, end - i, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        if (word.equals("inf") || word.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (word.equals("nan") && i == start) {
            return Double.NaN;
        }
        throw notANumber(b, start, end, what);
    }

    /** Parses {@code b[start, end)} as a signed 64-bit decimal integer. */
    static long parseLong(byte[] b, int start, int end, String what) {
        int i = start;
        boolean negative = i < end && b[i] == '-';
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        if (i >= end) {
            throw notANumber(b, start, end, what);
        }
        long v = 0;
        for (; i < end; i++) {
            if (!isDigit(b[i])) {
                throw notANumber(b, start, end, what);
            }
            long next = v * 10 - (b[i] - '0'); // accumulate negatively to reach Long.MIN_VALUE
            if (v < Long.MIN_VALUE / 10 || next > v) {
                throw new Malformed(start, what + " " + token(b, start, end) + " does not fit in 64 bits");
            }
            v = next;
        }
        if (!negative && v == Long.MIN_VALUE) {
            throw new Malformed(start, what + " " + token(b, start, end) + " does not fit in 64 bits");
        }
        return negative ? v : -v;
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static Malformed notANumber(byte[] b, int start, int end, String what) {
        return new Malformed(start, "expected " + what + ", found " + token(b, start, end));
    }

    static String token(byte[] b, int start, int end) {
        int len = Math.min(end - start, 40);
        return '"' + new String(b, start, len, StandardCharsets.UTF_8) + (end - start > len ? "...\"" : "\"");
    }
}
