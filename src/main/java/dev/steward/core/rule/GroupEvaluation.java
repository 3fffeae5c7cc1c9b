package dev.steward.core.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One evaluation of a group.
 *
 * @param scheduledAt the evaluation's timestamp (rules query at {@code scheduledAt - query_offset})
 * @param duration how long the evaluation took, by the evaluator's ticker
 * @param samples every sample produced, in rule order: recording rules' series, {@code ALERTS}, {@code
 *     ALERTS_FOR_STATE}, and stale markers for series a rule no longer produces
 * @param rules each rule's health, in rule order
 * @param events alert transitions, in rule order
 * @param state the state to pass to the next evaluation
 */
public record GroupEvaluation(
        RuleGroup group,
        Instant scheduledAt,
        Duration duration,
        List<RuleSample> samples,
        List<RuleResult> rules,
        List<AlertEvent> events,
        GroupState state) {

    public GroupEvaluation {
        samples = List.copyOf(samples);
        rules = List.copyOf(rules);
        events = List.copyOf(events);
    }
}
