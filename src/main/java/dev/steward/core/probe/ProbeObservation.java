package dev.steward.core.probe;

import dev.steward.core.expect.Observation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one probe run produced, before any {@code expect} condition is applied.
 *
 * @param latency time from the start of the probe to its answer (monotonic clock)
 * @param observation the facts the probe saw, for {@code expect} conditions and for series
 * @param failure present when the probe could not get an answer to judge (dns, connect, tls, timeout, protocol) or the
 *     answer is bad by the probe type's own rule when no {@code expect} is given (see {@code CheckJudge})
 * @param components sub-statuses of a health document; empty for other probes
 */
public record ProbeObservation(
        Duration latency, Observation observation, Optional<Failure> failure, List<ComponentStatus> components) {

    public static ProbeObservation failed(Duration latency, Failure failure) {
        return new ProbeObservation(latency, Observation.EMPTY, Optional.of(failure), List.of());
    }

    public static ProbeObservation answered(Duration latency, Observation observation) {
        return new ProbeObservation(latency, observation, Optional.empty(), List.of());
    }
}
