package dev.steward.core.route;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alerts of one route that share the route's group labels, and its phase (when it is next looked at and what
 * its receiver was last told).
 *
 * @param alerts by labels (an alert's identity), in label order
 */
public record AggregationGroup(
        GroupKey key, Route route, Map<Labels, Alert> alerts, Instant createdAt, GroupPhase phase) {
    /** The class of the maps this record holds: one already of it is shared, not copied again (groups change often). */
    private static final Class<?> HELD =
            Collections.unmodifiableSortedMap(new TreeMap<>()).getClass();

    public AggregationGroup {
        if (alerts.getClass() != HELD) {
            alerts = Collections.unmodifiableSortedMap(new TreeMap<>(alerts));
        }
    }

    /** When {@link GroupPolicy#next} next considers notifying. */
    public Instant nextFlushAt() {
        return phase.dueAt();
    }

    /** A new group for its first alert (add it with {@link #with}): first due {@code group_wait} from now. */
    public static AggregationGroup created(GroupKey key, Route route, Instant now) {
        return new AggregationGroup(key, route, Map.of(), now, new GroupPhase.Waiting(now.plus(route.groupWait())));
    }

    /** The group after {@code alert} arrived (new, or an update of the alert with the same labels). */
    public AggregationGroup with(Alert alert, Instant now) {
        Map<Labels, Alert> next = new TreeMap<>(alerts);
        next.put(alert.labels(), alert);
        GroupPhase p = phase;
        // An alert older than group_wait need not wait for it (Alertmanager flushes such a new group at once).
        if (phase instanceof GroupPhase.Waiting(Instant due)
                && alert.startsAt().plus(route.groupWait()).isBefore(now)
                && now.isBefore(due)) {
            p = new GroupPhase.Waiting(now);
        }
        return new AggregationGroup(key, route, next, createdAt, p);
    }

    /**
     * The group due no later than {@code at}, its memory of what was sent unchanged: when a silence that muted one of
     * its alerts ended, so what still fires is told at once rather than at the next {@code group_interval}.
     */
    public AggregationGroup dueBy(Instant at) {
        if (!phase.dueAt().isAfter(at)) {
            return this;
        }
        GroupPhase p = switch (phase) {
            case GroupPhase.Waiting w -> new GroupPhase.Waiting(at);
            case GroupPhase.Quiet q -> new GroupPhase.Quiet(at);
            case GroupPhase.Notified n -> new GroupPhase.Notified(at, n.last());
        };
        return new AggregationGroup(key, route, alerts, createdAt, p);
    }

    /** After a look at {@code now}: the alerts kept, and what the receiver was told (null: nothing new). */
    AggregationGroup lookedAt(Instant now, Map<Labels, Alert> remaining, GroupPhase.Sent sent) {
        Instant due = now.plus(route.groupInterval());
        GroupPhase next = switch (phase) {
            case GroupPhase.Waiting w -> sent == null ? new GroupPhase.Quiet(due) : new GroupPhase.Notified(due, sent);
            case GroupPhase.Quiet q -> sent == null ? new GroupPhase.Quiet(due) : new GroupPhase.Notified(due, sent);
            case GroupPhase.Notified n -> new GroupPhase.Notified(due, sent == null ? n.last() : sent);
        };
        return new AggregationGroup(key, route, remaining, createdAt, next);
    }
}
