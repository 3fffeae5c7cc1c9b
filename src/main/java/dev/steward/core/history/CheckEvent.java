package dev.steward.core.history;

import dev.steward.core.config.CheckId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One state transition of a check. States are given by their stable names (as the check state machine spells them,
 * for example {@code up}, {@code down}), so the history stays readable when the state machine changes.
 *
 * @param at when the transition happened, kept to the millisecond (finer precision is dropped on creation)
 * @param reason why, in words ({@code "3 failures in a row: connect: connection refused"}); may be empty
 */
public record CheckEvent(Instant at, CheckId check, String fromState, String toState, String reason) {

    public CheckEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(fromState, "fromState");
        Objects.requireNonNull(toState, "toState");
        Objects.requireNonNull(reason, "reason");
        at = at.truncatedTo(ChronoUnit.MILLIS);
    }
}
