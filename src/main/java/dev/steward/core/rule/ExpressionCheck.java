package dev.steward.core.rule;

import java.util.Optional;

/**
 * The hook through which rule loaders check PromQL expressions ({@code expr}, {@code resolve_when}): the composition
 * root passes the PromQL engine's parser; until then {@link #ACCEPT_ALL} keeps expressions as written, unchecked.
 */
@FunctionalInterface
public interface ExpressionCheck {
    ExpressionCheck ACCEPT_ALL = expr -> Optional.empty();

    /** Why {@code expr} does not parse, or empty when it does. */
    Optional<Problem> check(String expr);

    /**
     * @param message what is wrong ({@code unexpected right parenthesis ')'})
     * @param offset where in the expression (0-based, in chars), or -1 when unknown
     */
    record Problem(String message, int offset) {}
}
