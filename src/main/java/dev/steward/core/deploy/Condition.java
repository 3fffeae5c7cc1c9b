package dev.steward.core.deploy;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A comparison of a query's value with a number, written {@code result < 0.01}. */
public record Condition(Comparison op, double threshold) {
    private static final Pattern SYNTAX =
            Pattern.compile("\\s*result\\s*(<=|>=|==|!=|<|>)\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*");
    public static final String EXPECTED = "a condition such as 'result < 0.01' (operators < <= > >= == !=)";

    public enum Comparison {
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">="),
        EQ("=="),
        NE("!=");

        final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        static Comparison of(String symbol) {
            for (Comparison c : values()) {
                if (c.symbol.equals(symbol)) {
                    return c;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    public static Optional<Condition> parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Condition(Comparison.of(m.group(1)), Double.parseDouble(m.group(2))));
    }

    public boolean holds(double value) {
        return switch (op) {
            case LT -> value < threshold;
            case LE -> value <= threshold;
            case GT -> value > threshold;
            case GE -> value >= threshold;
            case EQ -> value == threshold;
            case NE -> value != threshold;
        };
    }

    @Override
    public String toString() {
        return "result " + op.symbol + " " + String.format(Locale.ROOT, "%s", threshold);
    }
}
