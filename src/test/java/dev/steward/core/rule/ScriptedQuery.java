package dev.steward.core.rule;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hand-written {@link RuleQuery}: per expression, results that hold from an instant on (until the next scripted
 * instant); an expression with nothing scripted returns an empty vector. Records every query it answers.
 */
final class ScriptedQuery implements RuleQuery {
    private final Map<String, TreeMap<Instant, QueryOutcome>> script = new HashMap<>();
    final List<String> asked = new ArrayList<>();

    /** From {@code at} on, {@code expr} returns {@code outcome}. */
    ScriptedQuery from(Instant at, String expr, QueryOutcome outcome) {
        script.computeIfAbsent(expr, e -> new TreeMap<>()).put(at, outcome);
        return this;
    }

    /** From {@code at} on, {@code expr} returns one element per label set, each with {@code value}. */
    ScriptedQuery returns(Instant at, String expr, double value, Labels... series) {
        List<QueryOutcome.Element> elements = new ArrayList<>();
        for (Labels l : series) {
            elements.add(new QueryOutcome.Element(l, value));
        }
        return from(at, expr, new QueryOutcome.Vector(elements));
    }

    /** From {@code at} on, {@code expr} returns nothing. */
    ScriptedQuery empty(Instant at, String expr) {
        return from(at, expr, new QueryOutcome.Vector(List.of()));
    }

    @Override
    public QueryOutcome instant(String expr, Instant at) {
        asked.add(expr + "@" + at);
        TreeMap<Instant, QueryOutcome> timeline = script.get(expr);
        if (timeline == null || timeline.floorEntry(at) == null) {
            return new QueryOutcome.Vector(List.of());
        }
        return timeline.floorEntry(at).getValue();
    }
}
