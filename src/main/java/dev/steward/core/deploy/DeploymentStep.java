package dev.steward.core.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one call of {@link DeploymentPolicy} decided: the deployment to save (its new events are at the end of its
 * timeline, and also in {@code events}), the actuations to issue after saving, in order, and when the policy wants to
 * be called again ({@code nextDueAt}, empty once terminal with nothing left to do).
 */
public record DeploymentStep(
        Deployment deployment, List<DeploymentEvent> events, List<Actuation> actuations, Optional<Instant> nextDueAt) {
    public DeploymentStep {
        events = List.copyOf(events);
        actuations = List.copyOf(actuations);
    }

    public boolean changed() {
        return !events.isEmpty();
    }

    /** The events that ask for a human. */
    public List<DeploymentEvent> pages() {
        return events.stream().filter(DeploymentEvent::page).toList();
    }
}
