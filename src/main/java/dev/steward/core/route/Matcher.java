package dev.steward.core.route;

import dev.steward.core.series.Labels;
import java.util.regex.Pattern;

/**
 * One label matcher as Alertmanager has them: {@code severity="critical"}, {@code service=~"api|db"}. A label that an
 * alert does not have matches as the empty string, so {@code team!="x"} matches alerts without {@code team}. Regular
 * expressions are anchored at both ends.
 */
public record Matcher(String name, Type type, String value, Pattern pattern) {
    public enum Type {
        EQUAL("="),
        NOT_EQUAL("!="),
        REGEX("=~"),
        NOT_REGEX("!~");

        private final String operator;

        Type(String operator) {
            this.operator = operator;
        }

        public String operator() {
            return operator;
        }
    }

    /** A matcher, or the reason it cannot be one (an invalid regular expression). */
    public static Parsed<Matcher> of(String name, Type type, String value) {
        if (type == Type.EQUAL || type == Type.NOT_EQUAL) {
            return Parsed.ok(new Matcher(name, type, value, null));
        }
        try {
            return Parsed.ok(new Matcher(name, type, value, Pattern.compile("^(?:" + value + ")$", Pattern.DOTALL)));
        } catch (RuntimeException e) {
            return Parsed.failed("invalid regular expression \"" + value + "\": " + e.getMessage());
        }
    }

    public boolean matches(String labelValue) {
        String v = labelValue == null ? "" : labelValue;
        return switch (type) {
            case EQUAL -> v.equals(value);
            case NOT_EQUAL -> !v.equals(value);
            case REGEX -> pattern.matcher(v).matches();
            case NOT_REGEX -> !pattern.matcher(v).matches();
        };
    }

    public boolean matches(Labels labels) {
        return matches(labels.get(name));
    }

    /** As Alertmanager prints it: {@code service=~"api|db"}. */
    @Override
    public String toString() {
        return name
                + type.operator()
                + '"'
                + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                + '"';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matcher m && m.name.equals(name) && m.type == type && m.value.equals(value);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + type.hashCode()) * 31 + value.hashCode();
    }
}
