package dev.steward.core.route;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The alerts of one route that share the route's group labels, and when the group is next looked at.
 *
 * @param alerts by labels (an alert's identity), in label order
 * @param nextFlushAt when {@link GroupPolicy#next} next considers notifying: {@code group_wait} after the group was
 *     created (at once if an alert arrives that started more than {@code group_wait} ago), then every {@code
 *     group_interval}
 * @param flushed whether the group was considered for a notification at least once
 * @param lastSent what the receiver was last told about, empty before the first notification
 */
public record AggregationGroup(
        GroupKey key,
        Route route,
        Map<Labels, Alert> alerts,
        Instant createdAt,
        Instant nextFlushAt,
        boolean flushed,
        Optional<Sent> lastSent) {
    /** The firing and resolved alerts (by labels) of the last notification, and when it was decided. */
    public record Sent(Set<Labels> firing, Set<Labels> resolved, Instant at) {
        public Sent {
            firing = Set.copyOf(firing);
            resolved = Set.copyOf(resolved);
        }
    }

    public AggregationGroup {
        alerts = java.util.Collections.unmodifiableMap(new TreeMap<>(alerts));
    }

    static AggregationGroup created(GroupKey key, Route route, Instant now) {
        return new AggregationGroup(key, route, Map.of(), now, now.plus(route.groupWait()), false, Optional.empty());
    }

    AggregationGroup with(Alert alert, Instant now) {
        Map<Labels, Alert> next = new TreeMap<>(alerts);
        next.put(alert.labels(), alert);
        Instant due = nextFlushAt;
        if (!flushed && alert.startsAt().plus(route.groupWait()).isBefore(now) && now.isBefore(due)) {
            due = now;
        }
        return new AggregationGroup(key, route, next, createdAt, due, flushed, lastSent);
    }

    AggregationGroup flushedAt(Instant now, Map<Labels, Alert> remaining, Optional<Sent> sent) {
        return new AggregationGroup(key, route, remaining, createdAt, now.plus(route.groupInterval()), true, sent);
    }
}
