package dev.steward.core.deploy;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a deployment's timeline: at {@code at}, {@code actor} (a user or {@link Deployment#STEWARD}) caused
 * {@code trigger}, moving it {@code from} one state {@code to} another, for {@code reason}, with the measurements
 * behind it; {@code page} asks for a human.
 */
public record DeploymentEvent(
        Instant at,
        String actor,
        Trigger trigger,
        StateKind from,
        StateKind to,
        String reason,
        List<Measurement> measurements,
        boolean page) {
    public DeploymentEvent {
        measurements = List.copyOf(measurements);
    }
}
