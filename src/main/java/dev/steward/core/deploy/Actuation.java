package dev.steward.core.deploy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** One thing a deployment asks its provider to do, and what came of it. */
public record Actuation(
        Action action,
        String service,
        String environment,
        String version,
        String stableVersion,
        int weightPercent,
        int replicas,
        int step,
        Map<String, String> labels) {
    public enum Action {
        DEPLOY,
        SET_WEIGHT,
        SCALE_CANARY,
        SWITCH,
        PROMOTE,
        ROLLBACK,
        CLEANUP
    }

    public sealed interface Result {
        record Applied(Duration took, String output) implements Result {}

        record Failed(String reason, boolean retryable, String output, Optional<Integer> exitCode) implements Result {}
    }
}
