package dev.steward.core.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The gates of a deployment. Before: which conditions must hold to start. During: the analyses every step runs in
 * addition to its own (the service's health checks always count). After: how long the new version must stay healthy
 * (and pass {@code afterAnalysis}) before the deployment is done.
 */
public record Gates(
        Before before,
        List<String> during,
        Duration validation,
        Optional<String> afterAnalysis,
        Optional<CapacityGate> rollbackCapacity) {
    public static final Duration DEFAULT_VALIDATION = Duration.ofMinutes(5);

    public Gates {
        during = List.copyOf(during);
    }

    /** Gates without a rollback capacity check. */
    public Gates(Before before, List<String> during, Duration validation, Optional<String> afterAnalysis) {
        this(before, during, validation, afterAnalysis, Optional.empty());
    }

    /**
     * Before-gates: the checks of the service and its dependencies healthy, no open critical incident, no maintenance
     * window that freezes deployments, the previous environment passed.
     */
    public record Before(
            boolean checksHealthy, boolean noCriticalIncident, boolean notFrozen, boolean previousEnvironment) {
        public static final Before ALL = new Before(true, true, true, true);
    }
}
