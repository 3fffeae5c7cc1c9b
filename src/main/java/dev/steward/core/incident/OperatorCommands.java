package dev.steward.core.incident;

import dev.steward.core.incident.IncidentState.Acknowledged;
import dev.steward.core.incident.IncidentState.Held;
import dev.steward.core.incident.IncidentState.Resolved;
import dev.steward.core.incident.IncidentState.Snoozed;
import dev.steward.core.incident.IncidentState.Triggered;
import dev.steward.core.notify.MessageKind;
import dev.steward.core.oncall.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The operator commands, each first checked against {@link IncidentCommand#legalIn}. */
final class OperatorCommands {
    private OperatorCommands() {}

    static CommandOutcome acknowledge(Incident incident, String by, Duration ackTimeout, Instant now) {
        return checked(incident, IncidentCommand.ACKNOWLEDGE).orElseGet(() -> {
            Change c = new Change(incident);
            c.state(new Acknowledged(now, by, now.plus(ackTimeout)));
            responded(c, now);
            c.log(now, by, "acknowledged by " + by);
            c.tellPaged(MessageKind.ACKNOWLEDGED, "acknowledged by " + by, now);
            return new CommandOutcome.Applied(c.step());
        });
    }

    static CommandOutcome resolve(Incident incident, String by, Instant now) {
        return checked(incident, IncidentCommand.RESOLVE).orElseGet(() -> {
            Change c = new Change(incident);
            Escalations.resolve(c, by, "resolved by " + by, now);
            return new CommandOutcome.Applied(c.step());
        });
    }

    static CommandOutcome snooze(Incident incident, Optional<Instant> until, String by, Instant now) {
        if (until.isPresent() && !until.get().isAfter(now)) {
            return rejected(
                    incident,
                    IncidentCommand.SNOOZE,
                    "cannot snooze incident " + incident.id() + " until " + until.get() + ": that is not after now ("
                            + now + ")");
        }
        return checked(incident, IncidentCommand.SNOOZE).orElseGet(() -> {
            Change c = new Change(incident);
            c.state(new Snoozed(now, by, until));
            responded(c, now);
            c.log(now, by, "snoozed until " + until.map(Instant::toString).orElse("resolved") + " by " + by);
            return new CommandOutcome.Applied(c.step());
        });
    }

    static CommandOutcome note(Incident incident, String text, String by, Instant now) {
        if (text.isBlank()) {
            return rejected(incident, IncidentCommand.NOTE, "cannot add an empty note to incident " + incident.id());
        }
        return checked(incident, IncidentCommand.NOTE).orElseGet(() -> {
            Change c = new Change(incident);
            c.set(incident.withNote(new Note(now, by, text)));
            c.log(now, by, "note: " + text);
            return new CommandOutcome.Applied(c.step());
        });
    }

    /** Assigns the incident and, unless pages are held, pages the new assignee (who joins those told of changes). */
    static CommandOutcome reassign(Incident incident, Target to, String by, Instant now) {
        return checked(incident, IncidentCommand.REASSIGN).orElseGet(() -> {
            Change c = new Change(incident);
            c.set(incident.withAssignee(to));
            String what = "reassigned to " + describe(to) + " by " + by;
            c.log(now, by, what);
            if (!(incident.state() instanceof Held)) {
                c.page(MessageKind.TRIGGERED, List.of(to), Page.ASSIGNED, what, now);
            }
            return new CommandOutcome.Applied(c.step());
        });
    }

    private static void responded(Change c, Instant now) {
        c.incident().response().ifPresent(r -> c.set(c.incident().withResponse(Optional.of(r.respondedAt(now)))));
    }

    private static Optional<CommandOutcome> checked(Incident incident, IncidentCommand command) {
        if (IncidentCommand.legalIn(incident.state()).contains(command)) {
            return Optional.empty();
        }
        String legal = IncidentCommand.legalIn(incident.state()).stream()
                .map(IncidentCommand::verb)
                .collect(Collectors.joining(", "));
        return Optional.of(rejected(
                incident,
                command,
                "cannot " + command.verb() + " incident " + incident.id() + ": it is " + describe(incident.state())
                        + "; in that state it only takes: " + legal));
    }

    private static CommandOutcome rejected(Incident incident, IncidentCommand command, String reason) {
        return new CommandOutcome.Rejected(incident.id(), command, incident.stateName(), reason);
    }

    static String describe(IncidentState state) {
        return switch (state) {
            case Held h -> "held (" + h.cause().describe() + " since " + h.since() + ")";
            case Triggered t ->
                "triggered (at " + t.at() + ", level " + t.escalation().level() + ")";
            case Acknowledged a -> "acknowledged (by " + a.by() + " at " + a.at() + ")";
            case Snoozed s ->
                "snoozed (by " + s.by() + " until "
                        + s.until().map(Instant::toString).orElse("resolved") + ")";
            case Resolved r -> "resolved (by " + r.by() + " at " + r.at() + ")";
        };
    }

    static String describe(Target target) {
        return switch (target) {
            case Target.Person p -> "person " + p.name();
            case Target.Schedule s -> "schedule " + s.name();
            case Target.Receiver r -> "receiver " + r.name();
        };
    }
}
