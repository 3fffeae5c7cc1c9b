package dev.steward.core.statuspage;

import dev.steward.core.statuspage.PublicIncident.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Creating public incidents and applying commands to them. Every command is checked against {@link #LEGAL}, the
 * table of what may be done in each stage; publish and discard on an open incident act on its proposed update.
 */
public final class PublicIncidents {
    /** Who Steward's drafts, proposals and automatic publications are by. */
    public static final String STEWARD = "steward";

    /** Stage label to the commands allowed in it. Resolved and discarded incidents are final. */
    public static final Map<String, Set<String>> LEGAL = Map.of(
            "draft", Set.of("publish", "discard"),
            "open", Set.of("publish", "update", "discard"),
            "resolved", Set.of(),
            "discarded", Set.of());

    private PublicIncidents() {}

    /** A draft: not public until someone publishes it; {@code message} is its first update, investigating. */
    public static PublicIncident draft(
            String id, String title, Impact impact, List<String> components, String message, Instant now) {
        PublicUpdate first = new PublicUpdate(now, IncidentStatus.INVESTIGATING, message, STEWARD);
        return new PublicIncident(
                id, title, impact, components, new Stage.Draft(), List.of(), Optional.of(first), now, STEWARD);
    }

    /** An incident a person opens on the page, public at once with its first update. */
    public static PublicIncident open(
            String id,
            String title,
            Impact impact,
            List<String> components,
            IncidentStatus status,
            String message,
            String by,
            Instant now) {
        PublicUpdate first = new PublicUpdate(now, status, message, by);
        Stage stage = status == IncidentStatus.RESOLVED ? new Stage.Resolved(now, now) : new Stage.Open(now);
        return new PublicIncident(id, title, impact, components, stage, List.of(first), Optional.empty(), now, by);
    }

    public static CommandOutcome apply(PublicIncident incident, IncidentCommand command, Instant now) {
        String stage = incident.stage().label();
        if (!LEGAL.get(stage).contains(command.name())) {
            return new CommandOutcome.Refused(
                    "cannot " + command.name() + " incident " + incident.id() + ": it is " + stage);
        }
        return switch (command) {
            case IncidentCommand.Publish p -> publish(incident, p, now);
            case IncidentCommand.AddUpdate a -> new CommandOutcome.Applied(withUpdate(incident, a, now));
            case IncidentCommand.Discard d -> discard(incident, d, now);
        };
    }

    private static CommandOutcome publish(PublicIncident incident, IncidentCommand.Publish p, Instant now) {
        if (incident.proposed().isEmpty()) {
            return new CommandOutcome.Refused("incident " + incident.id() + " has no proposed update to publish");
        }
        PublicUpdate proposed = incident.proposed().get();
        PublicUpdate update =
                new PublicUpdate(now, proposed.status(), p.message().orElse(proposed.message()), p.by());
        PublicIncident titled = p.title()
                .map(t -> new PublicIncident(
                        incident.id(),
                        t,
                        incident.impact(),
                        incident.components(),
                        incident.stage(),
                        incident.updates(),
                        incident.proposed(),
                        incident.createdAt(),
                        incident.createdBy()))
                .orElse(incident);
        Instant publishedAt = incident.publishedAt().orElse(now);
        List<PublicUpdate> updates = append(incident.updates(), update);
        Stage next = update.status() == IncidentStatus.RESOLVED
                ? new Stage.Resolved(publishedAt, now)
                : new Stage.Open(publishedAt);
        return new CommandOutcome.Applied(titled.with(next, updates, Optional.empty()));
    }

    private static PublicIncident withUpdate(PublicIncident incident, IncidentCommand.AddUpdate a, Instant now) {
        PublicUpdate update = new PublicUpdate(now, a.status(), a.message(), a.by());
        Instant publishedAt = incident.publishedAt().orElse(now);
        if (a.status() == IncidentStatus.RESOLVED) {
            return incident.with(
                    new Stage.Resolved(publishedAt, now), append(incident.updates(), update), Optional.empty());
        }
        return incident.with(incident.stage(), append(incident.updates(), update), incident.proposed());
    }

    private static CommandOutcome discard(PublicIncident incident, IncidentCommand.Discard d, Instant now) {
        if (incident.stage() instanceof Stage.Draft) {
            return new CommandOutcome.Applied(
                    incident.with(new Stage.Discarded(now, d.by()), incident.updates(), Optional.empty()));
        }
        if (incident.proposed().isEmpty()) {
            return new CommandOutcome.Refused("incident " + incident.id() + " has no proposed update to discard");
        }
        return new CommandOutcome.Applied(incident.with(incident.stage(), incident.updates(), Optional.empty()));
    }

    private static List<PublicUpdate> append(List<PublicUpdate> updates, PublicUpdate update) {
        List<PublicUpdate> out = new ArrayList<>(updates);
        out.add(update);
        return out;
    }
}
