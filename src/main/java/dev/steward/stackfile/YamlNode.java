package dev.steward.stackfile;

import java.util.List;

/** A YAML node with where it starts and ends in the file; keys of a mapping keep their own positions. */
sealed interface YamlNode {

    Position start();

    /** 1-based line and column (in code points); {@code index} is the 0-based code-point offset in the file. */
    record Position(int line, int column, int index) {
        static final Position UNKNOWN = new Position(0, 0, -1);
    }

    /** How a scalar was resolved by the YAML core schema. */
    enum ScalarType {
        STRING,
        INT,
        FLOAT,
        BOOL,
        NULL
    }

    /** How a scalar was written (decides how offsets inside it map to columns). */
    enum Style {
        PLAIN,
        SINGLE_QUOTED,
        DOUBLE_QUOTED,
        BLOCK
    }

    record Scalar(String value, ScalarType type, Style style, Position start, Position end) implements YamlNode {}

    record Entry(Scalar key, YamlNode value) {}

    record Mapping(List<Entry> entries, Position start) implements YamlNode {}

    record Sequence(List<YamlNode> items, Position start) implements YamlNode {}

    /** How a node is named when it has the wrong type: {@code a list}, {@code "abc"}, {@code nothing (null)}. */
    static String describe(YamlNode node) {
        return switch (node) {
            case Mapping m -> "a mapping";
            case Sequence s -> "a list";
            case Scalar s when s.type() == ScalarType.NULL -> "nothing (null)";
            case Scalar s when s.type() == ScalarType.STRING -> Quote.of(s.value());
            case Scalar s -> s.value();
        };
    }
}
