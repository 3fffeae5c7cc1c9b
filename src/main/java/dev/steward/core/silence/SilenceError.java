package dev.steward.core.silence;

/** What is wrong with a silence request: the field ({@code matchers[1].value}), the value seen, what was expected. */
public record SilenceError(String field, String value, String expected) {
    public String message() {
        return field + ": got " + value + ", expected " + expected;
    }

    @Override
    public String toString() {
        return message();
    }
}
