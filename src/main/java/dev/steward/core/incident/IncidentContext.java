package dev.steward.core.incident;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * What {@link IncidentPolicy#onNotification} needs besides the notification: the open incidents (to find the group's
 * one), the holds, and where the id of a new incident comes from (the caller's UUID or ULID source: the core never
 * makes one up).
 */
public record IncidentContext(Collection<Incident> open, HoldOracle holds, Supplier<String> newId) {
    public IncidentContext {
        open = List.copyOf(open);
    }
}
