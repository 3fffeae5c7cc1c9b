package dev.steward.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body of {@code POST /demo/faults}, parsed and validated: {@code {"service":"api","fault":"slow",
 * "latency_ms":3000}}. Every problem of the body is reported at once, each naming the field, the value seen and what
 * was expected.
 */
public final class FaultRequest {

    /** What a body asks for: {@link Valid} or {@link Invalid}. */
    public sealed interface Outcome {}

    /** Inject {@code fault} into {@code service}; an empty fault means {@code clear}. */
    public record Valid(DemoService service, Optional<Fault> fault) implements Outcome {}

    public record Invalid(List<FieldError> errors) implements Outcome {}

    /**
     * One bad field. {@code value} is the value seen as JSON text ({@code null} when absent); {@code allowed} lists the
     * accepted values when they can be listed, else it is empty and {@code expected} says what was expected.
     */
    public record FieldError(String field, String value, String expected, List<String> allowed) {}

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final int MAX_SHOWN = 200;

    private FaultRequest() {}

    public static Outcome parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return invalid("$", shorten(body), "a JSON object such as {\"service\":\"api\",\"fault\":\"down\"}");
        }
        if (root == null || !root.isObject()) {
            return invalid("$", root == null ? "" : shorten(root.toString()), "a JSON object");
        }
        var errors = new ArrayList<FieldError>();
        Optional<DemoService> service = service(root, errors);
        Optional<String> kind = kind(root, service, errors);
        kind.ifPresent(k -> unknownKeys(root, k, errors));
        Optional<Fault> fault = kind.flatMap(k -> fault(root, k, errors));
        if (!errors.isEmpty()) {
            return new Invalid(List.copyOf(errors));
        }
        return new Valid(service.orElseThrow(), fault);
    }

    private static Optional<DemoService> service(JsonNode root, List<FieldError> errors) {
        JsonNode node = root.get("service");
        Optional<DemoService> service =
                node != null && node.isString() ? DemoService.byId(node.stringValue()) : Optional.empty();
        if (service.isEmpty()) {
            errors.add(new FieldError("service", shown(node), "a demo service", DemoService.ids()));
        }
        return service;
    }

    private static Optional<String> kind(JsonNode root, Optional<DemoService> service, List<FieldError> errors) {
        Set<String> allowed = new LinkedHashSet<>();
        service.ifPresentOrElse(
                s -> allowed.addAll(s.faultKinds()),
                () -> List.of(DemoService.values()).forEach(s -> allowed.addAll(s.faultKinds())));
        allowed.add("clear");
        JsonNode node = root.get("fault");
        if (node != null && node.isString() && allowed.contains(node.stringValue())) {
            return Optional.of(node.stringValue());
        }
        String expected =
                service.map(s -> "a fault that service " + s.id() + " accepts").orElse("a fault");
        errors.add(new FieldError("fault", shown(node), expected, List.copyOf(allowed)));
        return Optional.empty();
    }

    private static void unknownKeys(JsonNode root, String kind, List<FieldError> errors) {
        List<String> keys = new ArrayList<>(List.of("service", "fault"));
        keys.addAll(
                switch (kind) {
                    case "slow" -> List.of("latency_ms");
                    case "status" -> List.of("status");
                    case "dependency" -> List.of("entry", "status");
                    default -> List.<String>of();
                });
        for (String key : root.propertyNames()) {
            if (!keys.contains(key)) {
                errors.add(new FieldError(key, shown(root.get(key)), "a key that fault " + kind + " takes", keys));
            }
        }
    }

    private static Optional<Fault> fault(JsonNode root, String kind, List<FieldError> errors) {
        return switch (kind) {
            case "clear" -> Optional.empty();
            case "down" -> Optional.of(new Fault.Down());
            case "error" -> Optional.of(new Fault.ServerError());
            case "slow" -> latency(root, errors).map(Fault.Slow::new);
            case "status" ->
                oneOf(root, "status", "a cluster status", Fault.ClusterStatus.ALLOWED, null, errors)
                        .map(Fault.ClusterStatus::new);
            case "dependency" -> dependency(root, errors);
            default -> throw new IllegalStateException("fault kind accepted but not handled: " + kind);
        };
    }

    private static Optional<Fault> dependency(JsonNode root, List<FieldError> errors) {
        var entry = oneOf(root, "entry", "an entry of /health/detailed", Fault.Dependency.ENTRIES, null, errors);
        var status = oneOf(root, "status", "an entry status", Fault.Dependency.STATUSES, "Unhealthy", errors);
        if (entry.isEmpty() || status.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Fault.Dependency(entry.get(), status.get()));
    }

    private static Optional<Duration> latency(JsonNode root, List<FieldError> errors) {
        JsonNode node = root.get("latency_ms");
        if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
            long ms = node.longValue();
            if (ms >= 1 && ms <= Fault.Slow.MAX_MILLIS) {
                return Optional.of(Duration.ofMillis(ms));
            }
        }
        errors.add(new FieldError(
                "latency_ms",
                shown(node),
                "an integer number of milliseconds from 1 to " + Fault.Slow.MAX_MILLIS,
                List.of()));
        return Optional.empty();
    }

    private static Optional<String> oneOf(
            JsonNode root,
            String field,
            String expected,
            List<String> allowed,
            String byDefault,
            List<FieldError> errors) {
        JsonNode node = root.get(field);
        if (node == null && byDefault != null) {
            return Optional.of(byDefault);
        }
        if (node != null && node.isString() && allowed.contains(node.stringValue())) {
            return Optional.of(node.stringValue());
        }
        errors.add(new FieldError(field, shown(node), expected, allowed));
        return Optional.empty();
    }

    private static Invalid invalid(String field, String value, String expected) {
        return new Invalid(List.of(new FieldError(field, value, expected, List.of())));
    }

    private static String shown(JsonNode node) {
        return node == null ? null : shorten(node.toString());
    }

    private static String shorten(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }

    static String describe(List<FieldError> errors) {
        return errors.stream()
                .map(e -> e.field() + ": expected " + e.expected()
                        + (e.allowed().isEmpty() ? "" : " " + e.allowed()) + ", was " + e.value())
                .collect(Collectors.joining("; "));
    }
}
