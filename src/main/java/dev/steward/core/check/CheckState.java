package dev.steward.core.check;

import dev.steward.core.probe.Failure;
import java.time.Instant;
import java.util.Optional;

/**
 * The confirmed state of a check. Each state carries only what is valid in it: the consecutive results that are
 * being confirmed and, for DOWN, the failure that made it so.
 */
public sealed interface CheckState {

    CheckStatus status();

    /** No confirmed result yet; {@code failures} consecutive failures are being confirmed. */
    record Unknown(int failures, Optional<Failure> lastFailure) implements CheckState {
        public static final Unknown INITIAL = new Unknown(0, Optional.empty());

        public CheckStatus status() {
            return CheckStatus.UNKNOWN;
        }
    }

    /** Up since {@code since}; {@code failures} consecutive failures are being confirmed (0 when all is well). */
    record Up(Instant since, int failures, Optional<Failure> lastFailure) implements CheckState {
        public CheckStatus status() {
            return CheckStatus.UP;
        }
    }

    /** Down since {@code since} because of {@code cause} (the latest failure); {@code successes} being confirmed. */
    record Down(Instant since, Failure cause, int successes) implements CheckState {
        public CheckStatus status() {
            return CheckStatus.DOWN;
        }
    }

    /** Whether the state is waiting for more results to confirm a change, so the next probe comes sooner. */
    default boolean confirming() {
        return switch (this) {
            case Unknown u -> u.failures() > 0;
            case Up u -> u.failures() > 0;
            case Down d -> d.successes() > 0;
        };
    }
}
