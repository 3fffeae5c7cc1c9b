package dev.steward.core.expect;

/**
 * The detailed result of evaluating one node: whether it held, the node as written, and the value seen. A passing
 * outcome keeps its seen value so that {@code not} can report it.
 */
record Outcome(boolean passed, String condition, String seen) {

    Verdict verdict() {
        return passed ? Verdict.PASS : new Verdict.Fail(condition, seen);
    }
}
