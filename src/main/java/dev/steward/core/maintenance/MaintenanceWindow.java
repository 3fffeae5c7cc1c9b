package dev.steward.core.maintenance;

import java.time.Instant;
import java.util.Optional;

/**
 * A planned (or emergency) maintenance window. Whether it is open is derived from its schedule and the time, never
 * stored; only {@code endedAt}, set when an operator ends it early, changes after creation.
 *
 * @param origin where it was declared: the stack file's windows are read-only through the API
 * @param emergency created with less notice than the calendar requires; then {@code declaredBy} and {@code reason}
 *     say who declared it and why
 * @param endedAt when an operator ended it early: the open occurrence closes then and no later one opens
 */
public record MaintenanceWindow(
        String id,
        String title,
        Schedule schedule,
        Scope scope,
        boolean freezeDeployments,
        boolean emergency,
        String declaredBy,
        String reason,
        Origin origin,
        Instant createdAt,
        Optional<Instant> endedAt) {

    public enum Origin {
        STACK_FILE,
        API
    }

    public boolean readOnly() {
        return origin == Origin.STACK_FILE;
    }

    public MaintenanceWindow endedAt(Instant at) {
        return new MaintenanceWindow(
                id,
                title,
                schedule,
                scope,
                freezeDeployments,
                emergency,
                declaredBy,
                reason,
                origin,
                createdAt,
                Optional.of(at));
    }
}
