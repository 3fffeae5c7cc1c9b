package dev.steward.core.incident;

import dev.steward.core.incident.IncidentState.Escalation;
import dev.steward.core.incident.IncidentState.Held;
import dev.steward.core.incident.IncidentState.Resolved;
import dev.steward.core.incident.IncidentState.Triggered;
import dev.steward.core.notify.MessageKind;
import dev.steward.core.oncall.EscalationPolicy;
import dev.steward.core.oncall.Target;
import dev.steward.core.rule.PromDuration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The transitions shared by notifications, ticks and commands: trigger, hold, escalate one step, resolve. */
final class Escalations {
    private Escalations() {}

    /** Triggers at level 0 of the first pass, paging level 0 and the route receiver, unless pages are held. */
    static void triggerOrHold(Change c, Optional<HoldCause> hold, String why, Instant now) {
        if (hold.isPresent()) {
            c.state(new Held(hold.get(), now, Optional.empty()));
            c.log(now, TimelineEntry.STEWARD, "held: " + hold.get().describe());
            return;
        }
        trigger(c, why, now);
    }

    static void trigger(Change c, String why, Instant now) {
        Incident incident = c.incident();
        EscalationPolicy policy = incident.escalationPolicy();
        List<Target> targets = new ArrayList<>(policy.levels().getFirst().targets());
        targets.add(new Target.Receiver(incident.receiver()));
        c.state(new Triggered(now, position(policy, 0, 0, now)));
        if (incident.response().isEmpty() && incident.severity().respondWithin().isPositive()) {
            c.set(c.incident()
                    .withResponse(Optional.of(
                            ResponseExpectation.due(now.plus(incident.severity().respondWithin())))));
        }
        c.log(now, TimelineEntry.STEWARD, why);
        c.page(MessageKind.TRIGGERED, targets, 0, why, now);
    }

    /** Pages the level after the one paged last, or level 0 of the next pass after the last level. */
    static void escalate(Change c, Triggered t, Instant now) {
        EscalationPolicy policy = c.incident().escalationPolicy();
        Escalation from = t.escalation();
        String waited = PromDuration.format(policy.levels().get(from.level()).escalateAfter());
        int level = from.level() + 1;
        int cycle = from.cycle();
        if (level >= policy.levels().size()) {
            level = 0;
            cycle++;
        }
        c.state(new Triggered(t.at(), position(policy, level, cycle, now)));
        String what = cycle == from.cycle()
                ? "escalated to level " + level + ": not acknowledged within " + waited
                : "repeat " + cycle + " of " + policy.repeat() + ": paging level 0 again, not acknowledged within "
                        + waited;
        c.log(now, TimelineEntry.STEWARD, what);
        c.page(MessageKind.ESCALATED, policy.levels().get(level).targets(), level, what, now);
    }

    /** Where escalation stands after paging {@code level} at {@code now}; no next step once the policy is exhausted. */
    static Escalation position(EscalationPolicy policy, int level, int cycle, Instant now) {
        boolean exhausted = level == policy.levels().size() - 1 && cycle >= policy.repeat();
        Optional<Instant> next = exhausted
                ? Optional.empty()
                : Optional.of(now.plus(policy.levels().get(level).escalateAfter()));
        return new Escalation(level, cycle, next);
    }

    /** Resolves and tells everyone ever paged; a by of {@link Resolved#AUTO} means every alert resolved. */
    static void resolve(Change c, String by, String what, Instant now) {
        c.state(new Resolved(now, by));
        c.incident().response().ifPresent(r -> c.set(c.incident().withResponse(Optional.of(r.respondedAt(now)))));
        c.log(now, by.equals(Resolved.AUTO) ? TimelineEntry.STEWARD : by, what);
        c.tellPaged(MessageKind.RESOLVED, what, now);
    }
}
