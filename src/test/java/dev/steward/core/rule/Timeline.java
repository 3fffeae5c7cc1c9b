package dev.steward.core.rule;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Evaluates one group again and again at hand-chosen instants, keeping the state and every evaluation. */
final class Timeline {
    /** An awkward start: the last second of a leap day. */
    static final Instant T0 = Instant.parse("2028-02-29T23:59:30Z");

    final RuleGroup group;
    final ScriptedQuery query = new ScriptedQuery();
    final List<GroupEvaluation> evaluations = new ArrayList<>();
    final AtomicLong ticker = new AtomicLong();
    private final RuleGroupEvaluator evaluator;
    GroupState state = GroupState.EMPTY;

    Timeline(RuleGroup group) {
        this.group = group;
        this.evaluator = new RuleGroupEvaluator(() -> ticker.addAndGet(1_000_000), Map.of(), "");
    }

    static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    GroupEvaluation evaluateAt(int seconds) {
        GroupEvaluation e = evaluator.evaluate(group, state, at(seconds), query);
        state = e.state();
        evaluations.add(e);
        return e;
    }

    /** The state of the alert with these labels after the latest evaluation, or "absent". */
    String stateOf(Labels alertLabels) {
        for (RuleResult r : evaluations.getLast().rules()) {
            for (Alert a : r.alerts()) {
                if (a.labels().equals(alertLabels)) {
                    return a.state().label();
                }
            }
        }
        return "absent";
    }

    List<String> eventNames() {
        return evaluations.getLast().events().stream()
                .map(e -> e.getClass().getSimpleName())
                .toList();
    }
}
