package dev.steward.core.notify;

import dev.steward.core.notify.Message.AlertLine;
import dev.steward.core.promql.parse.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The readable text of a {@link Message}, shared by every receiver that shows words to a person (e-mail, Slack, the
 * generic webhook's {@code summary}). It answers, in this order, what happened, where, since when, how bad (the value),
 * and what to do (runbook, acknowledge link), so that a person paged at night reads the essentials in the first lines.
 * Durations are measured from the incident's {@code since} to the message's {@code at}: the text says the same thing
 * on every retry of one outbox entry.
 */
public final class MessageText {
    /** How links and emphasis are written: plain text, Markdown, or Slack's mrkdwn dialect. */
    public enum Style {
        PLAIN,
        MARKDOWN,
        SLACK
    }

    private static final int MAX_ALERTS = 20;

    private MessageText() {}

    /** {@code TRIGGERED}, {@code SILENCE EXPIRING}...: the kind as a person reads it. */
    public static String kindLabel(MessageKind kind) {
        return kind.name().replace('_', ' ');
    }

    /** "firing" when any alert still fires, else "resolved": the status words Alertmanager's receivers know. */
    public static String status(Message m) {
        return m.alerts().stream().anyMatch(AlertLine::firing) || m.alerts().isEmpty() && isProblem(m.kind())
                ? "firing"
                : "resolved";
    }

    /** Whether the kind reports a problem still going on (as opposed to its end or a notice). */
    public static boolean isProblem(MessageKind kind) {
        return switch (kind) {
            case TRIGGERED, ESCALATED, FLAPPING -> true;
            case ACKNOWLEDGED, RESOLVED, SILENCE_EXPIRING, ANNOUNCEMENT -> false;
        };
    }

    /**
     * One line for a mail subject or a chat notification: {@code [TRIGGERED:2] critical: API down (service=api)}. The
     * count appears when more than one alert fires.
     */
    public static String subject(Message m) {
        StringBuilder b = new StringBuilder("[").append(kindLabel(m.kind()));
        long firing = m.alerts().stream().filter(AlertLine::firing).count();
        if (firing > 1) {
            b.append(':').append(firing);
        }
        b.append("] ");
        if (!m.severity().isEmpty()) {
            b.append(m.severity()).append(": ");
        }
        b.append(what(m));
        String where = where(m);
        if (!where.isEmpty()) {
            b.append(" (").append(where).append(')');
        }
        return b.toString();
    }

    /** What happened: the title, else the alert name, else the first alert's summary. */
    public static String what(Message m) {
        if (!m.title().isBlank()) {
            return m.title();
        }
        String name = m.groupLabels().get("alertname");
        if (name != null) {
            return name;
        }
        return m.alerts().stream()
                .map(a -> a.labels().getOrDefault("alertname", a.summary().orElse("")))
                .filter(s -> !s.isEmpty())
                .findFirst()
                .orElse("incident " + m.incidentId());
    }

    /** Where: the group labels but the alert name, sorted, {@code service=api, env=prod}. */
    public static String where(Message m) {
        return labels(m.groupLabels(), "alertname");
    }

    /** "12m", "1h5m", "3d4h": coarse enough to read at a glance; "0s" for none or a negative span. */
    public static String duration(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        if (d.isNegative() || d.isZero()) {
            return "0s";
        }
        ChronoUnit unit = d.compareTo(Duration.ofMinutes(1)) < 0
                ? ChronoUnit.SECONDS
                : d.compareTo(Duration.ofDays(1)) < 0 ? ChronoUnit.MINUTES : ChronoUnit.HOURS;
        long millis = d.truncatedTo(unit).toMillis();
        return Durations.format(millis);
    }

    /** The body: headline, where, since when, detail, links, then each alert (at most 20, then a count). */
    public static String body(Message m, Style style) {
        StringBuilder b = new StringBuilder();
        b.append(bold(kindLabel(m.kind()) + ": " + what(m), style)).append('\n');
        field(b, "Severity", m.severity(), style);
        field(b, "Where", where(m), style);
        field(b, "Since", m.since() + " (for " + duration(m.since(), m.at()) + ")", style);
        m.detail().ifPresent(d -> field(b, "Detail", d, style));
        m.ackUrl().ifPresent(u -> field(b, "Acknowledge", link(u, "acknowledge", style), style));
        runbook(m).ifPresent(u -> field(b, "Runbook", link(u, u, style), style));
        alerts(b, m, style);
        return b.toString();
    }

    /** The first runbook link among the alerts, firing ones first. */
    public static Optional<String> runbook(Message m) {
        return m.alerts().stream()
                .map(AlertLine::runbookUrl)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static void alerts(StringBuilder b, Message m, Style style) {
        List<AlertLine> alerts = m.alerts();
        if (alerts.isEmpty()) {
            return;
        }
        long firing = alerts.stream().filter(AlertLine::firing).count();
        b.append('\n')
                .append(bold("Alerts", style))
                .append(" (")
                .append(firing)
                .append(" firing, ")
                .append(alerts.size() - firing)
                .append(" resolved)\n");
        for (AlertLine a : alerts.subList(0, Math.min(MAX_ALERTS, alerts.size()))) {
            alert(b, a, m.at(), style);
        }
        if (alerts.size() > MAX_ALERTS) {
            b.append("… and ").append(alerts.size() - MAX_ALERTS).append(" more\n");
        }
    }

    private static void alert(StringBuilder b, AlertLine a, Instant at, Style style) {
        String name = a.labels().getOrDefault("alertname", "alert");
        b.append("- [").append(a.firing() ? "firing" : "resolved").append("] ").append(name);
        a.summary().ifPresent(s -> b.append(": ").append(s));
        b.append('\n');
        String labels = labels(a.labels(), "alertname");
        if (!labels.isEmpty()) {
            b.append("  ").append(labels).append('\n');
        }
        b.append("  since ").append(a.startsAt());
        Instant end = a.firing() ? at : a.endsAt().orElse(at);
        b.append(a.firing() ? " (for " : " (lasted ")
                .append(duration(a.startsAt(), end))
                .append(')');
        a.value().ifPresent(v -> b.append(", value ").append(v));
        b.append('\n');
        a.runbookUrl()
                .ifPresent(
                        u -> b.append("  runbook: ").append(link(u, u, style)).append('\n'));
    }

    private static void field(StringBuilder b, String name, String value, Style style) {
        if (!value.isEmpty()) {
            b.append(bold(name + ":", style)).append(' ').append(value).append('\n');
        }
    }

    private static String labels(Map<String, String> labels, String except) {
        return new TreeMap<>(labels)
                .entrySet().stream()
                        .filter(e -> !e.getKey().equals(except))
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", "));
    }

    private static String bold(String text, Style style) {
        return switch (style) {
            case PLAIN -> text;
            case MARKDOWN -> "**" + text + "**";
            case SLACK -> "*" + text + "*";
        };
    }

    private static String link(String url, String text, Style style) {
        return switch (style) {
            case PLAIN -> url;
            case MARKDOWN -> url.equals(text) ? "<" + url + ">" : "[" + text + "](" + url + ")";
            case SLACK -> "<" + url + "|" + text + ">";
        };
    }
}
