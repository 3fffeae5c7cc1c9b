package dev.steward.core.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a deployment will do, fixed when it is created so that a configuration reload does not change a deployment in
 * flight: its steps, the before-gates, the validation window and its analysis, and how long after success the
 * previous version is kept (then cleaned up; {@code cleanup} false when the strategy leaves nothing behind).
 */
public record Plan(
        List<PlanStep> steps,
        Gates.Before before,
        Duration validation,
        AnalysisTemplate validationAnalysis,
        Duration keepWarm,
        boolean cleanup,
        Optional<CapacityGate> rollbackCapacity,
        String traffic) {
    /** How long after the rollback applied health checks must pass before it counts as verified... */
    public static final Duration ROLLBACK_SETTLE = Duration.ofSeconds(30);
    /** ...and by when: a rollback still unhealthy after this fails the deployment and pages. */
    public static final Duration ROLLBACK_DEADLINE = Duration.ofMinutes(5);
    /** Attempts of a step whose actuation failed with a retryable reason, before the step counts as failed. */
    public static final int MAX_ATTEMPTS = 3;

    public Plan(
            List<PlanStep> steps,
            Gates.Before before,
            Duration validation,
            AnalysisTemplate validationAnalysis,
            Duration keepWarm,
            boolean cleanup) {
        this(steps, before, validation, validationAnalysis, keepWarm, cleanup, Optional.empty(), "");
    }

    public Plan {
        traffic = traffic == null ? "" : traffic;
        rollbackCapacity = rollbackCapacity == null ? Optional.empty() : rollbackCapacity;
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one step");
        }
    }

    /** This plan, stating how the provider moves traffic ({@link Actuator#traffic}). */
    public Plan withTraffic(String how) {
        return new Plan(steps, before, validation, validationAnalysis, keepWarm, cleanup, rollbackCapacity, how);
    }

    public PlanStep step(int index) {
        return steps.get(index);
    }

    public boolean last(int index) {
        return index == steps.size() - 1;
    }

    /** Whether an irreversible step up to and including {@code index} has been carried out. */
    public boolean irreversibleThrough(int index) {
        for (int i = 0; i <= index && i < steps.size(); i++) {
            if (steps.get(i).irreversible()) {
                return true;
            }
        }
        return false;
    }
}
