package dev.steward.probe.health;

import dev.steward.core.probe.ComponentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A health document, read from its text. Three shapes are recognised, by structure:
 *
 * <ul>
 *   <li>ASP.NET Core HealthChecks UI JSON: an object with {@code status} and {@code entries} (each entry has {@code
 *       status}, {@code description}, {@code exception}, {@code duration});
 *   <li>Spring Boot Actuator JSON: an object with {@code status} and optionally {@code components} (Boot 2.2+) or
 *       {@code details} (Boot 2.0/2.1), components nested to any depth;
 *   <li>ASP.NET Core's default plain-text writer: the body is exactly {@code Healthy}, {@code Degraded} or {@code
 *       Unhealthy}.
 * </ul>
 *
 * Only {@code UP} and {@code Healthy} count as healthy (case-insensitively). {@code Degraded} is not healthy: it is
 * how ASP.NET says that something is wrong but the service still answers, and an operator who accepts it says so with
 * {@code expect: ['health.status != "Unhealthy"']}.
 *
 * @param format {@code actuator}, {@code aspnetcore} or {@code aspnetcore-text}
 * @param components the leaves of the component tree, named by their path ({@code db/primary} for Actuator's nested
 *     {@code components.db.components.primary}), in document order
 */
public record HealthDocument(String format, String status, boolean healthy, List<ComponentStatus> components) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> PLAIN_TEXT_STATUSES = List.of("Healthy", "Degraded", "Unhealthy");

    /** The result of reading: the document, or why the text is not one. */
    public sealed interface Reading {
        record Read(HealthDocument document) implements Reading {}

        record Unreadable(String reason) implements Reading {}
    }

    public static boolean isHealthy(String status) {
        return status.equalsIgnoreCase("UP") || status.equalsIgnoreCase("Healthy");
    }

    public static Reading read(String text) {
        String trimmed = text.strip();
        if (PLAIN_TEXT_STATUSES.contains(trimmed)) {
            return new Reading.Read(new HealthDocument("aspnetcore-text", trimmed, isHealthy(trimmed), List.of()));
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            return new Reading.Unreadable("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("status").isString()) {
            return new Reading.Unreadable(
                    "JSON without a top-level \"status\" string: not an Actuator or ASP.NET" + " health document");
        }
        String status = root.get("status").stringValue();
        if (root.path("entries").isObject()) {
            return new Reading.Read(new HealthDocument("aspnetcore", status, isHealthy(status), entries(root)));
        }
        List<ComponentStatus> components = new ArrayList<>();
        actuatorChildren(root, "", components);
        return new Reading.Read(new HealthDocument("actuator", status, isHealthy(status), components));
    }

    private static List<ComponentStatus> entries(JsonNode root) {
        List<ComponentStatus> components = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.get("entries").properties()) {
            JsonNode entry = e.getValue();
            String status = entry.path("status").asString("Unknown");
            Optional<String> detail = text(entry, "description").or(() -> text(entry, "exception"));
            components.add(new ComponentStatus(e.getKey(), isHealthy(status), status, detail));
        }
        return components;
    }

    /** Walks Actuator's tree: a node whose children carry a status is a group; other nodes are leaves. */
    private static void actuatorChildren(JsonNode node, String prefix, List<ComponentStatus> out) {
        JsonNode children = children(node);
        if (children == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : children.properties()) {
            JsonNode child = e.getValue();
            String name = prefix + e.getKey();
            if (children(child) != null) {
                actuatorChildren(child, name + "/", out);
            } else {
                String status = child.path("status").asString("UNKNOWN");
                Optional<String> detail = text(child.path("details"), "error");
                out.add(new ComponentStatus(name, isHealthy(status), status, detail));
            }
        }
    }

    /** {@code components}, or the pre-2.2 {@code details} when its members are themselves statuses. */
    private static JsonNode children(JsonNode node) {
        JsonNode components = node.path("components");
        if (components.isObject() && !components.isEmpty()) {
            return components;
        }
        JsonNode details = node.path("details");
        if (details.isObject() && !details.isEmpty()) {
            for (JsonNode d : details) {
                if (!d.isObject() || !d.path("status").isString()) {
                    return null;
                }
            }
            return details;
        }
        return null;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isString() && !v.stringValue().isBlank() ? Optional.of(v.stringValue()) : Optional.empty();
    }
}
