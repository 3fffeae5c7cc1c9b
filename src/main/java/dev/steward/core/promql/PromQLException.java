package dev.steward.core.promql;

/**
 * A query that cannot be parsed or evaluated: a syntax error (with its position), a type error, too many samples, or
 * a runtime error such as duplicate series in a result. The message reads like Prometheus's.
 */
public class PromQLException extends Exception {
    public PromQLException(String message) {
        super(message);
    }
}
