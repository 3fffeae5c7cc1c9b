package dev.steward.core.rule.template;

/** {@code eq}, {@code lt} and friends on template values: numbers with numbers, text with text, bools with bools. */
final class Compare {
    private Compare() {}

    static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof java.util.Map<?, ?> || b instanceof java.util.Map<?, ?>) {
            throw new TemplateRenderException("error calling eq: non-comparable type " + GoFormat.typeName(a));
        }
        if (a.getClass() != b.getClass()) {
            throw incompatible("eq", a, b);
        }
        return a.equals(b);
    }

    static int order(String function, Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            throw incompatible(function, a, b);
        }
        throw new TemplateRenderException(
                "error calling " + function + ": invalid type for comparison: " + GoFormat.typeName(a));
    }

    private static TemplateRenderException incompatible(String function, Object a, Object b) {
        return new TemplateRenderException("error calling " + function + ": incompatible types for comparison: "
                + GoFormat.typeName(a) + " and " + GoFormat.typeName(b));
    }
}
