package dev.steward.stackfile;

import dev.steward.stackfile.YamlNode.Entry;
import dev.steward.stackfile.YamlNode.Position;
import dev.steward.stackfile.YamlNode.Scalar;
import dev.steward.stackfile.YamlNode.ScalarType;
import dev.steward.stackfile.YamlNode.Style;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Composes YAML text into {@link YamlNode}s with positions, using SnakeYAML Engine's composer (the node graph, before
 * any Java object is built). Reports syntax errors, duplicate keys (which YAML parsers otherwise resolve silently to
 * the last value), non-text keys, recursive aliases and extra documents; on a duplicate key the first value is kept.
 */
final class YamlTree {
    private final Diagnostics diagnostics;
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    private YamlTree(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The single document of {@code text}, or empty when it does not parse (the reasons are in diagnostics). */
    static Optional<YamlNode> compose(String text, Diagnostics diagnostics) {
        return compose(text, diagnostics, "a mapping with stack and services");
    }

    /**
     * As {@link #compose(String, Diagnostics)}; {@code emptyExpected} says what an empty file should have held, or is
     * null when an empty file is valid (then empty is returned with no error).
     */
    static Optional<YamlNode> compose(String text, Diagnostics diagnostics, String emptyExpected) {
        LoadSettings settings = LoadSettings.builder().setLabel("stack file").build();
        try {
            Iterator<Node> documents =
                    new Compose(settings).composeAllFromString(text).iterator();
            if (!documents.hasNext()) {
                if (emptyExpected != null) {
                    diagnostics.add(Position.UNKNOWN, "", "the file is empty", null, emptyExpected);
                }
                return Optional.empty();
            }
            Node root = documents.next();
            if (documents.hasNext()) {
                Node extra = documents.next();
                diagnostics.add(
                        position(extra.getStartMark()), "", "a second YAML document", null, "one document per file");
                return Optional.empty();
            }
            return Optional.of(new YamlTree(diagnostics).convert(root, ""));
        } catch (MarkedYamlEngineException e) {
            Position at = position(e.getProblemMark().or(e::getContextMark));
            String problem = e.getProblem() == null ? e.getContext() : e.getProblem();
            diagnostics.add(at, "", "invalid YAML: " + problem, null, null);
            return Optional.empty();
        } catch (YamlEngineException e) {
            diagnostics.add(Position.UNKNOWN, "", "invalid YAML: " + e.getMessage(), null, null);
            return Optional.empty();
        }
    }

    private YamlNode convert(Node node, String path) {
        if (!inProgress.add(node)) {
            diagnostics.add(position(node.getStartMark()), path, "recursive alias", null, "a tree without cycles");
            return new Scalar("", ScalarType.NULL, Style.PLAIN, position(node.getStartMark()), Position.UNKNOWN);
        }
        try {
            return switch (node) {
                case ScalarNode s -> scalar(s);
                case SequenceNode s -> sequence(s, path);
                case MappingNode m -> mapping(m, path);
                default -> throw new IllegalStateException("unknown YAML node " + node.getNodeType());
            };
        } finally {
            inProgress.remove(node);
        }
    }

    private YamlNode sequence(SequenceNode s, String path) {
        List<YamlNode> items = new ArrayList<>();
        for (Node item : s.getValue()) {
            items.add(convert(item, path + "[" + items.size() + "]"));
        }
        return new YamlNode.Sequence(List.copyOf(items), position(s.getStartMark()));
    }

    private YamlNode mapping(MappingNode m, String path) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Scalar> seen = new HashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode keyNode)) {
                diagnostics.add(
                        position(t.getKeyNode().getStartMark()), path, "a key that is not text", null, "text keys");
                continue;
            }
            Scalar key = scalar(keyNode);
            String keyPath = KeyPath.key(path, key.value());
            Scalar first = seen.putIfAbsent(key.value(), key);
            if (first != null) {
                diagnostics.add(
                        key.start(),
                        keyPath,
                        "duplicate key",
                        Quote.of(key.value()),
                        "each key once in a mapping (first at line "
                                + first.start().line() + ")");
                continue;
            }
            entries.add(new Entry(key, convert(t.getValueNode(), keyPath)));
        }
        return new YamlNode.Mapping(List.copyOf(entries), position(m.getStartMark()));
    }

    private static Scalar scalar(ScalarNode s) {
        Tag tag = s.getTag();
        ScalarType type = tag.equals(Tag.INT)
                ? ScalarType.INT
                : tag.equals(Tag.FLOAT)
                        ? ScalarType.FLOAT
                        : tag.equals(Tag.BOOL)
                                ? ScalarType.BOOL
                                : tag.equals(Tag.NULL) ? ScalarType.NULL : ScalarType.STRING;
        Style style = switch (s.getScalarStyle()) {
            case PLAIN -> Style.PLAIN;
            case SINGLE_QUOTED -> Style.SINGLE_QUOTED;
            case DOUBLE_QUOTED -> Style.DOUBLE_QUOTED;
            default -> Style.BLOCK;
        };
        return new Scalar(s.getValue(), type, style, position(s.getStartMark()), position(s.getEndMark()));
    }

    static Position position(Optional<Mark> mark) {
        return mark.map(m -> new Position(m.getLine() + 1, m.getColumn() + 1, m.getIndex()))
                .orElse(Position.UNKNOWN);
    }
}
