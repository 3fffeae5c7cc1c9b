package dev.steward.core.rule;

import java.util.List;

/**
 * Receives each rule's samples as soon as the rule is evaluated, before the next rule of the group runs: a caller that
 * appends them to the store lets a later rule of the same group query an earlier rule's output at the same instant, as
 * in Prometheus. Rules see each other only through the store.
 */
@FunctionalInterface
public interface RuleOutput {
    RuleOutput NONE = samples -> {};

    void append(List<RuleSample> samples);
}
