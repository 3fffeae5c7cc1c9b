package dev.steward.store.jdbc;

import dev.steward.core.notify.Message;
import dev.steward.core.notify.MessageKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link Message} as the outbox stores it. Written field by field rather than by reflection, so renaming a record
 * component cannot silently change what is on disk; absent optionals are left out, instants are ISO-8601 text (full
 * precision), maps are written sorted so equal messages give equal text.
 */
final class MessageJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MessageJson() {}

    static String write(Message m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", m.kind().name());
        out.put("incidentId", m.incidentId());
        out.put("title", m.title());
        out.put("severity", m.severity());
        out.put("groupLabels", new TreeMap<>(m.groupLabels()));
        out.put("since", m.since().toString());
        out.put("at", m.at().toString());
        List<Object> alerts = new ArrayList<>();
        for (Message.AlertLine a : m.alerts()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("labels", new TreeMap<>(a.labels()));
            line.put("annotations", new TreeMap<>(a.annotations()));
            line.put("firing", a.firing());
            line.put("startsAt", a.startsAt().toString());
            a.endsAt().ifPresent(t -> line.put("endsAt", t.toString()));
            a.value().ifPresent(v -> line.put("value", v));
            a.generatorUrl().ifPresent(u -> line.put("generatorUrl", u));
            alerts.add(line);
        }
        out.put("alerts", alerts);
        m.ackUrl().ifPresent(u -> out.put("ackUrl", u));
        m.detail().ifPresent(d -> out.put("detail", d));
        return JSON.writeValueAsString(out);
    }

    static Message read(String json) {
        JsonNode n = JSON.readTree(json);
        List<Message.AlertLine> alerts = new ArrayList<>();
        for (JsonNode a : n.get("alerts")) {
            alerts.add(new Message.AlertLine(
                    strings(a.get("labels")),
                    strings(a.get("annotations")),
                    a.get("firing").asBoolean(),
                    Instant.parse(a.get("startsAt").asString()),
                    optional(a, "endsAt").map(Instant::parse),
                    optional(a, "value"),
                    optional(a, "generatorUrl")));
        }
        return new Message(
                MessageKind.valueOf(n.get("kind").asString()),
                n.get("incidentId").asString(),
                n.get("title").asString(),
                n.get("severity").asString(),
                strings(n.get("groupLabels")),
                Instant.parse(n.get("since").asString()),
                Instant.parse(n.get("at").asString()),
                alerts,
                optional(n, "ackUrl"),
                optional(n, "detail"));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.properties().forEach(p -> out.put(p.getKey(), p.getValue().asString()));
        return out;
    }

    private static Optional<String> optional(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asString());
    }
}
