package dev.steward.core.rule;

import java.time.Instant;

/**
 * The port through which rules query the series store: an instant query of a PromQL expression. The composition root
 * adapts the PromQL engine to it; tests use a hand-written fake.
 */
@FunctionalInterface
public interface RuleQuery {
    /** Evaluates {@code expr} at {@code at}; failures are outcomes, not exceptions. */
    QueryOutcome instant(String expr, Instant at);
}
