package dev.steward.core.rule.template;

import java.util.function.IntConsumer;

/** Go string literals in templates: interpreted {@code "..."} with backslash escapes, and raw {@code `...`}. */
final class GoString {
    private GoString() {}

    /** Reads the literal starting at {@code start}; reports the index after it to {@code end}. */
    static String read(String in, int start, IntConsumer end) {
        char quote = in.charAt(start);
        StringBuilder b = new StringBuilder();
        int p = start + 1;
        while (p < in.length()) {
            char c = in.charAt(p);
            if (c == quote) {
                end.accept(p + 1);
                return b.toString();
            }
            if (quote == '"' && c == '\n') {
                break;
            }
            if (quote == '"' && c == '\\') {
                p = escape(in, p + 1, b);
                continue;
            }
            b.append(c);
            p++;
        }
        throw new TemplateSyntaxException("unterminated string", start);
    }

    private static int escape(String in, int p, StringBuilder b) {
        if (p >= in.length()) {
            throw new TemplateSyntaxException("unterminated string", p);
        }
        char e = in.charAt(p);
        switch (e) {
            case 'n' -> b.append('\n');
            case 't' -> b.append('\t');
            case 'r' -> b.append('\r');
            case 'a' -> b.append('\u0007');
            case 'b' -> b.append('\b');
            case 'f' -> b.append('\f');
            case 'v' -> b.append('\u000b');
            case '\\', '"', '\'' -> b.append(e);
            case 'x' -> {
                return hex(in, p + 1, 2, b);
            }
            case 'u' -> {
                return hex(in, p + 1, 4, b);
            }
            case 'U' -> {
                return hex(in, p + 1, 8, b);
            }
            default -> throw new TemplateSyntaxException("unknown escape sequence \\" + e, p - 1);
        }
        return p + 1;
    }

    private static int hex(String in, int p, int digits, StringBuilder b) {
        if (p + digits > in.length()) {
            throw new TemplateSyntaxException("invalid escape sequence", p - 2);
        }
        try {
            b.appendCodePoint(Integer.parseInt(in.substring(p, p + digits), 16));
        } catch (IllegalArgumentException e) {
            throw new TemplateSyntaxException("invalid escape sequence", p - 2);
        }
        return p + digits;
    }
}
