/**
 * Prometheus rules, pure: the model of rule groups (recording and alerting rules as loaded from rule files), the
 * evaluation of a group at an instant against a {@link dev.steward.core.rule.RuleQuery} port (the PromQL engine is
 * adapted to it by the composition root), the alert state machine (pending, firing, kept firing, resolved) with its
 * {@code ALERTS} and {@code ALERTS_FOR_STATE} series and events, the restoration of {@code for} state after a restart,
 * the group's evaluation schedule, and the built-in alert of every check. Reading rule files lives in {@code
 * dev.steward.rulefile} and {@code dev.steward.stackfile}; storing samples and sending notifications are the caller's.
 */
package dev.steward.core.rule;
