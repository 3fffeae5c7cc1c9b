package dev.steward.core.deploy;

import java.time.Duration;
import java.util.List;

/** How a new version replaces the stable one. */
public sealed interface Strategy {
    /** Replace the instances in {@code batches} batches, holding {@code pause} after each. */
    record Rolling(int batches, Duration pause) implements Strategy {}

    /**
     * Start the new version (green) beside the stable one (blue), judge it, switch all traffic, and keep blue running
     * for {@code keepWarm} after success so a late rollback is a switch back.
     */
    record BlueGreen(Duration keepWarm) implements Strategy {}

    /** Move traffic or replicas to the new version step by step. */
    record Canary(List<CanaryStep> steps) implements Strategy {
        public Canary {
            steps = List.copyOf(steps);
        }
    }
}
