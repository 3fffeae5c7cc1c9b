package dev.steward.core.silence;

import dev.steward.core.series.LabelMatcher;
import java.util.Objects;

/**
 * One matcher of a silence as Alertmanager's v2 API spells it: {@code isEqual} false negates, {@code isRegex} true
 * makes {@code value} a fully anchored regular expression. A label absent from an alert matches as the empty string.
 */
public record SilenceMatcher(String name, String value, boolean isRegex, boolean isEqual) {
    public SilenceMatcher {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    public static SilenceMatcher equal(String name, String value) {
        return new SilenceMatcher(name, value, false, true);
    }

    public static SilenceMatcher notEqual(String name, String value) {
        return new SilenceMatcher(name, value, false, false);
    }

    public static SilenceMatcher regex(String name, String pattern) {
        return new SilenceMatcher(name, pattern, true, true);
    }

    public static SilenceMatcher notRegex(String name, String pattern) {
        return new SilenceMatcher(name, pattern, true, false);
    }

    /** The PromQL operator of this matcher. */
    public LabelMatcher.Type type() {
        if (isRegex) {
            return isEqual ? LabelMatcher.Type.RE : LabelMatcher.Type.NRE;
        }
        return isEqual ? LabelMatcher.Type.EQ : LabelMatcher.Type.NEQ;
    }

    /**
     * The compiled matcher.
     *
     * @throws IllegalArgumentException when the regular expression does not compile ({@link SilenceValidator} reports
     *     that as a value before a silence is built)
     */
    public LabelMatcher compile() {
        return LabelMatcher.of(type(), name, value);
    }

    /** The matcher in PromQL syntax, {@code name=~"value"}; never compiles the pattern. */
    @Override
    public String toString() {
        return name + type().symbol() + '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
