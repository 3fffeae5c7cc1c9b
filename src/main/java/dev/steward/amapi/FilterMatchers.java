package dev.steward.amapi;

import dev.steward.core.silence.SilenceMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code filter} query parameters of Alertmanager's API: each one a matcher such as {@code
 * alertname="DiskFull"}, {@code env!=prod} or {@code job=~"api|db"}, the value quoted (with backslash escapes) or not,
 * optionally inside braces.
 */
public final class FilterMatchers {
    private static final Pattern MATCHER =
            Pattern.compile("\\s*\\{?\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(.*?)\\s*}?\\s*");

    private FilterMatchers() {}

    /** The matchers, or an error naming the first filter that is not a matcher. */
    public static Parsed parse(List<String> filters) {
        List<SilenceMatcher> out = new ArrayList<>();
        for (String f : filters) {
            Optional<SilenceMatcher> m = parseOne(f);
            if (m.isEmpty()) {
                return new Parsed(List.of(), "bad matcher format: " + f);
            }
            out.add(m.get());
        }
        return new Parsed(List.copyOf(out), null);
    }

    public record Parsed(List<SilenceMatcher> matchers, String error) {}

    private static Optional<SilenceMatcher> parseOne(String text) {
        Matcher m = MATCHER.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<String> value = unquote(m.group(3));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String op = m.group(2);
        boolean regex = op.endsWith("~");
        boolean equal = op.charAt(0) == '=';
        return Optional.of(new SilenceMatcher(m.group(1), value.get(), regex, equal));
    }

    private static Optional<String> unquote(String raw) {
        if (raw.length() < 2 || raw.charAt(0) != '"') {
            return raw.contains("\"") ? Optional.empty() : Optional.of(raw);
        }
        if (raw.charAt(raw.length() - 1) != '"') {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() - 1) {
                char n = raw.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                sb.append(c);
            }
        }
        return Optional.of(sb.toString());
    }
}
