package dev.steward.statuspage;

import dev.steward.api.ApiException;
import dev.steward.api.ApiException.FieldError;
import dev.steward.core.config.StatusPageConfig;
import dev.steward.core.statuspage.Impact;
import dev.steward.core.statuspage.IncidentCommand;
import dev.steward.core.statuspage.IncidentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Reads the bodies of the operator routes, collecting every bad field before refusing with a 400. */
final class IncidentRequest {
    static final int MAX_TITLE = 200;
    static final int MAX_MESSAGE = 5000;

    private IncidentRequest() {}

    /** A public incident to open. */
    record Create(
            String title, Impact impact, List<String> components, IncidentStatus status, String message, String by) {}

    static Create create(JsonNode body, StatusPageConfig page) {
        List<FieldError> errors = new ArrayList<>();
        String title = text(body, "title", MAX_TITLE, true, errors).orElse("");
        Impact impact = parsed(body, "impact", Impact::parse, Impact.EXPECTED, true, errors)
                .orElse(Impact.NONE);
        IncidentStatus status = parsed(body, "status", IncidentStatus::parse, IncidentStatus.EXPECTED, false, errors)
                .orElse(IncidentStatus.INVESTIGATING);
        String message = text(body, "message", MAX_MESSAGE, true, errors).orElse("");
        String by = by(body, errors);
        List<String> components = components(body, page, errors);
        fail("invalid status page incident", errors);
        return new Create(title, impact, components, status, message, by);
    }

    static IncidentCommand publish(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        Optional<String> title = text(body, "title", MAX_TITLE, false, errors);
        Optional<String> message = text(body, "message", MAX_MESSAGE, false, errors);
        String by = by(body, errors);
        fail("invalid publication", errors);
        return new IncidentCommand.Publish(by, title, message);
    }

    static IncidentCommand update(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        Optional<IncidentStatus> status =
                parsed(body, "status", IncidentStatus::parse, IncidentStatus.EXPECTED, true, errors);
        String message = text(body, "message", MAX_MESSAGE, true, errors).orElse("");
        String by = by(body, errors);
        fail("invalid update", errors);
        return new IncidentCommand.AddUpdate(by, status.orElseThrow(), message);
    }

    static IncidentCommand discard(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        String by = by(body, errors);
        fail("invalid discard", errors);
        return new IncidentCommand.Discard(by);
    }

    private static void fail(String what, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiException(400, what, errors);
        }
    }

    private static String by(JsonNode body, List<FieldError> errors) {
        return text(body, "by", MAX_TITLE, true, errors).orElse("");
    }

    private static Optional<String> text(
            JsonNode body, String field, int max, boolean required, List<FieldError> errors) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                errors.add(new FieldError(field, "", expectedText(field, max)));
            }
            return Optional.empty();
        }
        String value = n.isString() ? n.asString().strip() : "";
        if (!n.isString() || value.isEmpty() || value.length() > max) {
            errors.add(new FieldError(field, n.toString(), expectedText(field, max)));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static String expectedText(String field, int max) {
        return field.equals("by") ? "the name of who acts" : "a non-blank text of at most " + max + " characters";
    }

    private static <T> Optional<T> parsed(
            JsonNode body,
            String field,
            java.util.function.Function<String, Optional<T>> parse,
            String expected,
            boolean required,
            List<FieldError> errors) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                errors.add(new FieldError(field, "", expected));
            }
            return Optional.empty();
        }
        Optional<T> value = n.isString() ? parse.apply(n.asString()) : Optional.empty();
        if (value.isEmpty()) {
            errors.add(new FieldError(field, n.isString() ? n.asString() : n.toString(), expected));
        }
        return value;
    }

    private static List<String> components(JsonNode body, StatusPageConfig page, List<FieldError> errors) {
        JsonNode n = body.get("components");
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        List<String> known =
                page.components().stream().map(StatusPageConfig.Component::name).toList();
        String expected = "a list of the page's components: " + String.join(", ", known);
        if (!n.isArray()) {
            errors.add(new FieldError("components", n.toString(), expected));
            return out;
        }
        for (int i = 0; i < n.size(); i++) {
            JsonNode item = n.get(i);
            String name = item.isString() ? item.asString() : item.toString();
            if (!item.isString() || !known.contains(name)) {
                errors.add(new FieldError("components[" + i + "]", name, "one of " + String.join(", ", known)));
            } else if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }
}
