package dev.steward.core.route;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every aggregation group of a route tree: an arriving alert goes to each route {@link Route#match} picks, in the
 * group of that route's group labels (created on the first alert). Immutable: {@link #receive} returns the new state.
 */
public record Aggregation(Route tree, Map<GroupKey, AggregationGroup> groups) {
    public Aggregation {
        groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    }

    public static Aggregation empty(Route tree) {
        return new Aggregation(tree, Map.of());
    }

    /** The state after {@code alert} arrived at {@code now} (a new alert, or an update such as its resolution). */
    public Aggregation receive(Alert alert, Instant now) {
        return receiveAll(List.of(alert), now);
    }

    /** The state after {@code alerts} arrived together at {@code now} (one copy of the state for the batch). */
    public Aggregation receiveAll(Collection<Alert> alerts, Instant now) {
        Map<GroupKey, AggregationGroup> next = new LinkedHashMap<>(groups);
        for (Alert alert : alerts) {
            for (Route route : tree.match(alert.labels())) {
                GroupKey key = new GroupKey(route.id(), route.groupLabels(alert.labels()));
                AggregationGroup g = next.getOrDefault(key, AggregationGroup.created(key, route, now));
                next.put(key, g.with(alert, now));
            }
        }
        return new Aggregation(tree, next);
    }

    /**
     * The state in which every group holding an alert that fires at {@code now} and that {@code unmuted} accepts is
     * due at {@code now} (see {@link AggregationGroup#dueBy}): what a silence that just ended muted is told at once.
     */
    public Aggregation dueWhere(java.util.function.Predicate<Labels> unmuted, Instant now) {
        Map<GroupKey, AggregationGroup> next = new LinkedHashMap<>(groups);
        for (AggregationGroup g : groups.values()) {
            for (Alert a : g.alerts().values()) {
                if (!a.resolved(now) && unmuted.test(a.labels())) {
                    next.put(g.key(), g.dueBy(now));
                    break;
                }
            }
        }
        return new Aggregation(tree, next);
    }

    /** When the next group is due to be considered, empty when there are no groups. */
    public Optional<Instant> nextDue() {
        return groups.values().stream().map(AggregationGroup::nextFlushAt).min(Instant::compareTo);
    }

    /** Every alert held, once per group it is in (inhibition only asks whether some source alert exists). */
    public Collection<Alert> alerts() {
        List<Alert> out = new ArrayList<>();
        for (AggregationGroup g : groups.values()) {
            out.addAll(g.alerts().values());
        }
        return out;
    }
}
