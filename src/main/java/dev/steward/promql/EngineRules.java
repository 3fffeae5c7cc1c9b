package dev.steward.promql;

import dev.steward.core.promql.PromQLException;
import dev.steward.core.promql.PromqlEngine;
import dev.steward.core.promql.QueryValue;
import dev.steward.core.promql.parse.ParseException;
import dev.steward.core.rule.ExpressionCheck;
import dev.steward.core.rule.QueryOutcome;
import dev.steward.core.rule.RuleQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The PromQL engine as the rule evaluator's query port, and its parser as the rule loaders' expression check. */
public final class EngineRules {
    private EngineRules() {}

    public static RuleQuery query(PromqlEngine engine) {
        return (expr, at) -> instant(engine, expr, at);
    }

    static QueryOutcome instant(PromqlEngine engine, String expr, Instant at) {
        try {
            return switch (engine.instant(expr, at.toEpochMilli()).value()) {
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
