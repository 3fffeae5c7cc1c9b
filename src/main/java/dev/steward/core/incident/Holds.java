package dev.steward.core.incident;

import dev.steward.core.incident.IncidentState.Held;
import dev.steward.core.rule.PromDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A held incident at a tick. A maintenance hold pages as soon as it ends (the alert was expected to wait for it); a
 * dependency hold first gives the service {@code settle} to recover on its own after the dependency did, since most
 * alerts of a service whose database was down clear shortly after the database is back.
 */
final class Holds {
    private Holds() {}

    static void step(Change c, Held held, Optional<HoldCause> current, Duration settle, Instant now) {
        if (current.isPresent()) {
            stillHeld(c, held, current.get(), now);
            return;
        }
        switch (held.cause()) {
            case HoldCause.Maintenance m ->
                Escalations.trigger(c, "triggered: " + m.describe() + " ended, still firing", now);
            case HoldCause.DependencyDown d -> lifted(c, held, d, settle, now);
        }
    }

    private static void stillHeld(Change c, Held held, HoldCause cause, Instant now) {
        if (held.settleUntil().isPresent()) {
            c.state(new Held(cause, held.since(), Optional.empty()));
            c.log(now, TimelineEntry.STEWARD, "held again: " + cause.describe());
        } else if (!cause.equals(held.cause())) {
            c.state(new Held(cause, held.since(), Optional.empty()));
            c.log(now, TimelineEntry.STEWARD, "held: " + cause.describe());
        }
    }

    private static void lifted(Change c, Held held, HoldCause.DependencyDown d, Duration settle, Instant now) {
        if (held.settleUntil().isEmpty() && settle.isPositive()) {
            c.state(new Held(d, held.since(), Optional.of(now.plus(settle))));
            c.log(
                    now,
                    TimelineEntry.STEWARD,
                    "hold lifted: " + d.dependency() + " recovered; paging in " + PromDuration.format(settle)
                            + " if still firing");
        } else if (IncidentPolicy.due(held.settleUntil(), now) || !settle.isPositive()) {
            Escalations.trigger(
                    c,
                    "triggered: still firing " + PromDuration.format(settle) + " after " + d.dependency()
                            + " recovered",
                    now);
        }
    }
}
