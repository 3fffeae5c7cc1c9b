package dev.steward.core.rule;

/** A rule of a group: a {@link RecordingRule} or an {@link AlertingRule}. */
public sealed interface Rule permits RecordingRule, AlertingRule {
    /** The record name or the alert name. */
    String name();

    /** The PromQL expression, as written. */
    String expr();
}
