package dev.steward.core.expect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed condition, as produced by {@link ConditionParser#parse}. Beyond {@link Condition} it tells which paths it
 * reads (so a loader can check them against the facts a probe type offers), and it has a canonical, fully
 * parenthesised form that parses back to an equivalent condition. {@code toString()} is {@link #source()}.
 */
public sealed interface Expression extends Condition
        permits Ast.Or, Ast.And, Ast.Not, Ast.Compare, Ast.In, Ast.Contains, Ast.Matches {

    @Override
    default Verdict evaluate(Observation observation) {
        return outcome(new Evaluation(observation)).verdict();
    }

    /** The condition fully parenthesised, with literals in a normal form ({@code 512MiB} becomes {@code 536870912}). */
    String canonical();

    /** Internal: evaluates within one {@link Evaluation}, which caches parsed documents. */
    Outcome outcome(Evaluation evaluation);

    /** Every path the condition reads, in canonical form ({@code body.items[0].name}, {@code header["X"]}). */
    default Set<String> paths() {
        Set<String> out = new LinkedHashSet<>();
        Ast.collectPaths(this, p -> out.add(p.toString()));
        return out;
    }

    /** The first segment of every path the condition reads ({@code body}, {@code header}, {@code info}). */
    default Set<String> pathRoots() {
        return rootOffsets().keySet();
    }

    /**
     * Each path root with the offset in the condition text where it is first used, so that a caller can point at an
     * unknown one.
     */
    default Map<String, Integer> rootOffsets() {
        Map<String, Integer> out = new LinkedHashMap<>();
        Ast.collectPaths(this, p -> out.putIfAbsent(p.root(), p.offset()));
        return Collections.unmodifiableMap(out);
    }

    /** The conjunction of {@code parts} (the {@code expect} list of a check); one part is returned as it is. */
    static Expression allOf(List<Expression> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("allOf needs at least one condition");
        }
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        List<String> sources = new ArrayList<>();
        for (Expression p : parts) {
            sources.add(p instanceof Ast.Or ? "(" + p.source() + ")" : p.source());
        }
        return new Ast.And(List.copyOf(parts), String.join(" and ", sources));
    }
}
