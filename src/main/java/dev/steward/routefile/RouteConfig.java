package dev.steward.routefile;

import dev.steward.core.route.GroupPolicy;
import dev.steward.core.route.InhibitRule;
import dev.steward.core.route.Route;
import dev.steward.core.route.TimeInterval;
import java.util.List;
import java.util.Map;

/**
 * A loaded Alertmanager configuration: the resolved route tree, the receivers by name (in file order), the inhibition
 * rules and the named time intervals (from {@code time_intervals} and the older {@code mute_time_intervals}). {@code
 * global} and {@code templates} are kept raw for the notifiers.
 */
public record RouteConfig(
        Route tree,
        Map<String, Receiver> receivers,
        List<InhibitRule> inhibitRules,
        Map<String, TimeInterval> timeIntervals,
        Map<String, Object> global,
        List<String> templates) {
    public RouteConfig {
        receivers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(receivers));
        inhibitRules = List.copyOf(inhibitRules);
        timeIntervals = Map.copyOf(timeIntervals);
        templates = List.copyOf(templates);
    }

    /** The grouping policy this configuration describes. */
    public GroupPolicy groupPolicy() {
        return new GroupPolicy(timeIntervals, inhibitRules, name -> {
            Receiver r = receivers.get(name);
            return r != null && r.sendResolved();
        });
    }
}
