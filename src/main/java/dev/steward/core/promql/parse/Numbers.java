package dev.steward.core.promql.parse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/** PromQL number literals (decimal, hexadecimal, {@code Inf}, {@code NaN}) and Go-like formatting of floats. */
public final class Numbers {
    private Numbers() {}

    static boolean isSpecial(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.equals("inf") || w.equals("nan");
    }

    /** Parses a literal as lexed; Inf and NaN in any case. */
    public static double parse(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        boolean negative = t.startsWith("-");
        if (t.startsWith("+") || t.startsWith("-")) {
            t = t.substring(1);
        }
        double v;
        if (t.equals("inf")) {
            v = Double.POSITIVE_INFINITY;
        } else if (t.equals("nan")) {
            v = Double.NaN;
        } else if (t.startsWith("0x")) {
            v = new BigInteger(t.substring(2), 16).doubleValue();
        } else {
            v = Double.parseDouble(t);
        }
        return negative ? -v : v;
    }

    /** Formats like Go's {@code strconv.FormatFloat(v, 'g', -1, 64)} in the cases that matter for messages. */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0" : "0";
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (exponent < -4 || exponent >= 21) {
            String digits = d.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format("%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
            return (v < 0 ? "-" : "") + mantissa + "e" + exp;
        }
        return d.toPlainString();
    }
}
