package dev.steward.core.rule.template;

import dev.steward.core.rule.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a template into tokens the way Go's text/template does: text outside {@code {{ }}}, and inside an action
 * identifiers, {@code $variables} and {@code .fields} (with their field chains), strings, numbers, pipes and
 * parentheses. {@code {{- } and {@code -}}} trim the white space next to them; {@code {{/* ... *}}} is a comment.
 */
final class Lexer {
    private final String in;
    private final List<Token> out = new ArrayList<>();
    private int pos;

    private Lexer(String in) {
        this.in = in;
    }

    static List<Token> tokens(String template) {
        Lexer l = new Lexer(template);
        l.run();
        return l.out;
    }

    private void run() {
        while (pos < in.length()) {
            int open = in.indexOf("{{", pos);
            if (open < 0) {
                text(in.substring(pos), pos);
                break;
            }
            String text = in.substring(pos, open);
            boolean trimLeft =
                    in.startsWith("{{- ", open) || in.startsWith("{{-\t", open) || in.startsWith("{{-\n", open);
            text(trimLeft ? text.stripTrailing() : text, pos);
            pos = open + (trimLeft ? 3 : 2);
            if (in.startsWith("/*", skipSpace(pos))) {
                comment(open);
            } else {
                out.add(Token.of(Kind.LEFT_DELIM, "{{", open));
                action(open);
            }
        }
        out.add(Token.of(Kind.EOF, "", in.length()));
    }

    private void text(String text, int at) {
        if (!text.isEmpty()) {
            out.add(Token.of(Kind.TEXT, text, at));
        }
    }

    private int skipSpace(int p) {
        while (p < in.length() && Character.isWhitespace(in.charAt(p))) {
            p++;
        }
        return p;
    }

    private void comment(int open) {
        int end = in.indexOf("*/", skipSpace(pos) + 2);
        if (end < 0) {
            throw new TemplateSyntaxException("unclosed comment", open);
        }
        pos = skipSpace(end + 2);
        closeDelim(open, false);
    }

    /** Consumes {@code }}} or {@code -}}} at pos; returns false when neither is there. */
    private boolean closeDelim(int open, boolean soft) {
        boolean trimRight = in.startsWith("-}}", pos) && pos > 0 && Character.isWhitespace(in.charAt(pos - 1));
        if (!trimRight && !in.startsWith("}}", pos)) {
            if (soft) {
                return false;
            }
            throw new TemplateSyntaxException("comment ends before closing delimiter", open);
        }
        pos += trimRight ? 3 : 2;
        if (trimRight) {
            pos = skipSpace(pos);
        }
        return true;
    }

    private void action(int open) {
        while (true) {
            pos = skipSpace(pos);
            if (pos >= in.length()) {
                throw new TemplateSyntaxException("unclosed action", open);
            }
            int start = pos;
            if (in.startsWith("}}", pos) || in.startsWith("-}}", pos)) {
                if (closeDelim(open, true)) {
                    out.add(Token.of(Kind.RIGHT_DELIM, "}}", start));
                    return;
                }
            }
            out.add(next(start));
        }
    }

    private Token next(int start) {
        char c = in.charAt(pos);
        if (c == '|') {
            pos++;
            return Token.of(Kind.PIPE, "|", start);
        } else if (c == '(' || c == ')') {
            pos++;
            return Token.of(c == '(' ? Kind.LEFT_PAREN : Kind.RIGHT_PAREN, String.valueOf(c), start);
        } else if (in.startsWith(":=", pos)) {
            pos += 2;
            return Token.of(Kind.DECLARE, ":=", start);
        } else if (c == ',') {
            pos++;
            return Token.of(Kind.COMMA, ",", start);
        } else if (c == '=') {
            pos++;
            return Token.of(Kind.ASSIGN, "=", start);
        } else if (c == '"' || c == '`') {
            return new Token(Kind.STRING, GoString.read(in, pos, this::advanceTo), List.of(), start);
        } else if (c == '$') {
            pos++;
            String name = "$" + word();
            return new Token(Kind.VARIABLE, name, fields(), start);
        } else if (c == '.') {
            List<String> fields = fields();
            return new Token(Kind.FIELD, ".", fields, start);
        } else if (Character.isDigit(c)
                || ((c == '-' || c == '+') && pos + 1 < in.length() && Character.isDigit(in.charAt(pos + 1)))) {
            return Token.of(Kind.NUMBER, number(), start);
        } else if (Character.isLetter(c) || c == '_') {
            return Token.of(Kind.IDENTIFIER, word(), start);
        }
        throw new TemplateSyntaxException("unexpected \"" + c + "\" in action", start);
    }

    private void advanceTo(int p) {
        pos = p;
    }

    private String word() {
        int start = pos;
        while (pos < in.length() && (Character.isLetterOrDigit(in.charAt(pos)) || in.charAt(pos) == '_')) {
            pos++;
        }
        return in.substring(start, pos);
    }

    /** A chain of {@code .name} at pos (a lone {@code .} gives an empty chain). */
    private List<String> fields() {
        List<String> fields = new ArrayList<>();
        while (pos < in.length() && in.charAt(pos) == '.') {
            pos++;
            String w = word();
            if (w.isEmpty()) {
                if (!fields.isEmpty()) {
                    throw new TemplateSyntaxException("a field name is missing after \".\"", pos - 1);
                }
                break;
            }
            fields.add(w);
        }
        return List.copyOf(fields);
    }

    private String number() {
        int start = pos;
        if (in.charAt(pos) == '-' || in.charAt(pos) == '+') {
            pos++;
        }
        while (pos < in.length()
                && (Character.isLetterOrDigit(in.charAt(pos))
                        || in.charAt(pos) == '.'
                        || ((in.charAt(pos) == '-' || in.charAt(pos) == '+')
                                && (in.charAt(pos - 1) == 'e' || in.charAt(pos - 1) == 'E')))) {
            pos++;
        }
        return in.substring(start, pos);
    }
}
