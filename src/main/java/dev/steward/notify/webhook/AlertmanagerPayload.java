package dev.steward.notify.webhook;

import dev.steward.core.notify.Message;
import dev.steward.core.notify.MessageText;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Alertmanager's webhook body (version "4"), for receivers written against Alertmanager: {@code receiver}, {@code
 * status}, {@code alerts} (each with {@code status}, {@code labels}, {@code annotations}, {@code startsAt}, {@code
 * endsAt}, {@code generatorURL}, {@code fingerprint}), {@code groupLabels}, {@code commonLabels}, {@code
 * commonAnnotations}, {@code externalURL}, {@code version}, {@code groupKey} and {@code truncatedAlerts}. The group key
 * is Steward's incident id, stable for the life of the group as Alertmanager's is; a firing alert's {@code endsAt} is
 * Go's zero time, as Alertmanager sends it.
 */
final class AlertmanagerPayload {
    static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private AlertmanagerPayload() {}

    /** @param maxAlerts the most alerts sent, 0 for all; the others are counted in {@code truncatedAlerts} */
    static Map<String, Object> of(Message m, String receiver, String externalUrl, int maxAlerts) {
        List<Message.AlertLine> alerts = m.alerts();
        int kept = maxAlerts == 0 ? alerts.size() : Math.min(maxAlerts, alerts.size());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("receiver", receiver);
        out.put("status", MessageText.status(m));
        out.put(
                "alerts",
                alerts.subList(0, kept).stream().map(AlertmanagerPayload::alert).toList());
        out.put("groupLabels", m.groupLabels());
        out.put(
                "commonLabels",
                common(alerts.stream().map(Message.AlertLine::labels).toList()));
        out.put(
                "commonAnnotations",
                common(alerts.stream().map(Message.AlertLine::annotations).toList()));
        out.put("externalURL", externalUrl);
        out.put("version", "4");
        out.put("groupKey", m.incidentId());
        out.put("truncatedAlerts", alerts.size() - kept);
        return out;
    }

    private static Map<String, Object> alert(Message.AlertLine a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", a.firing() ? "firing" : "resolved");
        out.put("labels", a.labels());
        out.put("annotations", a.annotations());
        out.put("startsAt", a.startsAt().toString());
        out.put(
                "endsAt",
                a.firing() ? ZERO_TIME : a.endsAt().map(Object::toString).orElse(ZERO_TIME));
        out.put("generatorURL", a.generatorUrl().orElse(""));
        out.put("fingerprint", Fingerprint.of(a.labels()));
        return out;
    }

    /** The pairs every map has with the same value. */
    static Map<String, String> common(List<Map<String, String>> maps) {
        if (maps.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>(maps.getFirst());
        for (Map<String, String> m : maps.subList(1, maps.size())) {
            out.entrySet().removeIf(e -> !Objects.equals(m.get(e.getKey()), e.getValue()));
        }
        return new java.util.TreeMap<>(out);
    }
}
