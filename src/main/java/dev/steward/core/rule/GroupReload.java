package dev.steward.core.rule;

import dev.steward.core.series.Labels;
import dev.steward.core.series.StaleMarker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries a group's state over a configuration reload, as Prometheus does: rules that are still there (same {@link
 * RuleKeys identity}) keep their alerts and history; the series written by rules that are gone get stale markers, so
 * queries stop seeing them at once instead of after the lookback window. A removed group is a reload to no rules.
 */
public final class GroupReload {
    private GroupReload() {}

    /** The state to evaluate {@code next} with, and the stale markers (at {@code at}) to append. */
    public record Result(GroupState state, List<RuleSample> staleMarkers) {
        public Result {
            staleMarkers = List.copyOf(staleMarkers);
        }
    }

    public static Result carryOver(GroupState previous, RuleGroup next, Instant at) {
        Set<String> keys = new HashSet<>(RuleKeys.of(next));
        Map<String, AlertingRuleState> alerting = new HashMap<>();
        previous.alerting().forEach((k, v) -> {
            if (keys.contains(k)) {
                alerting.put(k, v);
            }
        });
        Map<String, Set<Labels>> written = new HashMap<>();
        List<RuleSample> stale = new ArrayList<>();
        previous.written().forEach((k, series) -> {
            if (keys.contains(k)) {
                written.put(k, series);
            } else {
                series.forEach(l -> stale.add(new RuleSample(l, at.toEpochMilli(), StaleMarker.VALUE)));
            }
        });
        return new Result(new GroupState(alerting, written, previous.restored()), stale);
    }
}
