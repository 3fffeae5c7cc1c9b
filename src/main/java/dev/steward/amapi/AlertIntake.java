package dev.steward.amapi;

import dev.steward.core.series.LabelMatcher;
import dev.steward.core.series.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads Prometheus's alert payload the way Alertmanager does (defaults for missing times, then per-alert validation:
 * the valid alerts are kept even when others are refused) and renders held alerts as {@code GettableAlert}s.
 */
final class AlertIntake {
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private AlertIntake() {}

    record Read(List<PostedAlert> valid, List<String> errors) {}

    static Read read(JsonNode body, Instant now, Duration resolveTimeout) {
        if (body == null || !body.isArray()) {
            throw new AmJson.BadRequest("body: expected a JSON array of alerts (PostableAlerts)");
        }
        List<PostedAlert> valid = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            String path = "alerts[" + i + "]";
            JsonNode a = body.get(i);
            if (!a.isObject()) {
                errors.add(path + ": got " + a + ", expected an object");
                continue;
            }
            try {
                PostedAlert alert = one(a, path, now, resolveTimeout);
                List<String> problems = problems(alert, path);
                if (problems.isEmpty()) {
                    valid.add(alert);
                } else {
                    errors.addAll(problems);
                }
            } catch (AmJson.BadRequest e) {
                errors.add(e.getMessage());
            }
        }
        return new Read(List.copyOf(valid), List.copyOf(errors));
    }

    private static PostedAlert one(JsonNode a, String path, Instant now, Duration resolveTimeout) {
        Map<String, String> labels = AmJson.stringMap(a, "labels", path);
        Map<String, String> annotations = AmJson.stringMap(a, "annotations", path);
        Instant startsAt = AmJson.time(a, "startsAt");
        Instant endsAt = AmJson.time(a, "endsAt");
        if (startsAt == null) {
            startsAt = endsAt == null ? now : endsAt;
        }
        boolean defaulted = endsAt == null;
        if (defaulted) {
            endsAt = now.plus(resolveTimeout);
        }
        Labels.Builder b = Labels.builder();
        labels.forEach(b::add);
        return new PostedAlert(
                b.build(), annotations, startsAt, endsAt, defaulted, AmJson.optionalText(a, "generatorURL"));
    }

    private static List<String> problems(PostedAlert a, String path) {
        List<String> out = new ArrayList<>();
        if (a.labels().isEmpty()) {
            out.add(path + ".labels: got {}, expected at least one label pair with a non-empty value");
        }
        a.labels().forEach((name, value) -> {
            if (!LABEL_NAME.matcher(name).matches()) {
                out.add(path + ".labels: got name \"" + name + "\", expected a label name matching "
                        + LABEL_NAME.pattern());
            }
        });
        a.annotations().keySet().stream()
                .filter(name -> !LABEL_NAME.matcher(name).matches())
                .forEach(name -> out.add(path + ".annotations: got name \"" + name + "\", expected a name matching "
                        + LABEL_NAME.pattern()));
        if (a.endsAt().isBefore(a.startsAt())) {
            out.add(path + ".endsAt: got " + a.endsAt() + ", expected an instant not before startsAt " + a.startsAt());
        }
        return out;
    }

    /** The filters of {@code GET /api/v2/alerts}. */
    record Query(boolean active, boolean silenced, boolean inhibited, List<LabelMatcher> filter, Pattern receiver) {
        boolean accepts(AlertSource.HeldAlert held, List<String> silencedBy) {
            boolean isSilenced = !silencedBy.isEmpty();
            boolean isInhibited = !held.inhibitedBy().isEmpty();
            if ((isSilenced && !silenced) || (isInhibited && !inhibited)) {
                return false;
            }
            if (!isSilenced && !isInhibited && !active) {
                return false;
            }
            for (LabelMatcher m : filter) {
                if (!m.matches(held.alert().labels())) {
                    return false;
                }
            }
            return receiver == null
                    || held.receivers().stream()
                            .anyMatch(r -> receiver.matcher(r).matches());
        }
    }

    static Map<String, Object> gettableAlert(AlertSource.HeldAlert held, List<String> silencedBy) {
        PostedAlert a = held.alert();
        boolean suppressed = !silencedBy.isEmpty() || !held.inhibitedBy().isEmpty();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("inhibitedBy", held.inhibitedBy());
        status.put("silencedBy", silencedBy);
        status.put("state", suppressed ? "suppressed" : "active");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("annotations", a.annotations());
        m.put("endsAt", a.endsAt().toString());
        m.put("fingerprint", a.fingerprint());
        m.put("receivers", held.receivers().stream().map(r -> Map.of("name", r)).toList());
        m.put("startsAt", a.startsAt().toString());
        m.put("status", status);
        m.put("updatedAt", held.updatedAt().toString());
        m.put("generatorURL", a.generatorURL());
        m.put("labels", AmJson.labelMap(a.labels()));
        return m;
    }
}
