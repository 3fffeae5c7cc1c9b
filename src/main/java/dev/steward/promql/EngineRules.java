package dev.steward.promql;

import dev.steward.core.promql.PromQLException;
import dev.steward.core.promql.PromqlEngine;
import dev.steward.core.promql.QueryValue;
import dev.steward.core.promql.parse.Expr;
import dev.steward.core.promql.parse.ParseException;
import dev.steward.core.rule.ExpressionCheck;
import dev.steward.core.rule.QueryOutcome;
import dev.steward.core.rule.RuleQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The PromQL engine as the rule evaluator's query port, and its parser as the rule loaders' expression check. */
public final class EngineRules {
    /** Bounds the parse cache (rule expressions plus templates' queries); past it, expressions are parsed each time. */
    static final int MAX_CACHED = 100_000;

    private EngineRules() {}

    /** Parsed expressions are cached by their text: a rule's expression is parsed once, not at every evaluation. */
    public static RuleQuery query(PromqlEngine engine) {
        Map<String, Expr> parsed = new ConcurrentHashMap<>();
        return (expr, at) -> instant(engine, parsed, expr, at);
    }

    static QueryOutcome instant(PromqlEngine engine, Map<String, Expr> parsed, String expr, Instant at) {
        try {
            Expr tree = parsed.get(expr);
            if (tree == null) {
                tree = PromqlEngine.parse(expr);
                if (parsed.size() < MAX_CACHED) {
                    parsed.put(expr, tree);
                }
            }
            return switch (engine.instant(tree, expr, at.toEpochMilli()).value()) {
                case QueryValue.Vector v -> {
                    List<QueryOutcome.Element> elements =
                            new ArrayList<>(v.samples().size());
                    v.samples().forEach(s -> elements.add(new QueryOutcome.Element(s.labels(), s.value())));
                    yield new QueryOutcome.Vector(elements);
                }
                case QueryValue.Scalar s -> new QueryOutcome.Scalar(s.value());
                case QueryValue.StringValue s ->
                    new QueryOutcome.Failed("the expression returns a string, expected an instant vector");
                case QueryValue.Matrix m ->
                    new QueryOutcome.Failed("the expression returns a range vector, expected an instant vector");
            };
        } catch (PromQLException e) {
            return new QueryOutcome.Failed(e.getMessage());
        }
    }

    public static final ExpressionCheck PARSER = expr -> {
        try {
            PromqlEngine.parse(expr);
            return Optional.empty();
        } catch (ParseException e) {
            return Optional.of(new ExpressionCheck.Problem(e.getMessage(), e.position()));
        } catch (PromQLException e) {
            return Optional.of(new ExpressionCheck.Problem(e.getMessage(), -1));
        }
    };
}
