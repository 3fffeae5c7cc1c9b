package dev.steward.core.incident;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether pages for a service must be held at an instant, and why. The composition root answers it from check states
 * (a {@code depends_on} target down) and the maintenance calendar; the core only asks. Recoveries are never held.
 */
@FunctionalInterface
public interface HoldOracle {
    /** Nothing is ever held. */
    HoldOracle NONE = (service, now) -> Optional.empty();

    Optional<HoldCause> holdFor(String service, Instant now);
}
