package dev.steward.core.probe;

import dev.steward.core.config.ProbeSpec;
import java.time.Duration;

/**
 * Runs one probe of a given type against a real target. Implementations live in {@code dev.steward.probe.*}; they
 * never throw for a failing target (that is a {@link ProbeObservation} with a {@link Failure}) and return within
 * {@code timeout} plus a small margin, whatever the target does.
 */
public interface Prober<S extends ProbeSpec> {

    ProbeObservation probe(S spec, Duration timeout);
}
