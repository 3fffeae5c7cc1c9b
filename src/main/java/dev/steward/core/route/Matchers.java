package dev.steward.core.route;

import dev.steward.core.series.Labels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A conjunction of {@link Matcher}s (all must match; none matches everything), and the parser for Alertmanager's
 * matcher text: one or more comma-separated matchers, optionally in braces, with quoted or bare values ({@code
 * {severity="critical", service=~"api|db"}}, {@code team=ops}).
 */
public record Matchers(List<Matcher> list) {
    public static final Matchers NONE = new Matchers(List.of());
    private static final Pattern ONE =
            Pattern.compile("^\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(=~|!=|!~|=)\\s*(.*?)\\s*$", Pattern.DOTALL);

    public Matchers {
        list = List.copyOf(list);
    }

    /** In a stable order (name, operator, value), as Alertmanager sorts a route's matchers. */
    public static Matchers sorted(List<Matcher> matchers) {
        List<Matcher> copy = new ArrayList<>(matchers);
        copy.sort(
                Comparator.comparing(Matcher::name).thenComparing(Matcher::type).thenComparing(Matcher::value));
        return new Matchers(copy);
    }

    public boolean matches(Labels labels) {
        for (Matcher m : list) {
            if (!m.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** Parses one entry of a {@code matchers:} list, which may hold several comma-separated matchers. */
    public static Parsed<List<Matcher>> parse(String text) {
        String t = text.strip();
        // Alertmanager drops an opening and a closing brace independently, so "{a=b" is accepted too.
        if (t.startsWith("{")) {
            t = t.substring(1);
        }
        if (t.endsWith("}")) {
            t = t.substring(0, t.length() - 1);
        }
        List<String> pieces = split(t);
        if (pieces == null) {
            return Parsed.failed("unterminated quoted value or unescaped double quote in \"" + text + '"');
        }
        List<Matcher> out = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            if (piece.isBlank() && i == pieces.size() - 1 && i > 0) {
                break; // a trailing comma
            }
            switch (one(piece)) {
                case Parsed.Ok<Matcher>(Matcher m) -> out.add(m);
                case Parsed.Failed<Matcher>(String reason) -> {
                    return Parsed.failed(reason);
                }
            }
        }
        return Parsed.ok(out);
    }

    private static Parsed<Matcher> one(String piece) {
        var m = ONE.matcher(piece);
        if (!m.matches()) {
            return Parsed.failed(
                    "bad matcher \"" + piece.strip() + "\": expected name, one of = != =~ !~, and a value");
        }
        String value = value(m.group(3));
        if (value == null) {
            return Parsed.failed("matcher value contains an unescaped double quote in \"" + piece.strip() + '"');
        }
        Matcher.Type type = switch (m.group(2)) {
            case "=" -> Matcher.Type.EQUAL;
            case "!=" -> Matcher.Type.NOT_EQUAL;
            case "=~" -> Matcher.Type.REGEX;
            default -> Matcher.Type.NOT_REGEX;
        };
        return Matcher.of(m.group(1), type, value);
    }

    /** Splits on commas outside double quotes; null when a quote is left open. */
    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                cur.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return quoted ? null : out;
    }

    /**
     * The value as Alertmanager reads it: an optional opening quote that must then close the value, {@code \\"},
     * {@code \\\\} and {@code \\n} as escapes, any other backslash kept as it is (so {@code "\\d+"} stays a
     * regular expression); null when a double quote is left unescaped.
     */
    private static String value(String raw) {
        boolean quoted = raw.startsWith("\"");
        String s = quoted ? raw.substring(1) : raw;
        StringBuilder b = new StringBuilder();
        boolean closed = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                if (n == 'n') {
                    b.append('\n');
                } else if (n == '"' || n == '\\') {
                    b.append(n);
                } else {
                    b.append(c).append(n);
                }
            } else if (c == '"') {
                if (!quoted || i != s.length() - 1) {
                    return null;
                }
                closed = true;
            } else {
                b.append(c);
            }
        }
        return quoted && !closed ? null : b.toString();
    }

    @Override
    public String toString() {
        return list.toString().replace('[', '{').replace(']', '}');
    }
}
