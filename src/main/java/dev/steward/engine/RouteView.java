package dev.steward.engine;

import dev.steward.core.route.AggregationGroup;
import dev.steward.core.route.Alert;
import dev.steward.core.route.GroupKey;
import dev.steward.core.route.GroupPolicy;
import dev.steward.core.route.Inhibition;
import dev.steward.core.series.Labels;
import dev.steward.core.silence.ActiveSilences;
import dev.steward.core.silence.Silences;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A copy of {@link RouteLoop}'s alerts and groups, taken under its lock, from which the API's views are worked out
 * without holding it: which silences mute each alert and which alert inhibits it, at the instant asked.
 */
public final class RouteView {
    /** An alert as routing holds it. {@code inhibitedBy} is the labels of the alert muting it (Alertmanager names one). */
    public record AlertView(
            Alert alert,
            Instant updatedAt,
            List<String> receivers,
            List<String> silencedBy,
            Optional<Labels> inhibitedBy) {
        public AlertView {
            receivers = List.copyOf(receivers);
            silencedBy = List.copyOf(silencedBy);
        }
    }

    /** An aggregation group: its route's receiver, its group labels and its alerts. */
    public record GroupView(GroupKey key, String receiver, Labels groupLabels, List<AlertView> alerts) {
        public GroupView {
            alerts = List.copyOf(alerts);
        }
    }

    record Entry(Alert alert, Instant updatedAt, List<String> receivers) {}

    private final List<Entry> entries;
    private final List<AggregationGroup> groups;
    private final List<Alert> sources;
    private final GroupPolicy policy;

    RouteView(List<Entry> entries, List<AggregationGroup> groups, List<Alert> sources, GroupPolicy policy) {
        this.entries = entries;
        this.groups = groups;
        this.sources = sources;
        this.policy = policy;
    }

    List<AlertView> alerts(Silences silences, Instant now) {
        Inhibition inhibition = policy.inhibition(sources, now);
        ActiveSilences active = silences.activeAt(now);
        List<AlertView> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(view(e, active, inhibition));
        }
        out.sort((a, b) -> a.alert().labels().compareTo(b.alert().labels()));
        return out;
    }

    List<GroupView> groups(Silences silences, Instant now) {
        Inhibition inhibition = policy.inhibition(sources, now);
        ActiveSilences active = silences.activeAt(now);
        Map<Labels, Entry> byLabels = new HashMap<>();
        entries.forEach(e -> byLabels.put(e.alert().labels(), e));
        List<GroupView> out = new ArrayList<>(groups.size());
        for (AggregationGroup g : groups) {
            List<AlertView> alerts = new ArrayList<>();
            for (Labels l : g.alerts().keySet()) {
                Entry e = byLabels.get(l);
                if (e != null) {
                    alerts.add(view(e, active, inhibition));
                }
            }
            out.add(new GroupView(g.key(), g.route().receiver(), g.key().groupLabels(), alerts));
        }
        out.sort((a, b) -> a.key().toString().compareTo(b.key().toString()));
        return out;
    }

    private static AlertView view(Entry e, ActiveSilences silences, Inhibition inhibition) {
        Labels l = e.alert().labels();
        return new AlertView(e.alert(), e.updatedAt(), e.receivers(), silences.silenced(l), inhibition.inhibitor(l));
    }
}
