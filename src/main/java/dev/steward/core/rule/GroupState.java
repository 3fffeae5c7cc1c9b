package dev.steward.core.rule;

import dev.steward.core.series.Labels;
import java.util.Map;
import java.util.Set;

/**
 * What a group carries from one evaluation to the next, by rule identity (see {@link RuleKeys}), so that a reload keeps
 * the state of unchanged rules.
 *
 * @param alerting each alerting rule's alerts
 * @param written the series each rule wrote last time, to write stale markers for those that disappear
 * @param restored false until the {@code for} state has been restored after a start (see {@link ForStateRestore}):
 *     until then, as in Prometheus, no {@code ALERTS}/{@code ALERTS_FOR_STATE} samples are written
 */
public record GroupState(Map<String, AlertingRuleState> alerting, Map<String, Set<Labels>> written, boolean restored) {

    /** A fresh group with nothing to restore. */
    public static final GroupState EMPTY = new GroupState(Map.of(), Map.of(), true);

    /** A group just started, whose {@code for} state will be restored after its first evaluation. */
    public static final GroupState AWAITING_RESTORE = new GroupState(Map.of(), Map.of(), false);

    public GroupState {
        alerting = Map.copyOf(alerting);
        written = Map.copyOf(written);
    }

    public AlertingRuleState alerting(String ruleKey) {
        return alerting.getOrDefault(ruleKey, AlertingRuleState.EMPTY);
    }
}
