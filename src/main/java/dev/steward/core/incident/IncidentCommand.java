package dev.steward.core.incident;

import dev.steward.core.incident.IncidentState.Acknowledged;
import dev.steward.core.incident.IncidentState.Held;
import dev.steward.core.incident.IncidentState.Resolved;
import dev.steward.core.incident.IncidentState.Snoozed;
import dev.steward.core.incident.IncidentState.Triggered;
import java.util.EnumSet;
import java.util.Set;

/** What an operator can do to an incident, and the table of states each command is legal in. */
public enum IncidentCommand {
    ACKNOWLEDGE,
    RESOLVE,
    SNOOZE,
    NOTE,
    REASSIGN;

    /**
     * The legal-transition table. Acknowledging a held incident is refused (nobody was paged, there is nothing to
     * take); notes are welcome on a resolved incident (the postmortem), every other command is not.
     */
    public static Set<IncidentCommand> legalIn(IncidentState state) {
        return switch (state) {
            case Held h -> EnumSet.of(RESOLVE, NOTE, REASSIGN);
            case Triggered t -> EnumSet.of(ACKNOWLEDGE, RESOLVE, SNOOZE, NOTE, REASSIGN);
            case Acknowledged a -> EnumSet.of(RESOLVE, SNOOZE, NOTE, REASSIGN);
            case Snoozed s -> EnumSet.of(ACKNOWLEDGE, RESOLVE, SNOOZE, NOTE, REASSIGN);
            case Resolved r -> EnumSet.of(NOTE);
        };
    }

    public String verb() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
