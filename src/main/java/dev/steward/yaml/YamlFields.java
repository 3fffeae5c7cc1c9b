package dev.steward.yaml;

import dev.steward.core.rule.PromDuration;
import dev.steward.stackfile.ConfigError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Strict, position-keeping access to a composed YAML document: unknown and duplicate keys and wrong types become
 * {@link ConfigError}s with line and column, and reading carries on so that every error is reported. Not thread-safe:
 * one reader per document.
 */
public final class YamlFields {
    private final String file;
    private final List<ConfigError> errors = new ArrayList<>();

    public YamlFields(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public List<ConfigError> errors() {
        return errors;
    }

    public void error(Node at, String path, String message, String seen, String expected) {
        int line = at == null ? 0 : at.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        int column =
                at == null ? 0 : at.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
        errors.add(new ConfigError(
                file, line, column, path, message, Optional.ofNullable(seen), Optional.ofNullable(expected)));
    }

    /** The fields of a mapping by key, reporting keys not in {@code allowed}; null (absent) gives an empty map. */
    public Map<String, Node> fields(Node node, String path, Collection<String> allowed, String expected) {
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
            String keyPath = key == null ? path : join(path, key);
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

    public static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The items of a list; null (absent) gives an empty list. */
    public List<Node> list(Node node, String path, String expected) {
        if (isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode s)) {
            error(node, path, "wrong type:", describe(node), expected);
            return List.of();
        }
        return s.getValue();
    }

    /** A scalar's text, or empty (with an error) when the node is a list or mapping; absent gives {@code fallback}. */
    public Optional<String> text(Node node, String path, String fallback, String expected) {
        return isNull(node) ? Optional.ofNullable(fallback) : text(node, path, expected);
    }

    /** A scalar's text; empty (with an error) for a list or mapping, empty (silently) when absent. */
    public Optional<String> text(Node node, String path, String expected) {
        if (isNull(node)) {
            return Optional.empty();
        }
        if (!(node instanceof ScalarNode s)) {
            error(node, path, "wrong type:", describe(node), expected);
            return Optional.empty();
        }
        return Optional.of(s.getValue());
    }

    /** Each item of a list of scalars, with its node. */
    public List<Map.Entry<Node, String>> texts(Node node, String path, String expected) {
        List<Map.Entry<Node, String>> out = new ArrayList<>();
        List<Node> items = list(node, path, expected);
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            text(item, path + "[" + i + "]", expected).ifPresent(t -> out.add(Map.entry(item, t)));
        }
        return out;
    }

    public Optional<Boolean> bool(Node node, String path) {
        return text(node, path, "true or false").flatMap(t -> switch (t) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                error(node, path, "not a boolean", '"' + t + '"', "true or false");
                yield Optional.empty();
            }
        });
    }

    public Optional<Duration> duration(Node node, String path) {
        Optional<String> text = text(node, path, PromDuration.EXAMPLES);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> d = PromDuration.parse(text.get());
        if (d.isEmpty()) {
            error(node, path, "invalid duration", '"' + text.get() + '"', PromDuration.EXAMPLES);
        }
        return d;
    }

    /** A duration; absent gives {@code fallback}, or an error "missing" when {@code fallback} is null. */
    public Optional<Duration> duration(Node node, String path, Duration fallback) {
        if (isNull(node)) {
            if (fallback == null) {
                error(node, path, "missing", null, PromDuration.EXAMPLES);
            }
            return Optional.ofNullable(fallback);
        }
        return duration(node, path);
    }

    /** A mapping of text to text, such as {@code match}. */
    public Map<String, Map.Entry<Node, String>> stringMap(Node node, String path, String expected) {
        Map<String, Map.Entry<Node, String>> out = new LinkedHashMap<>();
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
            String keyPath = join(path, k.getValue());
            String v = isNull(t.getValueNode())
                    ? ""
                    : text(t.getValueNode(), keyPath, "text").orElse(null);
            if (v != null && out.putIfAbsent(k.getValue(), Map.entry(t.getValueNode(), v)) != null) {
                error(k, keyPath, "duplicate key", '"' + k.getValue() + '"', "each key once");
            }
        }
        return out;
    }

    /** The node as plain Java values (maps, lists, text; null for YAML null), for settings kept raw. */
    public static Object raw(Node node) {
        return switch (node) {
            case MappingNode m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (NodeTuple t : m.getValue()) {
                    out.put(t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?", raw(t.getValueNode()));
                }
                yield out;
            }
            case SequenceNode s -> s.getValue().stream().map(YamlFields::raw).toList();
            case ScalarNode s -> s.getTag().equals(Tag.NULL) ? null : s.getValue();
            default -> null;
        };
    }

    /**
     * Composes {@code text} into one YAML document: empty when the text holds none, or (with the error recorded) when it
     * is not YAML or holds more than one document.
     */
    public Optional<Node> compose(String text, String label) {
        try {
            Iterator<Node> docs = new Compose(
                            LoadSettings.builder().setLabel(label).build())
                    .composeAllFromString(text)
                    .iterator();
            if (!docs.hasNext()) {
                return Optional.empty();
            }
            Node root = docs.next();
            if (docs.hasNext()) {
                error(docs.next(), "", "a second YAML document", null, "one document per file");
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (MarkedYamlEngineException e) {
            var mark = e.getProblemMark().or(e::getContextMark);
            String problem = e.getProblem() == null ? e.getContext() : e.getProblem();
            errors.add(new ConfigError(
                    file,
                    mark.map(m -> m.getLine() + 1).orElse(0),
                    mark.map(m -> m.getColumn() + 1).orElse(0),
                    "",
                    "invalid YAML: " + problem,
                    Optional.empty(),
                    Optional.empty()));
            return Optional.empty();
        } catch (YamlEngineException e) {
            error(null, "", "invalid YAML: " + e.getMessage(), null, null);
            return Optional.empty();
        }
    }

    public static boolean isNull(Node node) {
        return node == null || (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL));
    }

    public static String describe(Node node) {
        return switch (node) {
            case MappingNode m -> "a mapping";
            case SequenceNode s -> "a list";
            case ScalarNode s -> '"' + s.getValue() + '"';
            default -> node.getNodeType().toString();
        };
    }
}
