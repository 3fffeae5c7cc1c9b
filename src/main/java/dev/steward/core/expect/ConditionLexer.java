package dev.steward.core.expect;

import dev.steward.core.expect.Token.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Splits a condition into tokens; literals (numbers, durations, sizes, strings) are decoded here. */
final class ConditionLexer {
    private final String src;
    private int pos;

    private ConditionLexer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String src) {
        ConditionLexer lexer = new ConditionLexer(src);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (!t.is(Kind.END));
        return tokens;
    }

    private Token next() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
        if (pos >= src.length()) {
            return new Token(Kind.END, "", pos, pos, null);
        }
        char c = src.charAt(pos);
        if (Character.isLetter(c) || c == '_') {
            return identifier();
        }
        if (Character.isDigit(c) || (c == '-' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
            return number();
        }
        if (c == '"') {
            return string();
        }
        return punctuation(c);
    }

    private Token identifier() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        return token(Kind.IDENT, start, null);
    }

    private Token punctuation(char c) {
        int start = pos;
        String two = src.startsWith("==", pos)
                        || src.startsWith("!=", pos)
                        || src.startsWith("<=", pos)
                        || src.startsWith(">=", pos)
                ? src.substring(pos, pos + 2)
                : null;
        if (two != null) {
            pos += 2;
            return token(Kind.OPERATOR, start, null);
        }
        Kind kind = switch (c) {
            case '<', '>' -> Kind.OPERATOR;
            case '(' -> Kind.LPAREN;
            case ')' -> Kind.RPAREN;
            case '[' -> Kind.LBRACKET;
            case ']' -> Kind.RBRACKET;
            case ',' -> Kind.COMMA;
            case '.' -> Kind.DOT;
            case '=' -> throw new ConditionSyntaxException(pos, "'==' to compare", "'='");
            case '!' -> throw new ConditionSyntaxException(pos, "'!=' (or the keyword not)", "'!'");
            default -> throw new ConditionSyntaxException(pos, "a path, a value or an operator", "'" + c + "'");
        };
        pos++;
        return token(kind, start, null);
    }

    private Token number() {
        int start = pos;
        if (src.charAt(pos) == '-') {
            pos++;
        }
        digits();
        if (pos + 1 < src.length() && src.charAt(pos) == '.' && Character.isDigit(src.charAt(pos + 1))) {
            pos++;
            digits();
        }
        exponent();
        if (pos < src.length() && Character.isLetter(src.charAt(pos))) {
            return unitLiteral(start);
        }
        if (pos < src.length() && src.charAt(pos) == '_') {
            throw new ConditionSyntaxException(pos, "a unit or an operator after the number", "'_'");
        }
        double value = Double.parseDouble(src.substring(start, pos));
        return token(Kind.NUMBER, start, new Value.Num(value));
    }

    private void digits() {
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
    }

    private void exponent() {
        if (pos >= src.length() || (src.charAt(pos) != 'e' && src.charAt(pos) != 'E')) {
            return;
        }
        int p = pos + 1;
        if (p < src.length() && (src.charAt(p) == '+' || src.charAt(p) == '-')) {
            p++;
        }
        if (p < src.length() && Character.isDigit(src.charAt(p))) {
            pos = p;
            digits();
        }
    }

    /** A number followed by letters: a duration ({@code 1h30m}) or a size ({@code 512MiB}). */
    private Token unitLiteral(int start) {
        int unitStart = pos;
        while (pos < src.length() && Character.isLetter(src.charAt(pos))) {
            pos++;
        }
        String unit = src.substring(unitStart, pos);
        Optional<Long> bytes = sizeUnit(unit);
        if (bytes.isPresent() && !DurationLiteral.unitNanos(unit).isPresent()) {
            BigDecimal amount = new BigDecimal(src.substring(start, unitStart));
            return token(Kind.SIZE, start, new Value.Num(amount.doubleValue() * bytes.get()));
        }
        // a duration may continue with more groups: 1h30m, 2m30s500ms
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
            pos++;
        }
        String text = src.substring(start, pos);
        return DurationLiteral.parse(text)
                .map(d -> token(Kind.DURATION, start, new Value.Dur(d)))
                .orElseThrow(() -> new ConditionSyntaxException(
                        unitStart,
                        "a duration unit (ms, s, m, h, d, w) or a size unit (B, KB, MB, GB, TB, KiB, MiB, GiB, TiB)",
                        "'" + text + "'"));
    }

    /** Bytes per size unit; decimal (KB = 1000) and binary (KiB = 1024), any letter case. */
    static Optional<Long> sizeUnit(String unit) {
        return Optional.ofNullable(
                switch (unit.toLowerCase(Locale.ROOT)) {
                    case "b" -> 1L;
                    case "kb" -> 1_000L;
                    case "mb" -> 1_000_000L;
                    case "gb" -> 1_000_000_000L;
                    case "tb" -> 1_000_000_000_000L;
                    case "kib" -> 1L << 10;
                    case "mib" -> 1L << 20;
                    case "gib" -> 1L << 30;
                    case "tib" -> 1L << 40;
                    default -> null;
                });
    }

    private Token string() {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < src.length() && src.charAt(pos) != '"') {
            char c = src.charAt(pos);
            if (c == '\\') {
                value.append(escape());
            } else {
                value.append(c);
                pos++;
            }
        }
        if (pos >= src.length()) {
            throw new ConditionSyntaxException(start, "a closing '\"' for the string starting here", "end of input");
        }
        pos++;
        return token(Kind.STRING, start, new Value.Text(value.toString()));
    }

    private String escape() {
        int at = pos;
        if (pos + 1 >= src.length()) {
            throw new ConditionSyntaxException(at, "an escape such as \\\" \\\\ \\n \\t \\uXXXX", "end of input");
        }
        char e = src.charAt(pos + 1);
        pos += 2;
        return switch (e) {
            case '"' -> "\"";
            case '\\' -> "\\";
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case 'u' -> unicodeEscape(at);
            default ->
                throw new ConditionSyntaxException(at, "an escape such as \\\" \\\\ \\n \\t \\uXXXX", "'\\" + e + "'");
        };
    }

    private String unicodeEscape(int at) {
        if (pos + 4 > src.length() || !src.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
            throw new ConditionSyntaxException(at, "four hex digits after \\u", "'" + src.substring(at) + "'");
        }
        char c = (char) Integer.parseInt(src.substring(pos, pos + 4), 16);
        pos += 4;
        return String.valueOf(c);
    }

    private Token token(Kind kind, int start, Value literal) {
        return new Token(kind, src.substring(start, pos), start, pos, literal);
    }
}
