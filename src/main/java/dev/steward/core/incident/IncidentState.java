package dev.steward.core.incident;

import java.time.Instant;
import java.util.Optional;

/**
 * Where an incident is in its lifecycle. Each state carries only what is valid in it; transitions are in {@link
 * IncidentPolicy}, legal operator commands in {@link IncidentCommand#legalIn}.
 */
public sealed interface IncidentState {
    /**
     * Pages are held ({@code cause}): nobody was paged for this incident since {@code since}. {@code settleUntil} is
     * set once a dependency hold lifted: the incident pages at that instant if it still fires.
     */
    record Held(HoldCause cause, Instant since, Optional<Instant> settleUntil) implements IncidentState {}

    /** Paging: {@code escalation} says which level was paged last and when the next one is due. */
    record Triggered(Instant at, Escalation escalation) implements IncidentState {}

    /** Someone took it; if it is not resolved by {@code ackTimeoutAt} it triggers again from level 0. */
    record Acknowledged(Instant at, String by, Instant ackTimeoutAt) implements IncidentState {}

    /** Quiet until {@code until}, or until it resolves when {@code until} is empty. */
    record Snoozed(Instant at, String by, Optional<Instant> until) implements IncidentState {}

    /** Over; {@code by} is a user, or {@link #AUTO} when every alert resolved. Terminal. */
    record Resolved(Instant at, String by) implements IncidentState {
        public static final String AUTO = "auto";
    }

    /**
     * The escalation position: {@code level} of the frozen policy was paged last, in repeat {@code cycle} (0 the first
     * pass); {@code nextAt} is when the next level is paged, empty once the policy is exhausted.
     */
    record Escalation(int level, int cycle, Optional<Instant> nextAt) {}

    /** The state's name in the API, the store and filters: held, triggered, acknowledged, snoozed, resolved. */
    public static String nameOf(IncidentState state) {
        return switch (state) {
            case Held h -> "held";
            case Triggered t -> "triggered";
            case Acknowledged a -> "acknowledged";
            case Snoozed s -> "snoozed";
            case Resolved r -> "resolved";
        };
    }
}
