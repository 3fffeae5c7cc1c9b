package dev.steward.ruletest;

import dev.steward.core.rule.PromDuration;
import dev.steward.stackfile.ConfigError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Strict, position-keeping access to a composed YAML document: unknown and duplicate keys and wrong types are
 * collected as {@link ConfigError}s with line and column, and the reader carries on to report them all.
 */
final class YamlFields {
    private final String file;
    private final List<ConfigError> errors = new ArrayList<>();

    YamlFields(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    List<ConfigError> errors() {
        return errors;
    }

    void error(Node at, String path, String message, String seen, String expected) {
        int line = at == null ? 0 : at.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        int column =
                at == null ? 0 : at.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
        errors.add(new ConfigError(
                file, line, column, path, message, Optional.ofNullable(seen), Optional.ofNullable(expected)));
    }

    /** The fields of a mapping by key, reporting keys not in {@code allowed}; null (absent) gives an empty map. */
    Map<String, Node> fields(Node node, String path, Collection<String> allowed, String expected) {
        Map<String, Node> out = new LinkedHashMap<>();
        if (isNull(node)) {
            return out;
        }
        if (!(node instanceof MappingNode m)) {
            error(node, path, "wrong type:", describe(node), expected);
            return out;
        }
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            String keyPath = key == null ? path : path.isEmpty() ? key : path + "." + key;
            if (key == null) {
                error(t.getKeyNode(), path, "a key that is not text", null, "text keys");
            } else if (!allowed.contains(key)) {
                error(
                        t.getKeyNode(),
                        keyPath,
                        "unknown field",
                        '"' + key + '"',
                        "one of " + String.join(", ", allowed));
            } else if (out.putIfAbsent(key, t.getValueNode()) != null) {
                error(t.getKeyNode(), keyPath, "duplicate key", '"' + key + '"', "each key once");
            }
        }
        return out;
    }

    /** The items of a list; null (absent) gives an empty list. */
    List<Node> list(Node node, String path, String expected) {
        if (isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode s)) {
            error(node, path, "wrong type:", describe(node), expected);
            return List.of();
        }
        return s.getValue();
    }

    /** A scalar's text, or empty (with an error) when the node is a list or mapping; null gives {@code fallback}. */
    Optional<String> text(Node node, String path, String fallback, String expected) {
        if (isNull(node)) {
            return Optional.ofNullable(fallback);
        }
        if (!(node instanceof ScalarNode s)) {
            error(node, path, "wrong type:", describe(node), expected);
            return Optional.empty();
        }
        return Optional.of(s.getValue());
    }

    Optional<Duration> duration(Node node, String path, Duration fallback) {
        Optional<String> text = text(node, path, null, PromDuration.EXAMPLES);
        if (text.isEmpty()) {
            if (isNull(node) && fallback == null) {
                error(node, path, "missing", null, PromDuration.EXAMPLES);
            }
            return Optional.ofNullable(isNull(node) ? fallback : null);
        }
        Optional<Duration> d = PromDuration.parse(text.get());
        if (d.isEmpty()) {
            error(node, path, "invalid duration", '"' + text.get() + '"', PromDuration.EXAMPLES);
        }
        return d;
    }

    /** A mapping of text to text, such as {@code exp_labels}. */
    Map<String, String> stringMap(Node node, String path, String expected) {
        Map<String, String> out = new LinkedHashMap<>();
        if (isNull(node)) {
            return out;
        }
        if (!(node instanceof MappingNode m)) {
            error(node, path, "wrong type:", describe(node), expected);
            return out;
        }
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                error(t.getKeyNode(), path, "a key that is not text", null, "text keys");
                continue;
            }
            String keyPath = path + "." + k.getValue();
            text(t.getValueNode(), keyPath, "", "text").ifPresent(v -> {
                if (out.putIfAbsent(k.getValue(), v) != null) {
                    error(k, keyPath, "duplicate key", '"' + k.getValue() + '"', "each key once");
                }
            });
        }
        return out;
    }

    static boolean isNull(Node node) {
        return node == null || (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL));
    }

    static String describe(Node node) {
        return switch (node) {
            case MappingNode m -> "a mapping";
            case SequenceNode s -> "a list";
            case ScalarNode s -> '"' + s.getValue() + '"';
            default -> node.getNodeType().toString();
        };
    }
}
