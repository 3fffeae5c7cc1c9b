package dev.steward.core.deploy;

/** An operator command's outcome: applied, or rejected with a reason the API returns as is. */
public sealed interface CommandOutcome {
    record Applied(DeploymentStep step) implements CommandOutcome {}

    record Rejected(String deploymentId, Trigger command, StateKind state, String reason) implements CommandOutcome {}
}
