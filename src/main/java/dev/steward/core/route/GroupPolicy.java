package dev.steward.core.route;

import dev.steward.core.route.GroupPhase.Sent;
import dev.steward.core.series.Labels;
import dev.steward.core.silence.ActiveSilences;
import dev.steward.core.silence.Silence;
import dev.steward.core.silence.Silences;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Decides, for every group that is due, whether its receiver is notified, following Alertmanager's dispatcher and
 * notification log: a group is first considered {@code group_wait} after it was created, then every {@code
 * group_interval}; it notifies when a firing alert is new since the last notification, when alerts were resolved and
 * the receiver wants resolved alerts, when every alert it last notified as firing is now resolved, or at the first look
 * once {@code repeat_interval} has passed since the last notification; a group that only ever held resolved alerts notifies
 * nothing. Alerts muted by an inhibition rule or a silence are left out (a silenced alert still inhibits others, as
 * in Alertmanager); a route outside its {@code active_time_intervals} or
 * inside one of its {@code mute_time_intervals} notifies nothing and remembers nothing, so the first look after the
 * mute ends notifies. Resolved alerts are dropped from the group once it has been considered, so each is notified at
 * most once; an empty group is removed.
 *
 * @param intervals the named time intervals, by name (every name routes use must be here; the loader checks)
 * @param inhibitRules the inhibition rules
 * @param sendResolved whether a receiver (by name) wants resolved alerts
 */
public record GroupPolicy(
        Map<String, TimeInterval> intervals, List<InhibitRule> inhibitRules, Predicate<String> sendResolved) {
    public GroupPolicy {
        intervals = Map.copyOf(intervals);
        inhibitRules = List.copyOf(inhibitRules);
    }

    /** The new state and the notifications due at {@code now}. */
    public record Step(Aggregation state, List<Notification> notifications) {}

    public Step next(Aggregation state, Instant now) {
        return next(state, now, Silences.empty());
    }

    /** As {@link #next(Aggregation, Instant, Silences)}, for a plain list of silences. */
    public Step next(Aggregation state, Instant now, List<Silence> silences) {
        return next(state, now, Silences.of(silences));
    }

    /**
     * As {@link #next(Aggregation, Instant)}, leaving out alerts that one of {@code silences} (the API's silences)
     * mutes at {@code now}.
     */
    public Step next(Aggregation state, Instant now, Silences silences) {
        Map<GroupKey, AggregationGroup> groups = new LinkedHashMap<>(state.groups());
        List<Notification> out = new ArrayList<>();
        Inhibition inhibition = inhibition(state.alerts(), now);
        ActiveSilences active = silences.activeAt(now);
        for (AggregationGroup g : state.groups().values()) {
            if (g.nextFlushAt().isAfter(now)) {
                continue;
            }
            Flushed f = flush(g, inhibition, active, now);
            f.notification().ifPresent(out::add);
            f.after().ifPresentOrElse(a -> groups.put(g.key(), a), () -> groups.remove(g.key()));
        }
        return new Step(new Aggregation(state.tree(), groups), out);
    }

    /** The inhibition index of every alert held ({@code alerts}), for {@link #flush}. */
    public Inhibition inhibition(Iterable<Alert> alerts, Instant now) {
        return Inhibition.of(inhibitRules, alerts, now);
    }

    /**
     * What one look at a due group decided: the group afterwards (empty when nothing is left in it) and the
     * notification, if one is due.
     */
    public record Flushed(Optional<AggregationGroup> after, Optional<Notification> notification) {}

    /**
     * One due group's look at {@code now}, as {@link #next} does for every due group; for a runtime that keeps its
     * groups in its own structure and looks only at the due ones.
     */
    public Flushed flush(AggregationGroup g, Inhibition inhibition, ActiveSilences silences, Instant now) {
        List<Alert> firing = new ArrayList<>();
        List<Alert> resolved = new ArrayList<>();
        boolean anyResolved = false;
        for (Alert a : g.alerts().values()) {
            boolean isResolved = a.resolved(now);
            anyResolved |= isResolved;
            if (inhibition.inhibited(a.labels()) || silences.mutes(a.labels())) {
                continue;
            }
            (isResolved ? resolved : firing).add(a);
        }
        Map<Labels, Alert> remaining = anyResolved ? firingOnly(g.alerts(), now) : g.alerts();
        if (timeMuted(g.route(), now) || (firing.isEmpty() && resolved.isEmpty())) {
            return flushed(g.lookedAt(now, remaining, null), null);
        }
        String receiver = g.route().receiver();
        boolean wantsResolved = sendResolved.test(receiver);
        if (!needsUpdate(g.phase(), firing, resolved, wantsResolved, g.route(), now)) {
            return flushed(g.lookedAt(now, remaining, null), null);
        }
        List<Alert> told = wantsResolved ? resolved : List.of();
        Notification n = firing.isEmpty() && told.isEmpty()
                ? null
                : new Notification(receiver, g.key(), g.key().groupLabels(), firing, told, now);
        Sent sent = new Sent(labelsOf(firing), labelsOf(resolved), now);
        return flushed(g.lookedAt(now, remaining, sent), n);
    }

    private static Map<Labels, Alert> firingOnly(Map<Labels, Alert> alerts, Instant now) {
        Map<Labels, Alert> out = new TreeMap<>();
        for (Alert a : alerts.values()) {
            if (!a.resolved(now)) {
                out.put(a.labels(), a);
            }
        }
        return out;
    }

    private static Flushed flushed(AggregationGroup after, Notification n) {
        return new Flushed(after.alerts().isEmpty() ? Optional.empty() : Optional.of(after), Optional.ofNullable(n));
    }

    private static boolean needsUpdate(
            GroupPhase phase,
            List<Alert> firing,
            List<Alert> resolved,
            boolean wantsResolved,
            Route route,
            Instant now) {
        Sent s = switch (phase) {
            case GroupPhase.Waiting w -> null;
            case GroupPhase.Quiet q -> null;
            case GroupPhase.Notified n -> n.last();
        };
        if (s == null) {
            return !firing.isEmpty();
        }
        if (!s.firing().containsAll(labelsOf(firing))) {
            return true;
        }
        if (firing.isEmpty()) {
            return !s.firing().isEmpty();
        }
        if (wantsResolved && !s.resolved().containsAll(labelsOf(resolved))) {
            return true;
        }
        // At or after: Alertmanager's outcome at the exact boundary depends on milliseconds of latency (a running
        // Alertmanager 0.25 was seen to repeat both at the boundary and one group_interval later).
        return !s.at().plus(route.repeatInterval()).isAfter(now);
    }

    private TimeInterval interval(Route route, String name) {
        TimeInterval t = intervals.get(name);
        if (t == null) {
            throw new IllegalArgumentException("route " + route.id() + " names the time interval \"" + name
                    + "\", which this policy does not have; it has " + intervals.keySet());
        }
        return t;
    }

    /** Whether the route is muted at {@code now} by its mute or active time intervals. */
    public boolean timeMuted(Route route, Instant now) {
        for (String name : route.muteTimeIntervals()) {
            if (interval(route, name).contains(now)) {
                return true;
            }
        }
        if (route.activeTimeIntervals().isEmpty()) {
            return false;
        }
        for (String name : route.activeTimeIntervals()) {
            if (interval(route, name).contains(now)) {
                return false;
            }
        }
        return true;
    }

    private static Set<Labels> labelsOf(List<Alert> alerts) {
        Set<Labels> out = new HashSet<>();
        for (Alert a : alerts) {
            out.add(a.labels());
        }
        return out;
    }
}
