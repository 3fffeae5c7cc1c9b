package dev.steward.core.rule.template;

import java.util.regex.Matcher;

/** Go's {@code regexp.Expand} replacement syntax: {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}}, {@code $$}. */
final class GoRegexExpand {
    private GoRegexExpand() {}

    static void expand(String template, Matcher m, StringBuilder out) {
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                out.append(c);
                i++;
                continue;
            }
            if (template.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            boolean braced = template.charAt(i + 1) == '{';
            int start = i + (braced ? 2 : 1);
            int end = start;
            while (end < template.length() && isNameChar(template.charAt(end))) {
                end++;
            }
            boolean closed = !braced || (end < template.length() && template.charAt(end) == '}');
            if (end == start || !closed) {
                out.append('$');
                i++;
                continue;
            }
            out.append(group(m, template.substring(start, end)));
            i = braced ? end + 1 : end;
        }
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static String group(Matcher m, String name) {
        String value;
        try {
            value = name.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(name)) : m.group(name);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            value = null; // a group that does not exist expands to nothing, as in Go
        }
        return value == null ? "" : value;
    }
}
