package dev.steward.amapi;

import dev.steward.core.series.Labels;
import dev.steward.core.silence.Silence;
import dev.steward.core.silence.SilenceMatcher;
import dev.steward.core.silence.SilenceRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Conversions between Steward's values and the JSON shapes of Alertmanager's OpenAPI document. */
final class AmJson {
    /** Go's zero time, which Alertmanager's clients send for "not set". */
    private static final int GO_ZERO_YEAR = 1;

    private AmJson() {}

    /** A request body the API cannot read; the message names the field and what was expected. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    static Map<String, Object> gettableSilence(Silence s, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("status", Map.of("state", s.state(now).apiName()));
        m.put("updatedAt", s.updatedAt().toString());
        m.put("comment", s.comment());
        m.put("createdBy", s.createdBy());
        m.put("endsAt", s.endsAt().toString());
        m.put("matchers", s.matchers().stream().map(AmJson::matcher).toList());
        m.put("startsAt", s.startsAt().toString());
        return m;
    }

    private static Map<String, Object> matcher(SilenceMatcher sm) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("isEqual", sm.isEqual());
        m.put("isRegex", sm.isRegex());
        m.put("name", sm.name());
        m.put("value", sm.value());
        return m;
    }

    /** A {@code PostableSilence}; unreadable fields are errors, missing ones are left for the validator. */
    static SilenceRequest postableSilence(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequest("body: expected a JSON object (a PostableSilence)");
        }
        List<SilenceMatcher> matchers = new ArrayList<>();
        JsonNode ms = body.path("matchers");
        if (!ms.isMissingNode() && !ms.isNull() && !ms.isArray()) {
            throw new BadRequest("matchers: expected an array of matchers");
        }
        for (int i = 0; i < ms.size(); i++) {
            JsonNode m = ms.get(i);
            String path = "matchers[" + i + "]";
            matchers.add(new SilenceMatcher(
                    requiredText(m, "name", path),
                    requiredText(m, "value", path),
                    requiredBool(m, "isRegex", path),
                    !m.has("isEqual") || m.get("isEqual").isNull() || requiredBool(m, "isEqual", path)));
        }
        return new SilenceRequest(
                optionalText(body, "id"),
                matchers,
                time(body, "startsAt"),
                time(body, "endsAt"),
                optionalText(body, "createdBy"),
                optionalText(body, "comment"));
    }

    /** An instant in RFC 3339, or null when absent, null or Go's zero time. */
    static Instant time(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isString()) {
            throw new BadRequest(field + ": got " + n + ", expected an RFC 3339 date-time string");
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(n.asString());
            return t.getYear() <= GO_ZERO_YEAR ? null : t.toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequest(field + ": got \"" + n.asString() + "\", expected an RFC 3339 date-time");
        }
    }

    static Map<String, String> stringMap(JsonNode obj, String field, String path) {
        JsonNode n = obj.get(field);
        Map<String, String> out = new TreeMap<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            throw new BadRequest(path + "." + field + ": got " + n + ", expected an object of strings");
        }
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            if (!e.getValue().isString()) {
                throw new BadRequest(
                        path + "." + field + "." + e.getKey() + ": got " + e.getValue() + ", expected a string");
            }
            out.put(e.getKey(), e.getValue().asString());
        }
        return out;
    }

    static Map<String, String> labelMap(Labels labels) {
        return new TreeMap<>(labels.toMap());
    }

    static String optionalText(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isString()) {
            throw new BadRequest(field + ": got " + n + ", expected a string");
        }
        return n.asString();
    }

    private static String requiredText(JsonNode obj, String field, String path) {
        JsonNode n = obj.get(field);
        if (n == null || !n.isString()) {
            throw new BadRequest(path + "." + field + ": got " + n + ", expected a string");
        }
        return n.asString();
    }

    private static boolean requiredBool(JsonNode obj, String field, String path) {
        JsonNode n = obj.get(field);
        if (n == null || !n.isBoolean()) {
            throw new BadRequest(path + "." + field + ": got " + n + ", expected true or false");
        }
        return n.asBoolean();
    }
}
