package dev.steward.core.expect;

import dev.steward.core.expect.Operand.Path;
import dev.steward.core.expect.Operand.Segment;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One evaluation of a condition against an observation. Resolves paths (fact by dotted name, then header, then a JSON
 * path into a document) and parses each JSON document at most once.
 */
final class Evaluation {
    private static final JsonMapper JSON = JsonMapper.shared();

    private final Observation observation;
    private final Map<String, Object> parsedDocuments = new HashMap<>();

    Evaluation(Observation observation) {
        this.observation = observation;
    }

    Resolution resolve(Operand operand) {
        return switch (operand) {
            case Operand.Literal l -> new Resolution.Present(l.value());
            case Path p -> resolvePath(p);
        };
    }

    private Resolution resolvePath(Path path) {
        Optional<Value> fact = path.dottedName().flatMap(observation::fact);
        if (fact.isPresent()) {
            return new Resolution.Present(fact.get());
        }
        if (path.root().equals("header")
                && path.segments().size() == 1
                && path.segments().getFirst() instanceof Segment.Key(String name)) {
            return observation
                    .header(name)
                    .<Resolution>map(v -> new Resolution.Present(new Value.Text(v)))
                    .orElse(Resolution.MISSING);
        }
        Optional<String> document = observation.document(path.root());
        if (document.isEmpty()) {
            return Resolution.MISSING;
        }
        if (path.segments().isEmpty()) {
            return new Resolution.Present(new Value.Text(document.get()));
        }
        Object parsed = parsedDocuments.computeIfAbsent(path.root(), root -> parse(root, document.get()));
        if (parsed instanceof Resolution.Absent notJson) {
            return notJson;
        }
        return walk((JsonNode) parsed, path);
    }

    private static Object parse(String root, String text) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            return new Resolution.Absent("<" + root + " is not JSON>");
        }
    }

    private static Resolution walk(JsonNode node, Path path) {
        JsonNode current = node;
        for (Segment s : path.segments()) {
            current = switch (s) {
                case Segment.Name(String name) -> current.isObject() ? current.get(name) : null;
                case Segment.Key(String key) -> current.isObject() ? current.get(key) : null;
                case Segment.Index(int index) -> current.isArray() ? current.get(index) : null;
            };
            if (current == null || current.isMissingNode()) {
                return Resolution.MISSING;
            }
        }
        return fromJson(current);
    }

    static Resolution fromJson(JsonNode node) {
        if (node.isNumber()) {
            return new Resolution.Present(new Value.Num(node.doubleValue()));
        }
        if (node.isString()) {
            return new Resolution.Present(new Value.Text(node.stringValue()));
        }
        if (node.isBoolean()) {
            return new Resolution.Present(new Value.Bool(node.booleanValue()));
        }
        if (node.isNull()) {
            return new Resolution.Absent("null");
        }
        return new Resolution.Composite(node);
    }
}
