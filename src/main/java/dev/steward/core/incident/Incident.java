package dev.steward.core.incident;

import dev.steward.core.oncall.EscalationPolicy;
import dev.steward.core.oncall.Severity;
import dev.steward.core.oncall.Target;
import dev.steward.core.route.Alert;
import dev.steward.core.route.GroupKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * One incident: a route group's firing alerts from the first notification until they all resolve (or an operator
 * resolves it). The severity and escalation policy are copies frozen when it opened, so a reload never changes whom an
 * open incident pages.
 *
 * @param id given by the caller (a UUID or ULID), never made up by the core
 * @param group the route group it belongs to; with {@code receiver}, at most one open incident per group
 * @param receiver the route's receiver: paged with level 0 and told of every later change
 * @param service the {@code service} label of the group (or of its first alert), empty when none
 * @param alerts every alert the incident has seen, by labels, with annotations; resolved ones have {@code endsAt}
 * @param response when someone must respond by (the severity's {@code respond_within}), once it paged
 * @param paged every target ever paged, in order: they all get the RESOLVED message
 * @param timeline every event, oldest first; append-only
 */
public record Incident(
        String id,
        GroupKey group,
        String receiver,
        String title,
        String service,
        Severity severity,
        EscalationPolicy escalationPolicy,
        List<Alert> alerts,
        IncidentState state,
        Instant openedAt,
        Optional<ResponseExpectation> response,
        Optional<Target> assignee,
        List<Note> notes,
        List<Target> paged,
        List<TimelineEntry> timeline) {
    public Incident {
        alerts = List.copyOf(alerts);
        notes = List.copyOf(notes);
        paged = List.copyOf(new LinkedHashSet<>(paged));
        timeline = List.copyOf(timeline);
    }

    public boolean isOpen() {
        return !(state instanceof IncidentState.Resolved);
    }

    /** The alerts still firing at {@code now}. */
    public List<Alert> firing(Instant now) {
        return alerts.stream().filter(a -> !a.resolved(now)).toList();
    }

    public String stateName() {
        return IncidentState.nameOf(state);
    }

    public Optional<Instant> resolvedAt() {
        return state instanceof IncidentState.Resolved r ? Optional.of(r.at()) : Optional.empty();
    }

    public Incident withState(IncidentState next) {
        return new Incident(
                id,
                group,
                receiver,
                title,
                service,
                severity,
                escalationPolicy,
                alerts,
                next,
                openedAt,
                response,
                assignee,
                notes,
                paged,
                timeline);
    }

    public Incident withAlerts(List<Alert> next) {
        return new Incident(
                id,
                group,
                receiver,
                title,
                service,
                severity,
                escalationPolicy,
                next,
                state,
                openedAt,
                response,
                assignee,
                notes,
                paged,
                timeline);
    }

    public Incident withResponse(Optional<ResponseExpectation> next) {
        return new Incident(
                id,
                group,
                receiver,
                title,
                service,
                severity,
                escalationPolicy,
                alerts,
                state,
                openedAt,
                next,
                assignee,
                notes,
                paged,
                timeline);
    }

    public Incident withAssignee(Target next) {
        return new Incident(
                id,
                group,
                receiver,
                title,
                service,
                severity,
                escalationPolicy,
                alerts,
                state,
                openedAt,
                response,
                Optional.of(next),
                notes,
                paged,
                timeline);
    }

    public Incident withNote(Note note) {
        List<Note> next = new ArrayList<>(notes);
        next.add(note);
        return new Incident(
                id,
                group,
                receiver,
                title,
                service,
                severity,
                escalationPolicy,
                alerts,
                state,
                openedAt,
                response,
                assignee,
                next,
                paged,
                timeline);
    }

    public Incident withPaged(List<Target> targets) {
        List<Target> next = new ArrayList<>(paged);
        next.addAll(targets);
        return new Incident(
                id,
                group,
                receiver,
                title,
                service,
                severity,
                escalationPolicy,
                alerts,
                state,
                openedAt,
                response,
                assignee,
                notes,
                next,
                timeline);
    }

    public Incident withEntry(TimelineEntry entry) {
        List<TimelineEntry> next = new ArrayList<>(timeline);
        next.add(entry);
        return withTimeline(next);
    }

    /** The same incident with another timeline: stores keep the timeline in rows of its own. */
    public Incident withTimeline(List<TimelineEntry> next) {
        return new Incident(
                id,
                group,
                receiver,
                title,
                service,
                severity,
                escalationPolicy,
                alerts,
                state,
                openedAt,
                response,
                assignee,
                notes,
                paged,
                next);
    }
}
