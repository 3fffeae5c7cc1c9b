package dev.steward.notify.webhook;

import dev.steward.core.notify.Message;
import dev.steward.core.notify.MessageText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Steward's own webhook body (version "1"), made for receivers written against Steward: one object per message with
 * {@code version}, {@code kind} (triggered, escalated, acknowledged, resolved, flapping, silence_expiring,
 * announcement), {@code receiver}, {@code incident}, {@code title}, {@code summary} (the one-line subject), {@code
 * text} (the plain-text body), {@code severity}, {@code status} (firing or resolved), {@code groupLabels}, {@code
 * since}, {@code at}, {@code ackUrl} and {@code detail} (null when none), {@code externalURL}, and {@code alerts}: each
 * with {@code status}, {@code labels}, {@code annotations}, {@code startsAt}, {@code endsAt} (null while firing),
 * {@code value} and {@code runbookUrl} (null when unknown), {@code generatorURL}, {@code fingerprint}.
 */
final class StewardPayload {
    private StewardPayload() {}

    static Map<String, Object> of(Message m, String receiver, String externalUrl) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", "1");
        out.put("kind", m.kind().name().toLowerCase(Locale.ROOT));
        out.put("receiver", receiver);
        out.put("incident", m.incidentId());
        out.put("title", MessageText.what(m));
        out.put("summary", MessageText.subject(m));
        out.put("text", MessageText.body(m, MessageText.Style.PLAIN));
        out.put("severity", m.severity());
        out.put("status", MessageText.status(m));
        out.put("groupLabels", m.groupLabels());
        out.put("since", m.since().toString());
        out.put("at", m.at().toString());
        out.put("ackUrl", m.ackUrl().orElse(null));
        out.put("detail", m.detail().orElse(null));
        out.put("externalURL", externalUrl);
        out.put("alerts", alerts(m.alerts()));
        return out;
    }

    private static List<Map<String, Object>> alerts(List<Message.AlertLine> alerts) {
        return alerts.stream().map(StewardPayload::alert).toList();
    }

    private static Map<String, Object> alert(Message.AlertLine a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", a.firing() ? "firing" : "resolved");
        out.put("labels", a.labels());
        out.put("annotations", a.annotations());
        out.put("startsAt", a.startsAt().toString());
        out.put("endsAt", a.firing() ? null : a.endsAt().map(Object::toString).orElse(null));
        out.put("value", a.value().orElse(null));
        out.put("runbookUrl", a.runbookUrl().orElse(null));
        out.put("generatorURL", a.generatorUrl().orElse(""));
        out.put("fingerprint", Fingerprint.of(a.labels()));
        return out;
    }
}
