package dev.steward.core.rule;

import dev.steward.core.rule.AlertEvent.AlertCancelled;
import dev.steward.core.rule.AlertEvent.AlertFired;
import dev.steward.core.rule.AlertEvent.AlertPending;
import dev.steward.core.rule.AlertEvent.AlertResolved;
import dev.steward.core.rule.AlertState.Firing;
import dev.steward.core.rule.AlertState.Pending;
import dev.steward.core.rule.AlertState.Resolved;
import dev.steward.core.series.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The alert state machine of one alerting rule, as Prometheus runs it: an element returned by the expression becomes a
 * pending alert; it fires once it has been returned for {@code for} (at once when {@code for} is zero); a pending alert
 * that is no longer returned is dropped; a firing one resolves, unless {@code keep_firing_for} has not elapsed since it
 * was last returned; a resolved alert is kept for {@link #RESOLVED_RETENTION} so its resolution can be notified, and a
 * new element with its labels starts a new alert. Steward's extensions: with {@code fire_after: M of N} a pending alert
 * fires only when it was returned by at least M of the last N evaluations and stays pending while any of them returned
 * it; with {@code resolve_when} a firing alert that is no longer returned resolves only once {@code resolve_when}
 * matches it (and {@code keep_firing_for}, if set, has elapsed).
 */
final class AlertTransitions {
    /** How long a resolved alert is kept (Prometheus's {@code resolvedRetention}). */
    static final Duration RESOLVED_RETENTION = Duration.ofMinutes(15);

    /** An alert as computed from one element of the latest result. */
    record Candidate(Labels labels, Labels seriesLabels, Map<String, String> annotations, double value) {}

    record Step(AlertingRuleState state, List<AlertEvent> events) {}

    private AlertTransitions() {}

    /**
     * The next state after an evaluation at {@code ts} returned {@code current}; {@code resolveAllows} answers whether
     * {@code resolve_when} lets a firing alert resolve (asked only when needed).
     */
    static Step advance(
            AlertingRule rule,
            AlertingRuleState previous,
            Map<Labels, Candidate> current,
            Instant ts,
            Predicate<Alert> resolveAllows) {
        Map<Labels, Long> history = history(rule.fireAfter(), previous.history(), current);
        Map<Labels, Alert> next = new LinkedHashMap<>();
        List<AlertEvent> events = new ArrayList<>();
        for (Alert a : previous.alerts().values()) {
            Candidate c = current.get(a.labels());
            if (c != null && a.isActive()) {
                next.put(a.labels(), new Alert(a.labels(), c.seriesLabels(), c.annotations(), c.value(), returned(a)));
            } else if (c == null) {
                absent(rule, a, ts, history, resolveAllows, events).ifPresent(kept -> next.put(kept.labels(), kept));
            }
        }
        for (Candidate c : current.values()) {
            next.computeIfAbsent(
                    c.labels(), l -> new Alert(l, c.seriesLabels(), c.annotations(), c.value(), new Pending(ts)));
        }
        for (Labels l : current.keySet()) {
            Alert before = previous.alerts().get(l);
            Alert after = hold(rule, next.get(l), ts, history);
            next.put(l, after);
            event(before == null || !before.isActive() ? null : before.state(), after, ts)
                    .ifPresent(events::add);
        }
        return new Step(new AlertingRuleState(next, history), events);
    }

    private static AlertState returned(Alert a) {
        return a.state() instanceof Firing f && f.keepFiringSince().isPresent()
                ? new Firing(f.activeAt(), f.firedAt(), Optional.empty())
                : a.state();
    }

    /** What becomes of an alert its expression no longer returns; empty when it is dropped. */
    private static Optional<Alert> absent(
            AlertingRule rule,
            Alert a,
            Instant ts,
            Map<Labels, Long> history,
            Predicate<Alert> resolveAllows,
            List<AlertEvent> events) {
        switch (a.state()) {
            case Pending p -> {
                if (rule.fireAfter().isPresent() && history.containsKey(a.labels())) {
                    return Optional.of(a);
                }
                events.add(new AlertCancelled(a.labels(), p.activeAt(), ts));
                return Optional.empty();
            }
            case Firing f -> {
                Instant since = f.keepFiringSince().orElse(ts);
                boolean keepFiring = Duration.between(since, ts).compareTo(rule.keepFiringFor()) < 0
                        || (rule.resolveWhen().isPresent() && !resolveAllows.test(a));
                if (keepFiring) {
                    return Optional.of(a.with(new Firing(f.activeAt(), f.firedAt(), Optional.of(since))));
                }
                events.add(new AlertResolved(a.labels(), a.annotations(), f.firedAt(), ts));
                return Optional.of(a.with(new Resolved(f.activeAt(), f.firedAt(), ts)));
            }
            case Resolved r -> {
                boolean expired = Duration.between(r.resolvedAt(), ts).compareTo(RESOLVED_RETENTION) > 0;
                return expired ? Optional.empty() : Optional.of(a);
            }
        }
    }

    /** Fires a pending alert whose {@code for} (and {@code fire_after}) is met; demotes one whose {@code for} grew. */
    private static Alert hold(AlertingRule rule, Alert a, Instant ts, Map<Labels, Long> history) {
        boolean held = Duration.between(a.state().activeAt(), ts).compareTo(rule.holdFor()) >= 0;
        if (a.state() instanceof Pending p && held && confirmed(rule.fireAfter(), history.get(a.labels()))) {
            return a.with(new Firing(p.activeAt(), ts, Optional.empty()));
        }
        if (a.state() instanceof Firing f && !held) {
            return a.with(new Pending(f.activeAt()));
        }
        return a;
    }

    private static Optional<AlertEvent> event(AlertState before, Alert after, Instant ts) {
        AlertState now = after.state();
        if (now instanceof Pending && !(before instanceof Pending)) {
            return Optional.of(new AlertPending(after.labels(), after.annotations(), after.value(), ts));
        }
        if (now instanceof Firing f && !(before instanceof Firing)) {
            return Optional.of(new AlertFired(after.labels(), after.annotations(), after.value(), f.activeAt(), ts));
        }
        return Optional.empty();
    }

    private static boolean confirmed(Optional<FireAfter> fireAfter, Long bits) {
        return fireAfter.isEmpty()
                || (bits != null && Long.bitCount(bits) >= fireAfter.get().m());
    }

    private static Map<Labels, Long> history(
            Optional<FireAfter> fireAfter, Map<Labels, Long> previous, Map<Labels, Candidate> current) {
        if (fireAfter.isEmpty()) {
            return Map.of();
        }
        int n = fireAfter.get().n();
        long mask = n == 64 ? -1L : (1L << n) - 1;
        Map<Labels, Long> out = new HashMap<>();
        previous.forEach((l, bits) -> out.put(l, (bits << 1) & mask));
        current.keySet().forEach(l -> out.merge(l, 1L, (a, b) -> a | b));
        out.values().removeIf(bits -> bits == 0);
        return out;
    }
}
