package dev.steward.core.expect;

import java.time.Duration;
import java.util.Optional;

/**
 * The typing rules of comparisons. Values compare only with values of the same kind; the one coercion is that a text
 * holding a number (a header, a command's output) compares as that number with a number. Nothing here throws: a
 * mismatch is a {@link Mismatch} that explains itself.
 */
final class ValueComparison {
    private ValueComparison() {}

    enum Operator {
        EQ("=="),
        NE("!="),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        static Operator of(String symbol) {
            for (Operator o : values()) {
                if (o.symbol.equals(symbol)) {
                    return o;
                }
            }
            throw new IllegalArgumentException(symbol);
        }

        boolean ordering() {
            return this != EQ && this != NE;
        }
    }

    sealed interface Result {}

    record Decided(boolean holds) implements Result {}

    /** The values cannot be compared; {@code why} is appended to the value seen. */
    record Mismatch(String why) implements Result {}

    static Result compare(Value left, Operator op, Value right) {
        Value l = coerce(left, right);
        Value r = coerce(right, left);
        if (!l.getClass().equals(r.getClass())) {
            return new Mismatch(kind(left) + ", not comparable with " + kind(right));
        }
        if (op.ordering() && (l instanceof Value.Text || l instanceof Value.Bool)) {
            return new Mismatch(kind(l) + " has no order; use == or != (or matches for text)");
        }
        if (l instanceof Value.Num(double a)
                && r instanceof Value.Num(double b)
                && (Double.isNaN(a) || Double.isNaN(b))) {
            return new Decided(op == Operator.NE); // NaN equals nothing and has no order
        }
        int c = order(l, r);
        return new Decided(
                switch (op) {
                    case EQ -> c == 0;
                    case NE -> c != 0;
                    case LT -> c < 0;
                    case LE -> c <= 0;
                    case GT -> c > 0;
                    case GE -> c >= 0;
                });
    }

    /** Compares two values of the same kind; text and booleans only as equal (0) or not (1). */
    private static int order(Value l, Value r) {
        return switch (l) {
            case Value.Num(double a) -> Double.compare(a + 0.0, ((Value.Num) r).value() + 0.0); // -0.0 == 0.0
            case Value.Dur(Duration a) -> a.compareTo(((Value.Dur) r).value());
            case Value.Text(String a) -> a.equals(((Value.Text) r).value()) ? 0 : 1;
            case Value.Bool(boolean a) -> a == ((Value.Bool) r).value() ? 0 : 1;
        };
    }

    /** A text that holds a number becomes that number when the other side is a number. */
    private static Value coerce(Value v, Value other) {
        if (v instanceof Value.Text(String t) && other instanceof Value.Num) {
            return number(t).<Value>map(Value.Num::new).orElse(v);
        }
        return v;
    }

    static Optional<Double> number(String text) {
        String t = text.strip();
        if (t.isEmpty() || !t.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(t));
    }

    static String kind(Value v) {
        return switch (v) {
            case Value.Num n -> "a number";
            case Value.Text t -> "text";
            case Value.Bool b -> "a boolean";
            case Value.Dur d -> "a duration";
        };
    }
}
