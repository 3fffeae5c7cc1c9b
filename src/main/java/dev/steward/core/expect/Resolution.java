package dev.steward.core.expect;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** What a path resolved to in one observation. */
sealed interface Resolution {

    /** A scalar value. */
    record Present(Value value) implements Resolution {}

    /** Nothing there; {@code seen} says what was found instead ({@code <missing>}, {@code null}). */
    record Absent(String seen) implements Resolution {}

    /** A JSON array or object: only {@code contains} (on arrays) can use it. */
    record Composite(JsonNode node) implements Resolution {}

    Absent MISSING = new Absent("<missing>");

    /** How the resolved thing is shown as the value seen. */
    default String render() {
        return switch (this) {
            case Present(Value.Dur(Duration d)) -> DurationLiteral.format(d);
            case Present(Value v) -> Resolution.shorten(v.toString());
            case Absent(String seen) -> seen;
            case Composite(JsonNode node) ->
                node.isArray() ? "<array of " + node.size() + ">" : "<object with " + node.size() + " fields>";
        };
    }

    /** Long texts (a whole body) are cut in messages. */
    static String shorten(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
