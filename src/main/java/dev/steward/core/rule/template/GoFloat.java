package dev.steward.core.rule.template;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's float formatting ({@code strconv.FormatFloat} behind {@code fmt}): {@code %v} and {@code %g} (shortest digits,
 * exponent form from 1e+21 / below 1e-4 for %v: from 1e+06), {@code %.4g}, {@code %e}, {@code %f}. Rounding is
 * half-even on the exact binary value, as in Go.
 */
final class GoFloat {
    private GoFloat() {}

    /** {@code %v} / {@code %g} without precision: the shortest digits that read back as {@code v}. */
    static String shortest(double v) {
        return g(v, -1, false);
    }

    /** {@code %g} with {@code precision} significant digits (-1 for shortest). */
    static String g(double v, int precision, boolean upper) {
        if (!Double.isFinite(v)) {
            return special(v);
        }
        Digits d = precision < 0 ? Digits.shortest(v) : Digits.rounded(v, Math.max(precision, 1));
        int exp = d.pointPosition() - 1;
        int eprec = precision < 0 ? 6 : Math.max(precision, 1);
        if (precision >= 0 && eprec > d.digits().length() && d.digits().length() >= d.pointPosition()) {
            eprec = d.digits().length();
        }
        if (exp < -4 || exp >= eprec) {
            return exponent(d, d.digits().length() - 1, upper);
        }
        return fixed(d, Math.max(d.digits().length() - d.pointPosition(), 0));
    }

    /** {@code %e} with {@code precision} digits after the point (6 by default). */
    static String e(double v, int precision, boolean upper) {
        if (!Double.isFinite(v)) {
            return special(v);
        }
        return exponent(Digits.rounded(v, precision + 1).padded(precision + 1), precision, upper);
    }

    /** {@code %f} with {@code precision} digits after the point (6 by default). */
    static String f(double v, int precision) {
        if (!Double.isFinite(v)) {
            return special(v);
        }
        BigDecimal b = new BigDecimal(v).setScale(precision, RoundingMode.HALF_EVEN);
        String s = b.abs().toPlainString();
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        return negative ? "-" + s : s;
    }

    private static String special(double v) {
        return Double.isNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf";
    }

    private static String exponent(Digits d, int fractionDigits, boolean upper) {
        StringBuilder b = new StringBuilder();
        if (d.negative()) {
            b.append('-');
        }
        String digits = d.digits();
        b.append(digits.charAt(0));
        if (fractionDigits > 0) {
            b.append('.').append(digits, 1, Math.min(digits.length(), fractionDigits + 1));
        }
        int exp = digits.equals("0") ? 0 : d.pointPosition() - 1;
        b.append(upper ? 'E' : 'e').append(exp < 0 ? '-' : '+');
        int abs = Math.abs(exp);
        if (abs < 10) {
            b.append('0');
        }
        return b.append(abs).toString();
    }

    private static String fixed(Digits d, int fractionDigits) {
        StringBuilder b = new StringBuilder();
        if (d.negative()) {
            b.append('-');
        }
        String digits = d.digits();
        int point = d.pointPosition();
        if (point <= 0) {
            b.append('0');
        } else {
            for (int k = 0; k < point; k++) {
                b.append(k < digits.length() ? digits.charAt(k) : '0');
            }
        }
        if (fractionDigits > 0) {
            b.append('.');
            for (int k = point; k < point + fractionDigits; k++) {
                b.append(k >= 0 && k < digits.length() ? digits.charAt(k) : '0');
            }
        }
        return b.toString();
    }

    /** Decimal digits without trailing zeros and where the decimal point goes: 0.0123 is ("123", -1). */
    record Digits(boolean negative, String digits, int pointPosition) {
        static Digits shortest(double v) {
            return of(v, new BigDecimal(Double.toString(Math.abs(v))));
        }

        static Digits rounded(double v, int significant) {
            BigDecimal exact = new BigDecimal(Math.abs(v));
            return of(v, exact.round(new MathContext(significant, RoundingMode.HALF_EVEN)));
        }

        private static Digits of(double v, BigDecimal abs) {
            boolean negative = v < 0 || (v == 0 && 1 / v < 0);
            if (abs.signum() == 0) {
                return new Digits(negative, "0", 1);
            }
            BigDecimal stripped = abs.stripTrailingZeros();
            String digits = stripped.unscaledValue().toString();
            return new Digits(negative, digits, digits.length() - stripped.scale());
        }

        Digits padded(int length) {
            StringBuilder b = new StringBuilder(digits);
            while (b.length() < length) {
                b.append('0');
            }
            return new Digits(negative, b.toString(), pointPosition);
        }
    }
}
