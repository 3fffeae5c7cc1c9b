package dev.steward.core.promql.eval;

/**
 * A query that fails during evaluation. Unchecked inside the evaluator so that deep recursion stays readable; the
 * engine turns it into a {@code PromQLException} at its boundary, so it never reaches callers.
 */
public final class EvalError extends RuntimeException {
    public EvalError(String message) {
        super(message, null, false, false);
    }
}
