package dev.steward.core.expect;

/** The outcome of evaluating a condition; a failure says which condition failed and what value was seen. */
public sealed interface Verdict {
    record Pass() implements Verdict {}

    /**
     * @param condition the (sub-)condition that failed, as written
     * @param seen the value observed, rendered ({@code 503}, {@code "yellow"}, {@code 2.3s}, {@code <missing>})
     */
    record Fail(String condition, String seen) implements Verdict {}

    Pass PASS = new Pass();

    default boolean passed() {
        return this instanceof Pass;
    }
}
