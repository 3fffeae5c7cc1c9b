package dev.steward.core.series;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label condition of a selector: {@code name="v"}, {@code name!="v"}, {@code name=~"re"} or {@code name!~"re"}.
 * Regular expressions are fully anchored and {@code .} matches a newline, as in Prometheus. A series without the
 * label is matched as if its value were the empty string, so {@code job!="x"} matches series with no {@code job}.
 *
 * <p>Patterns are compiled by {@code java.util.regex}, not RE2 as in Prometheus. The common syntax is the same; RE2's
 * {@code (?P<name>...)} groups are not accepted, and Java's backreferences and lookarounds are (Prometheus rejects
 * them), so a PromQL parser that wants strict compatibility checks patterns before building a matcher.
 */
public final class LabelMatcher {
    /** The four matcher operators of PromQL. */
    public enum Type {
        EQ("="),
        NEQ("!="),
        RE("=~"),
        NRE("!~");

        private final String symbol;

        Type(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    private final Type type;
    private final String name;
    private final String value;
    private final Pattern pattern;

    private LabelMatcher(Type type, String name, String value, Pattern pattern) {
        this.type = type;
        this.name = name;
        this.value = value;
        this.pattern = pattern;
    }

    /**
     * A matcher of the given type.
     *
     * @throws IllegalArgumentException when a regular expression does not compile; the message says which and why
     *     (a PromQL parser validates first and reports it as a parse error)
     */
    public static LabelMatcher of(Type type, String name, String value) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Pattern p = null;
        if (type == Type.RE || type == Type.NRE) {
            try {
                p = Pattern.compile("^(?:" + value + ")$", Pattern.DOTALL);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "invalid regular expression in matcher " + name + type.symbol + '"' + value + "\": "
                                + e.getDescription(),
                        e);
            }
        }
        return new LabelMatcher(type, name, value, p);
    }

    public static LabelMatcher eq(String name, String value) {
        return of(Type.EQ, name, value);
    }

    public static LabelMatcher neq(String name, String value) {
        return of(Type.NEQ, name, value);
    }

    public static LabelMatcher re(String name, String regex) {
        return of(Type.RE, name, regex);
    }

    public static LabelMatcher nre(String name, String regex) {
        return of(Type.NRE, name, regex);
    }

    /** Matches the metric name exactly: {@code __name__="up"}. */
    public static LabelMatcher metricName(String metricName) {
        return eq(Labels.METRIC_NAME, metricName);
    }

    /** Whether a label value (the empty string for an absent label) satisfies this matcher. */
    public boolean matches(String labelValue) {
        return switch (type) {
            case EQ -> value.equals(labelValue);
            case NEQ -> !value.equals(labelValue);
            case RE -> pattern.matcher(labelValue).matches();
            case NRE -> !pattern.matcher(labelValue).matches();
        };
    }

    /** Whether a series whose labels are these satisfies this matcher. */
    public boolean matches(Labels labels) {
        String v = labels.get(name);
        return matches(v == null ? "" : v);
    }

    /** Whether series without this label match; such matchers are resolved by exclusion in the index. */
    public boolean matchesEmpty() {
        return matches("");
    }

    public Type type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelMatcher m && type == m.type && name.equals(m.name) && value.equals(m.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, name, value);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(type.symbol).append('"');
        Labels.appendEscaped(sb, value);
        return sb.append('"').toString();
    }
}
