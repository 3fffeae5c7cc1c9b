package dev.steward.core.incident;

import dev.steward.core.incident.IncidentState.Acknowledged;
import dev.steward.core.incident.IncidentState.Held;
import dev.steward.core.incident.IncidentState.Resolved;
import dev.steward.core.incident.IncidentState.Snoozed;
import dev.steward.core.incident.IncidentState.Triggered;
import dev.steward.core.notify.MessageKind;
import dev.steward.core.oncall.EscalationPolicy;
import dev.steward.core.oncall.OnCall;
import dev.steward.core.oncall.ServiceEscalation;
import dev.steward.core.oncall.Severity;
import dev.steward.core.oncall.Target;
import dev.steward.core.route.Alert;
import dev.steward.core.route.Notification;
import dev.steward.core.rule.PromDuration;
import dev.steward.core.series.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pure decider of incidents. A route group's first notification with firing alerts opens an incident, which pages
 * level 0 of its severity's escalation policy and the route's receiver (or is held, see {@link HoldOracle}); later
 * notifications add alerts (telling those already paged) and, once every alert resolved, resolve it. {@link #tick}
 * steps escalation (level {@code i + 1} after level {@code i}'s {@code escalateAfter} without an acknowledgement, then
 * the whole policy again up to {@code repeat} times), acknowledgement timeouts, snooze ends, holds and response
 * expectations; {@link #nextDue} says when it must run next. Operator commands are checked against {@link
 * IncidentCommand#legalIn}. Every call returns values: the incidents to save, their new timeline entries and the pages.
 *
 * <p>One policy per configuration: a reload makes a new one, and open incidents keep the severity and escalation
 * policy they opened with.
 *
 * @param severities by name (the value of the severity label)
 * @param escalationPolicies by name (as severities name them)
 * @param services a service's own choice of policy, which wins over the severity's (by service name)
 */
public record IncidentPolicy(
        IncidentSettings settings,
        Map<String, Severity> severities,
        Map<String, EscalationPolicy> escalationPolicies,
        Map<String, ServiceEscalation> services) {
    public IncidentPolicy {
        severities = Map.copyOf(severities);
        escalationPolicies = Map.copyOf(escalationPolicies);
        services = Map.copyOf(services);
    }

    public IncidentPolicy(
            IncidentSettings settings, Map<String, Severity> severities, Map<String, EscalationPolicy> policies) {
        this(settings, severities, policies, Map.of());
    }

    /** The policy of the on-call configuration (its default severity, when it names one, wins over the settings'). */
    public static IncidentPolicy of(IncidentSettings settings, OnCall oncall) {
        IncidentSettings s = oncall.defaultSeverity()
                .map(d -> new IncidentSettings(
                        settings.ackTimeout(), settings.settle(), settings.serviceLabel(), settings.severityLabel(), d))
                .orElse(settings);
        return new IncidentPolicy(s, oncall.severities(), oncall.policies(), oncall.services());
    }

    /**
     * Opens, updates or resolves the incident of the notification's group. The notification's firing list is taken as
     * the group's whole firing set (as {@link dev.steward.core.route.GroupPolicy} sends it), so an alert it no longer
     * lists is resolved. Feed it from a group policy that sends resolved alerts: a group whose receiver does not want
     * them notifies nothing when its last alert resolves, and its incident would stay open.
     */
    public IncidentStep onNotification(Notification n, IncidentContext context, Instant now) {
        Optional<Incident> open = context.open().stream()
                .filter(i -> i.isOpen()
                        && i.group().equals(n.group())
                        && i.receiver().equals(n.receiver()))
                .findFirst();
        if (open.isPresent()) {
            return update(open.get(), n, now);
        }
        if (n.firing().isEmpty()) {
            return IncidentStep.NOTHING;
        }
        return open(n, context, now);
    }

    private IncidentStep open(Notification n, IncidentContext context, Instant now) {
        Labels first = n.firing().getFirst().labels();
        String service = label(n.groupLabels(), first, settings.serviceLabel());
        String severityName = label(n.groupLabels(), first, settings.severityLabel());
        Severity severity = severity(severityName.isEmpty() ? settings.defaultSeverity() : severityName);
        String policyName = Optional.ofNullable(services.get(service))
                .flatMap(e -> e.policyFor(severity.name()))
                .orElse(severity.escalationPolicy());
        EscalationPolicy policy = escalationPolicies.getOrDefault(policyName, receiverOnly());
        String alertname = label(n.groupLabels(), first, "alertname");
        String title = (alertname.isEmpty() ? n.receiver() : alertname) + (service.isEmpty() ? "" : " on " + service);
        Optional<HoldCause> hold = context.holds().holdFor(service, now);
        IncidentState initial = hold.<IncidentState>map(h -> new Held(h, now, Optional.empty()))
                .orElseGet(() -> new Triggered(now, Escalations.position(policy, 0, 0, now)));
        Incident incident = new Incident(
                context.newId().get(),
                n.group(),
                n.receiver(),
                title,
                service,
                severity,
                policy,
                merge(List.of(), n),
                initial,
                now,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of());
        Change c = Change.opening(incident);
        c.log(now, TimelineEntry.STEWARD, "opened: " + describe(n.firing()) + " firing");
        Escalations.triggerOrHold(c, hold, "triggered: paging level 0 and " + n.receiver(), now);
        return c.step();
    }

    private IncidentStep update(Incident incident, Notification n, Instant now) {
        Change c = new Change(incident);
        c.set(incident.withAlerts(merge(incident.alerts(), n)));
        if (n.firing().isEmpty()) {
            Escalations.resolve(c, Resolved.AUTO, "resolved: every alert resolved", now);
            return c.step();
        }
        List<Alert> joined = difference(n.firing(), incident.firing(now));
        List<Alert> ended = difference(incident.firing(now), n.firing());
        if (!ended.isEmpty()) {
            c.log(
                    now,
                    TimelineEntry.STEWARD,
                    describe(ended) + " resolved (" + n.firing().size() + " firing)");
        }
        if (!joined.isEmpty()) {
            String what = describe(joined) + " joined (" + n.firing().size() + " firing)";
            c.log(now, TimelineEntry.STEWARD, what);
            if (incident.state() instanceof Triggered || incident.state() instanceof Acknowledged) {
                c.tellPaged(MessageKind.TRIGGERED, what, now);
            }
        }
        return c.step();
    }

    /** The alerts of {@code from} whose labels are not among those of {@code other}. */
    private static List<Alert> difference(List<Alert> from, List<Alert> other) {
        return from.stream()
                .filter(a -> other.stream().noneMatch(o -> o.labels().equals(a.labels())))
                .toList();
    }

    /**
     * The alerts after {@code n}: its firing ones fire (their {@code endsAt} cleared: the notification is the
     * truth), its resolved ones and those it no longer lists as firing are resolved.
     */
    private static List<Alert> merge(List<Alert> before, Notification n) {
        Map<Labels, Alert> byLabels = new TreeMap<>();
        for (Alert a : before) {
            byLabels.put(a.labels(), a.endsAt().isPresent() ? a : a.resolvedAt(n.at()));
        }
        for (Alert a : n.resolved()) {
            byLabels.put(a.labels(), a.resolvedAt(a.endsAt().orElse(n.at())));
        }
        for (Alert a : n.firing()) {
            byLabels.put(a.labels(), new Alert(a.labels(), a.startsAt(), Optional.empty(), a.annotations()));
        }
        return List.copyOf(byLabels.values());
    }

    /** Steps every open incident that is due at {@code now}, asking {@code holds} about held and paging ones. */
    public IncidentStep tick(Collection<Incident> incidents, HoldOracle holds, Instant now) {
        List<Change> changes = new ArrayList<>();
        for (Incident incident : incidents) {
            if (incident.isOpen()) {
                changes.add(advance(incident, holds, now));
            }
        }
        return Change.merge(changes);
    }

    private Change advance(Incident incident, HoldOracle holds, Instant now) {
        Change c = new Change(incident);
        switch (incident.state()) {
            case Held h -> Holds.step(c, h, holds.holdFor(incident.service(), now), settings.settle(), now);
            case Triggered t -> {
                Optional<HoldCause> hold = holds.holdFor(incident.service(), now);
                if (hold.isPresent()) {
                    c.state(new Held(hold.get(), now, Optional.empty()));
                    c.log(now, TimelineEntry.STEWARD, "held: " + hold.get().describe() + "; escalation paused");
                } else if (due(t.escalation().nextAt(), now)) {
                    Escalations.escalate(c, t, now);
                }
            }
            case Acknowledged a -> {
                if (!a.ackTimeoutAt().isAfter(now)) {
                    String why = "re-triggered: not resolved within "
                            + PromDuration.format(Duration.between(a.at(), a.ackTimeoutAt())) + " of acknowledgement";
                    Escalations.triggerOrHold(c, holds.holdFor(incident.service(), now), why, now);
                }
            }
            case Snoozed s -> {
                if (due(s.until(), now)) {
                    Escalations.triggerOrHold(
                            c, holds.holdFor(incident.service(), now), "re-triggered: snooze ended, still firing", now);
                }
            }
            case Resolved r -> {}
        }
        checkResponse(c, now);
        return c;
    }

    private static void checkResponse(Change c, Instant now) {
        Optional<ResponseExpectation> response = c.incident().response();
        if (response.isPresent() && c.incident().isOpen() && due(response.get().pendingAt(), now)) {
            c.set(c.incident().withResponse(Optional.of(response.get().markMissed())));
            c.log(
                    now,
                    TimelineEntry.STEWARD,
                    "response missed: nobody responded within "
                            + PromDuration.format(c.incident().severity().respondWithin()) + " ("
                            + c.incident().severity().name() + ")");
        }
    }

    /** The earliest instant at which {@link #tick} has something to do; empty when only a hold change can matter. */
    public static Optional<Instant> nextDue(Collection<Incident> incidents) {
        Optional<Instant> next = Optional.empty();
        for (Incident i : incidents) {
            Optional<Instant> own = switch (i.state()) {
                case Held h -> h.settleUntil();
                case Triggered t -> t.escalation().nextAt();
                case Acknowledged a -> Optional.of(a.ackTimeoutAt());
                case Snoozed s -> s.until();
                case Resolved r -> Optional.empty();
            };
            if (i.isOpen()) {
                next = earliest(next, own);
                next = earliest(next, i.response().flatMap(ResponseExpectation::pendingAt));
            }
        }
        return next;
    }

    public CommandOutcome acknowledge(Incident incident, String by, Instant now) {
        return OperatorCommands.acknowledge(incident, by, settings.ackTimeout(), now);
    }

    public CommandOutcome resolve(Incident incident, String by, Instant now) {
        return OperatorCommands.resolve(incident, by, now);
    }

    /** Snoozes until {@code until}, or until the incident resolves when {@code until} is empty. */
    public CommandOutcome snooze(Incident incident, Optional<Instant> until, String by, Instant now) {
        return OperatorCommands.snooze(incident, until, by, now);
    }

    public CommandOutcome note(Incident incident, String text, String by, Instant now) {
        return OperatorCommands.note(incident, text, by, now);
    }

    public CommandOutcome reassign(Incident incident, Target to, String by, Instant now) {
        return OperatorCommands.reassign(incident, to, by, now);
    }

    private Severity severity(String name) {
        Severity s = severities.get(name);
        if (s == null) {
            s = severities.get(settings.defaultSeverity());
        }
        return s != null ? s : new Severity(name, Duration.ZERO, "");
    }

    /** For a severity without a policy: one level with nobody but the route receiver, never repeated. */
    private static EscalationPolicy receiverOnly() {
        return new EscalationPolicy("receiver-only", List.of(new EscalationPolicy.Level(Duration.ZERO, List.of())), 0);
    }

    private static String label(Labels group, Labels alert, String name) {
        String v = group.get(name);
        if (v == null) {
            v = alert.get(name);
        }
        return v == null ? "" : v;
    }

    private static String describe(List<Alert> alerts) {
        List<String> names = new ArrayList<>();
        for (Alert a : alerts) {
            String name = a.labels().get("alertname");
            names.add(name == null ? a.labels().toString() : name);
        }
        return alerts.size() == 1 ? "1 alert (" + names.getFirst() + ")" : alerts.size() + " alerts " + names;
    }

    static boolean due(Optional<Instant> at, Instant now) {
        return at.isPresent() && !at.get().isAfter(now);
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().isBefore(b.get()) ? a : b;
    }
}
