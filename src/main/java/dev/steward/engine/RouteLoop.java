package dev.steward.engine;

import dev.steward.core.route.AggregationGroup;
import dev.steward.core.route.Alert;
import dev.steward.core.route.GroupKey;
import dev.steward.core.route.GroupPolicy;
import dev.steward.core.route.InhibitRule;
import dev.steward.core.route.Inhibition;
import dev.steward.core.route.Notification;
import dev.steward.core.route.Route;
import dev.steward.core.series.Labels;
import dev.steward.core.silence.ActiveSilences;
import dev.steward.core.silence.Silence;
import dev.steward.core.silence.Silences;
import dev.steward.routefile.RouteConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Owns the routing state at run time: the alerts held, their aggregation groups and when each group is due. Alerts
 * arrive by {@link #receive} (from the rule evaluator and from {@code POST /api/v2/alerts}); {@link #runDue} looks at
 * the due groups only, with the pure {@link GroupPolicy#flush}, and hands the notifications to the incident side.
 *
 * <p>The groups live in mutable maps guarded by this object, indexed by due instant, so that a batch of updates costs
 * what the batch touches and a look costs what is due, not a copy of every group (the pure {@code Aggregation} copies
 * its map on every change, which is fine for tests and too slow at 100,000 alerts). An alert is forgotten once every
 * group holding it has looked at it resolved; a silence that ends makes the groups it muted due at once; every silence
 * longer than the reminder lead earns its creator one reminder that lead before it ends.
 *
 * <p>Notifications and reminders are handed over outside the lock, on the thread that called {@link #runDue}; one
 * scheduler thread calling it keeps them in order.
 */
public final class RouteLoop {
    public static final Duration DEFAULT_REMINDER_LEAD = Duration.ofMinutes(15);
    public static final int DEFAULT_MAX_GROUPS_PER_PAUSE = 500;

    private final Supplier<Silences> silences;
    private final Consumer<List<Notification>> notifications;
    private final Consumer<SilenceEnding> reminders;
    private final SilenceReminders reminded;
    private final LongSupplier nanoTicker;
    private volatile int maxGroupsPerPause = DEFAULT_MAX_GROUPS_PER_PAUSE;
    private final PauseStats runPauses = new PauseStats();
    private final PauseStats runTotals = new PauseStats();
    private final PauseStats receivePauses = new PauseStats();

    private Route tree;
    private GroupPolicy policy;
    private List<InhibitRule> inhibitRules = List.of();
    private final Map<GroupKey, AggregationGroup> groups = new HashMap<>();
    private final TreeMap<Instant, Set<GroupKey>> due = new TreeMap<>();
    private final Map<Labels, Held> held = new HashMap<>();
    private final Map<Labels, Alert> sources = new HashMap<>();
    private Instant lastRun;

    /** An alert as last received, when, and the groups holding it. */
    private static final class Held {
        Alert alert;
        Instant updatedAt;
        final List<GroupKey> groups = new ArrayList<>(2);
    }

    /**
     * @param silences the current silences (the API's registry: {@code registry::current})
     * @param notifications where due notifications go (the incident side)
     * @param reminders where silence expiry reminders go
     * @param reminderLead how long before a silence ends its creator is reminded
     * @param nanoTicker a monotonic clock for the pause statistics ({@code System::nanoTime})
     */
    public RouteLoop(
            RouteConfig config,
            Instant now,
            Supplier<Silences> silences,
            Consumer<List<Notification>> notifications,
            Consumer<SilenceEnding> reminders,
            Duration reminderLead,
            LongSupplier nanoTicker) {
        this.silences = silences;
        this.notifications = notifications;
        this.reminders = reminders;
        this.reminded = new SilenceReminders(reminderLead);
        this.nanoTicker = nanoTicker;
        configure(config, now);
    }

    /**
     * Applies a new configuration. Every held alert is routed again through the new tree; a group whose key (route id
     * and group labels) exists before and after keeps its phase, so what was notified is not notified again and the
     * group stays on its rhythm; other groups start afresh (due {@code group_wait} after now, or at once for alerts
     * older than that, as Alertmanager does after a reload).
     */
    public synchronized void configure(RouteConfig config, Instant now) {
        tree = config.tree();
        // every resolution is reported, whatever the receivers' send_resolved: incidents close only when their group
        // says every alert resolved; whether a receiver is told is up to its notifiers
        policy = new GroupPolicy(config.timeIntervals(), config.inhibitRules(), receiver -> true);
        inhibitRules = config.inhibitRules();
        Map<GroupKey, AggregationGroup> old = new HashMap<>(groups);
        groups.clear();
        due.clear();
        sources.clear();
        for (Held h : held.values()) {
            h.groups.clear();
            for (Route r : tree.match(h.alert.labels())) {
                GroupKey key = new GroupKey(r.id(), r.groupLabels(h.alert.labels()));
                AggregationGroup g = groups.get(key);
                if (g == null) {
                    AggregationGroup before = old.get(key);
                    g = before == null
                            ? AggregationGroup.created(key, r, now)
                            : new AggregationGroup(key, r, Map.of(), before.createdAt(), before.phase());
                }
                put(key, groups.get(key), g.with(h.alert, now));
                h.groups.add(key);
            }
            trackSource(h.alert);
        }
        if (lastRun == null) {
            lastRun = now;
        }
    }

    /** Takes a batch of new or updated alerts (an update of a resolved alert carries its {@code endsAt}). */
    public void receive(List<Alert> alerts, Instant now) {
        long t0 = nanoTicker.getAsLong();
        synchronized (this) {
            for (Alert a : alerts) {
                receiveOne(a, now);
            }
        }
        receivePauses.record(nanoTicker.getAsLong() - t0);
    }

    private void receiveOne(Alert a, Instant now) {
        Held h = held.computeIfAbsent(a.labels(), k -> new Held());
        h.alert = a;
        h.updatedAt = now;
        for (Route r : tree.match(a.labels())) {
            GroupKey key = new GroupKey(r.id(), r.groupLabels(a.labels()));
            AggregationGroup before = groups.get(key);
            AggregationGroup g = before == null ? AggregationGroup.created(key, r, now) : before;
            put(key, before, g.with(a, now));
            if (!h.groups.contains(key)) {
                h.groups.add(key);
            }
        }
        trackSource(a);
    }

    /**
     * Looks at every group due at {@code now}, {@code maxGroupsPerPause} (500) at a time: the lock is released between
     * slices, so intake and the API wait at most one slice even when every group is due at once (after a restart or
     * a reload). The silences and the inhibition index are taken once per call, at its start. Returns how many
     * notifications were handed over.
     */
    public int runDue(Instant now) {
        long t0 = nanoTicker.getAsLong();
        Prepared p = prepare(now);
        long held = nanoTicker.getAsLong() - t0;
        int total = 0;
        int slicesLeft = p.slices();
        if (slicesLeft == 0) {
            runPauses.record(held);
        }
        while (slicesLeft > 0) {
            long t1 = nanoTicker.getAsLong();
            List<Notification> out;
            synchronized (this) {
                out = flushDue(p.active(), p.inhibition(), now);
                slicesLeft = due.headMap(now, true).isEmpty() ? 0 : slicesLeft - 1;
            }
            runPauses.record(nanoTicker.getAsLong() - t1 + held);
            held = 0;
            if (!out.isEmpty()) {
                notifications.accept(out);
                total += out.size();
            }
        }
        runTotals.record(nanoTicker.getAsLong() - t0);
        p.ending().forEach(reminders);
        return total;
    }

    /** What one {@link #runDue} call works with, taken once at its start. */
    private record Prepared(ActiveSilences active, Inhibition inhibition, List<SilenceEnding> ending, int slices) {}

    private synchronized Prepared prepare(Instant now) {
        Silences current = silences.get();
        unmuteEnded(current, now);
        List<SilenceEnding> ending = reminded.due(current, now);
        lastRun = now;
        if (due.headMap(now, true).isEmpty()) {
            // the indexes cost a pass over the silences and the inhibiting alerts: only when some group is due
            return new Prepared(ActiveSilences.NONE, Inhibition.NONE, ending, 0);
        }
        // every group at most once per call, even if a hand-made route had a zero group_interval
        int slices = groups.size() / maxGroupsPerPause + 1;
        return new Prepared(current.activeAt(now), policy.inhibition(sources.values(), now), ending, slices);
    }

    private List<Notification> flushDue(ActiveSilences active, Inhibition inhibition, Instant now) {
        var head = due.headMap(now, true);
        if (head.isEmpty()) {
            return List.of();
        }
        List<GroupKey> keys = new ArrayList<>();
        for (Set<GroupKey> at : head.values()) {
            for (GroupKey k : at) {
                keys.add(k);
                if (keys.size() == maxGroupsPerPause) {
                    break;
                }
            }
            if (keys.size() == maxGroupsPerPause) {
                break;
            }
        }
        List<Notification> out = new ArrayList<>();
        for (GroupKey key : keys) {
            AggregationGroup g = groups.get(key);
            GroupPolicy.Flushed f = policy.flush(g, inhibition, active, now);
            AggregationGroup after = f.after().orElse(null);
            for (Labels l : g.alerts().keySet()) {
                if (after == null || !after.alerts().containsKey(l)) {
                    forget(l, key);
                }
            }
            put(key, g, after);
            f.notification().ifPresent(out::add);
        }
        return out;
    }

    /** Groups holding a firing alert that a silence ended since the last run muted are due now. */
    private void unmuteEnded(Silences current, Instant now) {
        List<Silence> ended = current.endedBetween(lastRun, now);
        if (ended.isEmpty()) {
            return;
        }
        for (Held h : held.values()) {
            if (h.alert.resolved(now)) {
                continue;
            }
            for (Silence s : ended) {
                if (current.matches(s.id(), h.alert.labels())) {
                    for (GroupKey key : h.groups) {
                        AggregationGroup g = groups.get(key);
                        put(key, g, g.dueBy(now));
                    }
                    break;
                }
            }
        }
    }

    /**
     * When {@link #runDue} next has something to do: a group due, a silence ending (its alerts are told at once) or
     * a reminder due.
     */
    public synchronized Optional<Instant> nextDue() {
        Instant next = due.isEmpty() ? null : due.firstKey();
        for (Silence s : silences.get().all()) {
            if (!s.endsAt().isAfter(lastRun)) {
                continue;
            }
            next = min(next, s.endsAt());
            Optional<Instant> reminder = reminded.dueAt(s);
            if (reminder.isPresent()) {
                next = min(next, reminder.get());
            }
        }
        return Optional.ofNullable(next);
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    /** Replaces {@code before} (null: none) by {@code after} (null: removed) in the groups and the due index. */
    private void put(GroupKey key, AggregationGroup before, AggregationGroup after) {
        if (before != null) {
            Set<GroupKey> at = due.get(before.nextFlushAt());
            if (at != null && at.remove(key) && at.isEmpty()) {
                due.remove(before.nextFlushAt());
            }
        }
        if (after == null) {
            groups.remove(key);
            return;
        }
        groups.put(key, after);
        due.computeIfAbsent(after.nextFlushAt(), k -> new LinkedHashSet<>()).add(key);
    }

    private void forget(Labels labels, GroupKey key) {
        Held h = held.get(labels);
        if (h != null && h.groups.remove(key) && h.groups.isEmpty()) {
            held.remove(labels);
            sources.remove(labels);
        }
    }

    private void trackSource(Alert a) {
        for (InhibitRule r : inhibitRules) {
            if (r.source().matches(a.labels())) {
                sources.put(a.labels(), a);
                return;
            }
        }
        sources.remove(a.labels());
    }

    /** What the API shows: every alert held, its receivers, the silences and the alert muting it. */
    public List<RouteView.AlertView> alerts(Instant now) {
        return snapshot().alerts(silences.get(), now);
    }

    /** What {@code GET /api/v2/alerts/groups} shows: every group with its receiver and alerts. */
    public List<RouteView.GroupView> groups(Instant now) {
        return snapshot().groups(silences.get(), now);
    }

    /** A copy taken under the lock; silences and inhibition are worked out afterwards, without holding it. */
    private synchronized RouteView snapshot() {
        List<RouteView.Entry> entries = new ArrayList<>(held.size());
        for (Held h : held.values()) {
            List<String> receivers = new ArrayList<>();
            for (GroupKey k : h.groups) {
                String r = groups.get(k).route().receiver();
                if (!receivers.contains(r)) {
                    receivers.add(r);
                }
            }
            entries.add(new RouteView.Entry(h.alert, h.updatedAt, receivers));
        }
        return new RouteView(entries, List.copyOf(groups.values()), List.copyOf(sources.values()), policy);
    }

    /** How long {@link #runDue} held the lock, per slice of due groups: the pause intake and the API may see. */
    public PauseStats runPauses() {
        return runPauses;
    }

    /** How long each {@link #runDue} call took in all, its slices together. */
    public PauseStats runTotals() {
        return runTotals;
    }

    /** How many due groups one slice of {@link #runDue} looks at while holding the lock (default 500). */
    public void maxGroupsPerPause(int groups) {
        if (groups < 1) {
            throw new IllegalArgumentException("maxGroupsPerPause must be at least 1, got " + groups);
        }
        maxGroupsPerPause = groups;
    }

    /** How long {@link #receive} held the lock, per batch. */
    public PauseStats receivePauses() {
        return receivePauses;
    }

    /** The alert with these labels as last received, empty when routing does not hold it (never seen, or dropped). */
    public synchronized Optional<Alert> held(Labels labels) {
        Held h = held.get(labels);
        return h == null ? Optional.empty() : Optional.of(h.alert);
    }

    public synchronized int alertCount() {
        return held.size();
    }

    public synchronized int groupCount() {
        return groups.size();
    }
}
