package dev.steward.statuspage;

import dev.steward.core.statuspage.ComponentStatus;
import dev.steward.core.statuspage.DailyUptime;
import dev.steward.core.statuspage.PublicIncident;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Everything the public page shows, as of {@code generatedAt}: rendered as HTML by {@code status/page.jte} and as
 * JSON by {@link StatusPageApi}. Holds only public things: no drafts, no proposals, no names of who wrote updates.
 *
 * @param open published incidents not yet resolved, oldest first
 * @param maintenance maintenance in progress or starting within {@link PageModels#MAINTENANCE_AHEAD}, soonest first
 * @param past incidents resolved within {@link PageModels#PAST}, newest first
 */
public record PageModel(
        String title,
        String description,
        Instant generatedAt,
        ComponentStatus overall,
        List<Group> groups,
        List<PublicIncident> open,
        List<Maintenance> maintenance,
        List<PublicIncident> past) {

    public record Group(String name, ComponentStatus status, List<Component> components) {}

    /** @param uptime over the days with data, empty when none has */
    public record Component(
            String name,
            String description,
            ComponentStatus status,
            List<DailyUptime.Day> days,
            OptionalDouble uptime) {}

    public record Maintenance(String title, Instant start, Instant end, List<String> components, boolean active) {}

    /** The banner's words: "All systems operational", else the worst status ("Partial outage"). */
    public String banner() {
        return overall == ComponentStatus.OPERATIONAL ? "All systems operational" : overall.text();
    }
}
