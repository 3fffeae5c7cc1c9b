package dev.steward.core.promql.eval;

import java.util.function.DoubleUnaryOperator;

/** The element-wise math and trigonometry functions, with Go's semantics where Java's differ. */
final class MathFunctions {
    private static final double LN2 = Math.log(2);

    private MathFunctions() {}

    static DoubleUnaryOperator of(String name) {
        return switch (name) {
            case "abs" -> Math::abs;
            case "ceil" -> Math::ceil;
            case "floor" -> Math::floor;
            case "exp" -> Math::exp;
            case "sqrt" -> Math::sqrt;
            case "ln" -> Math::log;
            case "log2" -> MathFunctions::log2;
            case "log10" -> Math::log10;
            case "sin" -> Math::sin;
            case "cos" -> Math::cos;
            case "tan" -> Math::tan;
            case "asin" -> Math::asin;
            case "acos" -> Math::acos;
            case "atan" -> Math::atan;
            case "sinh" -> Math::sinh;
            case "cosh" -> Math::cosh;
            case "tanh" -> Math::tanh;
            case "asinh" -> MathFunctions::asinh;
            case "acosh" -> MathFunctions::acosh;
            case "atanh" -> MathFunctions::atanh;
            case "rad" -> x -> x * Math.PI / 180;
            case "deg" -> x -> x * 180 / Math.PI;
            case "sgn" -> x -> x < 0 ? -1 : x > 0 ? 1 : x;
            default -> null;
        };
    }

    /** Exact for powers of two, like Go's {@code math.Log2}. */
    static double log2(double x) {
        if (x > 0 && !Double.isInfinite(x)) {
            int exp = Math.getExponent(x);
            if (exp >= Double.MIN_EXPONENT && x == Math.scalb(1.0, exp)) {
                return exp;
            }
        }
        return Math.log(x) / LN2;
    }

    static double asinh(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
            return x;
        }
        double a = Math.abs(x);
        double r = a > 1e8 ? Math.log(a) + LN2 : Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return x < 0 ? -r : r;
    }

    static double acosh(double x) {
        if (x < 1 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x == 1) {
            return 0;
        }
        if (x > 1e8) {
            return Math.log(x) + LN2;
        }
        double t = x - 1;
        return Math.log1p(t + Math.sqrt(2 * t + t * t));
    }

    static double atanh(double x) {
        if (Double.isNaN(x) || x < -1 || x > 1) {
            return Double.NaN;
        }
        if (x == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (x == -1) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x == 0) {
            return x;
        }
        return 0.5 * Math.log1p(2 * x / (1 - x));
    }
}
