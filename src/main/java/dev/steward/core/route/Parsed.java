package dev.steward.core.route;

/** The outcome of parsing configuration text: a value, or the reason it was refused. */
public sealed interface Parsed<T> {
    record Ok<T>(T value) implements Parsed<T> {}

    record Failed<T>(String reason) implements Parsed<T> {}

    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Parsed<T> failed(String reason) {
        return new Failed<>(reason);
    }
}
