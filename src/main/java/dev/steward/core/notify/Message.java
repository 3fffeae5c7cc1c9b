package dev.steward.core.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One notification, as every receiver sees it before formatting: what happened ({@code kind}, {@code title}), to which
 * incident ({@code incidentId}, also the PagerDuty dedup key and the ordering key of the outbox), where (the group
 * labels, e.g. service and alertname), since when, and each alert with its labels, annotations and value. {@code
 * ackUrl} is a signed link that acknowledges the incident without logging in; empty when none applies.
 *
 * @param severity the incident's severity label ("critical", "warning"...), empty when it has none
 * @param groupLabels the labels the alerts of this message share (the route's group labels)
 * @param alerts the alerts this message is about, firing ones first
 */
public record Message(
        MessageKind kind,
        String incidentId,
        String title,
        String severity,
        Map<String, String> groupLabels,
        Instant since,
        Instant at,
        List<AlertLine> alerts,
        Optional<String> ackUrl,
        Optional<String> detail) {
    public Message {
        groupLabels = Map.copyOf(groupLabels);
        alerts = List.copyOf(alerts);
    }

    /**
     * One alert of a message: labels, annotations, whether it is still firing, when it started (and ended), its value
     * as text (from the {@code value} annotation or the rule's last value; empty when unknown) and its runbook link
     * (the {@code runbook_url} annotation).
     */
    public record AlertLine(
            Map<String, String> labels,
            Map<String, String> annotations,
            boolean firing,
            Instant startsAt,
            Optional<Instant> endsAt,
            Optional<String> value,
            Optional<String> generatorUrl) {
        public AlertLine {
            labels = Map.copyOf(labels);
            annotations = Map.copyOf(annotations);
        }

        public Optional<String> runbookUrl() {
            return Optional.ofNullable(annotations.get("runbook_url"));
        }

        public Optional<String> summary() {
            return Optional.ofNullable(annotations.getOrDefault("summary", annotations.get("description")));
        }
    }
}
