package dev.steward.core.incident;

import java.time.Instant;
import java.util.Optional;

/**
 * The severity's promise ({@code respond_within}): someone responds (acknowledges or resolves) by {@code by}. {@code
 * missed} is set, with a timeline entry, the first time a tick finds the promise broken.
 */
public record ResponseExpectation(Instant by, Optional<Instant> respondedAt, boolean missed) {
    public static ResponseExpectation due(Instant by) {
        return new ResponseExpectation(by, Optional.empty(), false);
    }

    public ResponseExpectation respondedAt(Instant at) {
        return respondedAt.isPresent() ? this : new ResponseExpectation(by, Optional.of(at), missed);
    }

    public ResponseExpectation markMissed() {
        return new ResponseExpectation(by, respondedAt, true);
    }

    /** When a tick must look at it again: at {@code by}, unless someone responded or it was already missed. */
    public Optional<Instant> pendingAt() {
        return respondedAt.isPresent() || missed ? Optional.empty() : Optional.of(by);
    }
}
