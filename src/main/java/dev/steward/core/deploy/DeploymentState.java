package dev.steward.core.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a deployment is. Each state carries only what is valid in it; the legal moves between them are {@link
 * Transitions#TABLE}, published in {@code docs/deployments-transitions.md}.
 */
public sealed interface DeploymentState {
    /**
     * Waiting to start at {@code at}; {@code announceAt} is when its receivers are told that the start is near (empty
     * when they were told, or nobody is to be told).
     */
    record Scheduled(Instant at, Optional<Instant> announceAt) implements DeploymentState {
        public Scheduled {
            announceAt = announceAt == null ? Optional.empty() : announceAt;
        }
    }

    /** Evaluating the before-gates; {@code blockedBy} is why it cannot start yet (empty until a gate blocked). */
    record Checking(Instant since, Optional<String> blockedBy) implements DeploymentState {}

    /**
     * Carrying out step {@code step}: its actuation is to be issued ({@code issuedAt} empty) or was issued and its
     * outcome is awaited. {@code attempt} counts retries after retryable failures.
     */
    record Progressing(int step, Instant since, int attempt, Optional<Instant> issuedAt) implements DeploymentState {}

    /** Step {@code step} applied; its analysis runs and its pause runs out at {@code pauseUntil} (empty: promotion). */
    record Analysing(int step, Instant since, Optional<Instant> pauseUntil, AnalysisRun run)
            implements DeploymentState {}

    /** Held by {@code by} (a user, or {@link Deployment#STEWARD}) for {@code reason}; {@code at} says where it resumes. */
    record Paused(Resume at, int step, String reason, String by, Instant since) implements DeploymentState {}

    /** Every step applied; the new version must stay healthy and pass the validation analysis until {@code until}. */
    record Validating(Instant since, Instant until, AnalysisRun run) implements DeploymentState {}

    /** Done; the previous version is cleaned up at {@code cleanupAt} (empty when nothing is left to clean up). */
    record Succeeded(Instant at, Optional<Instant> cleanupAt) implements DeploymentState {}

    /**
     * Going back to the stable version because of {@code reason}: waiting for the stable version's capacity, then the
     * rollback is issued ({@code issuedAt}), applied ({@code appliedAt}) and verified by health checks.
     */
    record RollingBack(
            String reason,
            List<Measurement> measurements,
            Instant since,
            int attempt,
            Optional<Instant> issuedAt,
            Optional<Instant> appliedAt)
            implements DeploymentState {
        public RollingBack {
            measurements = List.copyOf(measurements);
        }
    }

    /** The stable version serves again, verified. Terminal. */
    record RolledBack(Instant at, String reason) implements DeploymentState {}

    /** A gate failed after an irreversible step: nothing moves until an operator decides. */
    record Frozen(int step, String reason, List<Measurement> measurements, Instant since) implements DeploymentState {
        public Frozen {
            measurements = List.copyOf(measurements);
        }
    }

    /** Stopped by {@code by}; the world is left as it is. Terminal. */
    record Aborted(Instant at, String by, String reason) implements DeploymentState {}

    /** Could not finish and could not roll back cleanly. Terminal; paged. */
    record Failed(Instant at, String reason) implements DeploymentState {}

    /** Where a paused deployment resumes. */
    enum Resume {
        CHECKING,
        STEP,
        ANALYSING,
        VALIDATING
    }

    static StateKind kindOf(DeploymentState state) {
        return switch (state) {
            case Scheduled s -> StateKind.SCHEDULED;
            case Checking c -> StateKind.CHECKING;
            case Progressing p -> StateKind.PROGRESSING;
            case Analysing a -> StateKind.ANALYSING;
            case Paused p -> StateKind.PAUSED;
            case Validating v -> StateKind.VALIDATING;
            case Succeeded s -> StateKind.SUCCEEDED;
            case RollingBack r -> StateKind.ROLLING_BACK;
            case RolledBack r -> StateKind.ROLLED_BACK;
            case Frozen f -> StateKind.FROZEN;
            case Aborted a -> StateKind.ABORTED;
            case Failed f -> StateKind.FAILED;
        };
    }
}
