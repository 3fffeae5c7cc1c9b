package dev.steward.core.incident;

import dev.steward.core.notify.MessageKind;
import dev.steward.core.oncall.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One incident being changed by one call: the incident so far, and the entries and pages the call produced. */
final class Change {
    private final Incident before;
    private Incident incident;
    private final List<IncidentEvent> events = new ArrayList<>();
    private final List<Page> pages = new ArrayList<>();

    Change(Incident incident) {
        this(incident, incident);
    }

    private Change(Incident before, Incident incident) {
        this.before = before;
        this.incident = incident;
    }

    /** A change of an incident that did not exist before the call. */
    static Change opening(Incident incident) {
        return new Change(null, incident);
    }

    Incident incident() {
        return incident;
    }

    void set(Incident next) {
        incident = next;
    }

    void state(IncidentState next) {
        incident = incident.withState(next);
    }

    void log(Instant at, String actor, String what) {
        TimelineEntry entry = new TimelineEntry(at, actor, what);
        incident = incident.withEntry(entry);
        events.add(new IncidentEvent(incident.id(), entry));
    }

    /** Pages {@code targets} (they join the incident's paged list); nothing when there are none. */
    void page(MessageKind kind, List<Target> targets, int level, String detail, Instant now) {
        if (targets.isEmpty()) {
            return;
        }
        incident = incident.withPaged(targets);
        pages.add(new Page(
                incident.id(),
                kind,
                targets,
                level,
                IncidentMessages.message(incident, kind, Optional.of(detail), now)));
    }

    /** Tells everyone paged so far; nothing when nobody was (a held incident that resolved stays silent). */
    void tellPaged(MessageKind kind, String detail, Instant now) {
        if (incident.paged().isEmpty()) {
            return;
        }
        pages.add(new Page(
                incident.id(),
                kind,
                incident.paged(),
                Page.EVERYONE_PAGED,
                IncidentMessages.message(incident, kind, Optional.of(detail), now)));
    }

    boolean changed() {
        return !incident.equals(before);
    }

    IncidentStep step() {
        return changed() ? new IncidentStep(List.of(incident), events, pages) : IncidentStep.NOTHING;
    }

    static IncidentStep merge(List<Change> changes) {
        List<Incident> incidents = new ArrayList<>();
        List<IncidentEvent> events = new ArrayList<>();
        List<Page> pages = new ArrayList<>();
        for (Change c : changes) {
            if (c.changed()) {
                incidents.add(c.incident);
                events.addAll(c.events);
                pages.addAll(c.pages);
            }
        }
        return new IncidentStep(incidents, events, pages);
    }
}
