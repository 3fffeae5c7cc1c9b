package dev.steward.core.check;

import dev.steward.core.expect.Observation;
import dev.steward.core.probe.ComponentStatus;
import dev.steward.core.probe.Failure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The judged outcome of one probe run: it passed, or it failed with a reason. */
public sealed interface ProbeResult {
    Instant at();

    Duration latency();

    Observation observation();

    List<ComponentStatus> components();

    default boolean success() {
        return this instanceof Passed;
    }

    record Passed(Instant at, Duration latency, Observation observation, List<ComponentStatus> components)
            implements ProbeResult {}

    record Failed(
            Instant at, Duration latency, Observation observation, List<ComponentStatus> components, Failure failure)
            implements ProbeResult {}
}
