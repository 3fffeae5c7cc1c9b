package dev.steward.core.deploy;

/**
 * One step of a plan: the actuation to issue ({@code action} with {@code weight} percent of the traffic or {@code
 * replicas} canary instances), how long to hold, the analysis judging it (its templates combined, health checks
 * always count), and whether it cannot be undone.
 */
public record PlanStep(
        Actuation.Action action,
        int weight,
        int replicas,
        Pause pause,
        AnalysisTemplate analysis,
        boolean irreversible) {}
