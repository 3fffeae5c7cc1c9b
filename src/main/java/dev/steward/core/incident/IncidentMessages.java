package dev.steward.core.incident;

import dev.steward.core.notify.Message;
import dev.steward.core.notify.MessageKind;
import dev.steward.core.route.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the {@link Message} of a page from the incident as it is after the change. */
final class IncidentMessages {
    private IncidentMessages() {}

    static Message message(Incident incident, MessageKind kind, Optional<String> detail, Instant now) {
        return new Message(
                kind,
                incident.id(),
                incident.title(),
                incident.severity().name(),
                incident.group().groupLabels().toMap(),
                incident.openedAt(),
                now,
                lines(incident.alerts()),
                Optional.empty(),
                detail);
    }

    /** Firing alerts first, then resolved ones, each in label order. */
    static List<Message.AlertLine> lines(List<Alert> alerts) {
        List<Message.AlertLine> firing = new ArrayList<>();
        List<Message.AlertLine> resolved = new ArrayList<>();
        for (Alert a : alerts) {
            (a.endsAt().isEmpty() ? firing : resolved).add(line(a));
        }
        firing.addAll(resolved);
        return firing;
    }

    private static Message.AlertLine line(Alert a) {
        return new Message.AlertLine(
                a.labels().toMap(),
                a.annotations(),
                a.endsAt().isEmpty(),
                a.startsAt(),
                a.endsAt(),
                Optional.ofNullable(a.annotations().get("value")),
                Optional.empty());
    }
}
