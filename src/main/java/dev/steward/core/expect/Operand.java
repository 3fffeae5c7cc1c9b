package dev.steward.core.expect;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** One side of a comparison: a path to an observed fact, or a literal value. */
sealed interface Operand {

    /** A literal written in the condition; {@code text} is how it was written. */
    record Literal(Value value, String text) implements Operand {
        @Override
        public String toString() {
            return switch (value) {
                case Value.Text t -> Literal.quote(t.value());
                case Value.Dur d -> DurationLiteral.format(d.value());
                case Value.Num n -> n.toString();
                case Value.Bool b -> b.toString();
            };
        }

        static String quote(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\t' -> b.append("\\t");
                    case '\r' -> b.append("\\r");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }
    }

    /**
     * A path such as {@code status}, {@code body.items[0].name}, {@code header["Content-Type"]}; {@code offset} is
     * where it starts in the condition text.
     */
    record Path(String root, List<Segment> segments, int offset) implements Operand {
        private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

        /** The dotted fact name ({@code info.used_memory}) when every segment is a plain name. */
        Optional<String> dottedName() {
            StringBuilder b = new StringBuilder(root);
            for (Segment s : segments) {
                if (!(s instanceof Segment.Name(String name))) {
                    return Optional.empty();
                }
                b.append('.').append(name);
            }
            return Optional.of(b.toString());
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(root);
            for (Segment s : segments) {
                switch (s) {
                    case Segment.Name(String name)
                    when NAME.matcher(name).matches() -> b.append('.').append(name);
                    case Segment.Name(String name) ->
                        b.append('[').append(Literal.quote(name)).append(']');
                    case Segment.Key(String key) ->
                        b.append('[').append(Literal.quote(key)).append(']');
                    case Segment.Index(int index) -> b.append('[').append(index).append(']');
                }
            }
            return b.toString();
        }
    }

    /** A step of a path after its root. */
    sealed interface Segment {
        /** {@code .name}: an object field (and part of a dotted fact name). */
        record Name(String name) implements Segment {}

        /** {@code ["key"]}: a header name or an object field with any characters. */
        record Key(String key) implements Segment {}

        /** {@code [0]}: an array element. */
        record Index(int index) implements Segment {}
    }
}
