package dev.steward.core.incident;

import java.util.List;

/**
 * What a call of {@link IncidentPolicy} decided: the incidents it opened or changed (to save before the pages go to
 * the outbox), the timeline entries it added, and the pages to send.
 */
public record IncidentStep(List<Incident> incidents, List<IncidentEvent> events, List<Page> pages) {
    public static final IncidentStep NOTHING = new IncidentStep(List.of(), List.of(), List.of());

    public IncidentStep {
        incidents = List.copyOf(incidents);
        events = List.copyOf(events);
        pages = List.copyOf(pages);
    }

    public boolean isEmpty() {
        return incidents.isEmpty() && events.isEmpty() && pages.isEmpty();
    }
}
