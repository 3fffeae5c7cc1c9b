package dev.steward.core.promql.eval;

/** Counts the samples a query holds in memory and fails it when they exceed the limit. */
final class Budget {
    private final long max;
    private long current;

    Budget(long max) {
        this.max = max;
    }

    void take(long n) {
        current += n;
        if (current > max) {
            throw new EvalError("query processing would load too many samples into memory in query execution");
        }
    }

    void release(long n) {
        current -= n;
    }
}
