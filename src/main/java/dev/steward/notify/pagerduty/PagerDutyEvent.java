package dev.steward.notify.pagerduty;

import dev.steward.core.notify.Message;
import dev.steward.core.notify.MessageKind;
import dev.steward.core.notify.MessageText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Events API v2 body for a message. The dedup key is the incident id, so trigger, acknowledge and resolve of one
 * incident land on one PagerDuty incident, and a re-sent trigger adds nothing. Only a trigger carries a payload.
 */
final class PagerDutyEvent {
    /** PagerDuty truncates summaries at 1024 characters; cutting ourselves keeps the end marker readable. */
    static final int MAX_SUMMARY = 1024;

    private PagerDutyEvent() {}

    /** trigger, acknowledge or resolve; empty for kinds PagerDuty has no use for (announcements, silence notices). */
    static Optional<String> action(MessageKind kind) {
        return switch (kind) {
            case TRIGGERED, ESCALATED, FLAPPING -> Optional.of("trigger");
            case ACKNOWLEDGED -> Optional.of("acknowledge");
            case RESOLVED -> Optional.of("resolve");
            case SILENCE_EXPIRING, ANNOUNCEMENT -> Optional.empty();
        };
    }

    /** critical, error, warning or info from the incident's severity label; unknown or none is error. */
    static String severity(String label) {
        return switch (label.toLowerCase(Locale.ROOT)) {
            case "critical", "page", "fatal", "emergency" -> "critical";
            case "warning", "warn", "minor" -> "warning";
            case "info", "informational", "notice", "low", "none" -> "info";
            default -> "error";
        };
    }

    static Map<String, Object> of(Message m, String action, PagerDutyConfig c, String externalUrl) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("routing_key", c.routingKey().reveal());
        out.put("event_action", action);
        out.put("dedup_key", m.incidentId());
        if (!action.equals("trigger")) {
            return out;
        }
        out.put("payload", payload(m, c));
        out.put("client", c.client());
        c.clientUrl()
                .or(() -> Optional.of(externalUrl).filter(u -> !u.isEmpty()))
                .ifPresent(u -> out.put("client_url", u));
        List<Map<String, String>> links = links(m, c);
        if (!links.isEmpty()) {
            out.put("links", links);
        }
        return out;
    }

    private static Map<String, Object> payload(Message m, PagerDutyConfig c) {
        Map<String, Object> p = new LinkedHashMap<>();
        String summary = MessageText.subject(m);
        p.put("summary", summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY - 1) + "…" : summary);
        p.put("source", c.source().orElseGet(() -> source(m)));
        p.put("severity", c.severity().orElseGet(() -> severity(m.severity())));
        p.put("timestamp", m.since().toString());
        c.component().ifPresent(v -> p.put("component", v));
        c.group().ifPresent(v -> p.put("group", v));
        c.eventClass().ifPresent(v -> p.put("class", v));
        p.put("custom_details", details(m, c));
        return p;
    }

    /** Where the problem is: the instance, else the service, else the job, else Steward. */
    static String source(Message m) {
        for (String label : List.of("instance", "service", "job")) {
            String v = m.groupLabels().get(label);
            if (v == null && m.alerts().size() == 1) {
                v = m.alerts().getFirst().labels().get(label);
            }
            if (v != null) {
                return v;
            }
        }
        return "steward";
    }

    private static Map<String, Object> details(Message m, PagerDutyConfig c) {
        Map<String, Object> d = new LinkedHashMap<>();
        long firing = m.alerts().stream().filter(Message.AlertLine::firing).count();
        d.put("firing", firing);
        d.put("resolved", m.alerts().size() - firing);
        d.put("group_labels", m.groupLabels());
        d.put("text", MessageText.body(m, MessageText.Style.PLAIN));
        m.detail().ifPresent(v -> d.put("detail", v));
        d.putAll(c.details());
        return d;
    }

    private static List<Map<String, String>> links(Message m, PagerDutyConfig c) {
        List<Map<String, String>> out = new ArrayList<>();
        MessageText.runbook(m).ifPresent(u -> out.add(Map.of("href", u, "text", "Runbook")));
        m.ackUrl().ifPresent(u -> out.add(Map.of("href", u, "text", "Acknowledge in Steward")));
        c.links().forEach(l -> out.add(Map.of("href", l.href(), "text", l.text())));
        return out;
    }
}
