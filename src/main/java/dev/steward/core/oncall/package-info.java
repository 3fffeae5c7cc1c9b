/**
 * Who is paged: people and their contact methods, on-call schedules (layers of rotations with restrictions, and
 * overrides), escalation policies (levels with delays and targets, repeated) and severities with their response
 * expectations, gathered in {@link dev.steward.core.oncall.OnCall}. Pure: answers "who is on call at this instant",
 * "whom does this target page now" ({@link dev.steward.core.oncall.OnCall#resolve}), "who would be paged, level by
 * level" ({@link dev.steward.core.oncall.EscalationPlan}) and "when would a page reach nobody"
 * ({@link dev.steward.core.oncall.Coverage}) from the configuration and an instant. Local times (hand-offs,
 * restriction windows, overrides) become instants by one rule, {@link dev.steward.core.oncall.WallTime#reach}, so
 * rotations keep their local hand-off time across daylight-saving changes. Sending pages and incident state live
 * elsewhere.
 */
package dev.steward.core.oncall;
