package dev.steward.core.promql.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a query into tokens. Strings are unquoted here (all three quote kinds, Go escapes); bytes of an escape that
 * do not form valid UTF-8 become lone surrogates {@code U+DC80..U+DCFF} so that they can be reported and rejected
 * later exactly as written.
 */
final class Lexer {
    private final String query;
    private int pos;
    private int bracketDepth;

    private Lexer(String query) {
        this.query = query;
    }

    static List<Token> lex(String query) throws ParseException {
        Lexer lexer = new Lexer(query);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (!t.is(TokenType.EOF));
        return tokens;
    }

    private ParseException error(int at, String reason) {
        return new ParseException(query, at, reason);
    }

    private Token next() throws ParseException {
        skipSpaceAndComments();
        int start = pos;
        if (pos >= query.length()) {
            return new Token(TokenType.EOF, "", pos, pos);
        }
        char c = query.charAt(pos);
        if (Character.isDigit(c)
                || (c == '.' && pos + 1 < query.length() && Character.isDigit(query.charAt(pos + 1)))) {
            return number(start);
        }
        if (c == ':' && bracketDepth > 0) {
            pos++;
            return new Token(TokenType.COLON, ":", start, pos);
        }
        if (isIdentStart(c)) {
            while (pos < query.length() && isIdentPart(query.charAt(pos))) {
                pos++;
            }
            return new Token(TokenType.IDENTIFIER, query.substring(start, pos), start, pos);
        }
        if (c == '"' || c == '\'' || c == '`') {
            return string(start, c);
        }
        pos++;
        TokenType type = switch (c) {
            case '(' -> TokenType.LEFT_PAREN;
            case ')' -> TokenType.RIGHT_PAREN;
            case '{' -> TokenType.LEFT_BRACE;
            case '}' -> TokenType.RIGHT_BRACE;
            case '[' -> {
                bracketDepth++;
                yield TokenType.LEFT_BRACKET;
            }
            case ']' -> {
                bracketDepth = Math.max(0, bracketDepth - 1);
                yield TokenType.RIGHT_BRACKET;
            }
            case ',' -> TokenType.COMMA;
            case ':' -> TokenType.COLON;
            case '@' -> TokenType.AT;
            case '+' -> TokenType.ADD;
            case '-' -> TokenType.SUB;
            case '*' -> TokenType.MUL;
            case '/' -> TokenType.DIV;
            case '%' -> TokenType.MOD;
            case '^' -> TokenType.POW;
            case '=' -> accept('=') ? TokenType.EQL : accept('~') ? TokenType.EQL_REGEX : TokenType.ASSIGN;
            case '!' -> {
                if (accept('=')) {
                    yield TokenType.NEQ;
                }
                if (accept('~')) {
                    yield TokenType.NEQ_REGEX;
                }
                throw error(start, "unexpected character after '!': " + describeNext());
            }
            case '<' -> accept('=') ? TokenType.LTE : TokenType.LSS;
            case '>' -> accept('=') ? TokenType.GTE : TokenType.GTR;
            default -> throw error(start, "unexpected character: '" + c + "'");
        };
        return new Token(type, query.substring(start, pos), start, pos);
    }

    private String describeNext() {
        return pos < query.length() ? "'" + query.charAt(pos) + "'" : "end of input";
    }

    private boolean accept(char c) {
        if (pos < query.length() && query.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpaceAndComments() {
        while (pos < query.length()) {
            char c = query.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                while (pos < query.length() && query.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }

    private Token number(int start) throws ParseException {
        if (query.startsWith("0x", pos) || query.startsWith("0X", pos)) {
            pos += 2;
            while (pos < query.length() && Character.digit(query.charAt(pos), 16) >= 0) {
                pos++;
            }
            return finishNumber(start, TokenType.NUMBER);
        }
        while (pos < query.length() && Character.isDigit(query.charAt(pos))) {
            pos++;
        }
        if (pos < query.length() && Durations.isUnitStart(query, pos)) {
            while (pos < query.length()
                    && (Character.isDigit(query.charAt(pos)) || Durations.isUnitStart(query, pos))) {
                pos += Durations.isUnitStart(query, pos) && query.startsWith("ms", pos) ? 2 : 1;
            }
            return finishNumber(start, TokenType.DURATION);
        }
        if (accept('.')) {
            while (pos < query.length() && Character.isDigit(query.charAt(pos))) {
                pos++;
            }
        }
        if (pos < query.length() && (query.charAt(pos) == 'e' || query.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < query.length() && (query.charAt(pos) == '+' || query.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < query.length() && Character.isDigit(query.charAt(pos))) {
                while (pos < query.length() && Character.isDigit(query.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        return finishNumber(start, TokenType.NUMBER);
    }

    private Token finishNumber(int start, TokenType type) throws ParseException {
        if (pos < query.length() && isIdentPart(query.charAt(pos)) && query.charAt(pos) != ':') {
            while (pos < query.length() && isIdentPart(query.charAt(pos))) {
                pos++;
            }
            throw error(start, "bad number or duration syntax: \"" + query.substring(start, pos) + "\"");
        }
        return new Token(type, query.substring(start, pos), start, pos);
    }

    private Token string(int start, char quote) throws ParseException {
        pos++;
        if (quote == '`') {
            int close = query.indexOf('`', pos);
            if (close < 0) {
                throw error(start, "unterminated raw string");
            }
            String text = query.substring(pos, close);
            pos = close + 1;
            return new Token(TokenType.STRING, text, start, pos);
        }
        ByteBuffer bytes = new ByteBuffer();
        while (true) {
            if (pos >= query.length() || query.charAt(pos) == '\n') {
                throw error(start, "unterminated quoted string");
            }
            char c = query.charAt(pos);
            if (c == quote) {
                pos++;
                return new Token(TokenType.STRING, Utf8.decode(bytes.toByteArray()), start, pos);
            }
            if (c == '\\') {
                escape(bytes, quote);
            } else {
                int cp = query.codePointAt(pos);
                pos += Character.charCount(cp);
                bytes.writeBytes(new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    private void escape(ByteBuffer bytes, char quote) throws ParseException {
        int at = pos;
        pos++;
        if (pos >= query.length()) {
            throw error(at, "escape sequence not terminated");
        }
        char c = query.charAt(pos++);
        switch (c) {
            case 'a' -> bytes.write(7);
            case 'b' -> bytes.write(8);
            case 'f' -> bytes.write(12);
            case 'n' -> bytes.write(10);
            case 'r' -> bytes.write(13);
            case 't' -> bytes.write(9);
            case 'v' -> bytes.write(11);
            case '\\' -> bytes.write('\\');
            case 'x' -> bytes.write(hex(at, 2));
            case 'u' -> writeCodePoint(bytes, at, hex(at, 4));
            case 'U' -> writeCodePoint(bytes, at, hex(at, 8));
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                int v = c - '0';
                for (int i = 0; i < 2; i++) {
                    if (pos >= query.length() || query.charAt(pos) < '0' || query.charAt(pos) > '7') {
                        throw error(at, "invalid octal escape sequence");
                    }
                    v = v * 8 + (query.charAt(pos++) - '0');
                }
                if (v > 255) {
                    throw error(at, "octal escape value > 255: " + v);
                }
                bytes.write(v);
            }
            default -> {
                if (c == quote) {
                    bytes.write(c);
                } else {
                    throw error(at, "unknown escape sequence \\" + c);
                }
            }
        }
    }

    private void writeCodePoint(ByteBuffer bytes, int at, int cp) throws ParseException {
        if (cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp < 0xE000)) {
            throw error(at, "escape sequence is an invalid Unicode code point");
        }
        bytes.writeBytes(new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private int hex(int at, int digits) throws ParseException {
        int v = 0;
        for (int i = 0; i < digits; i++) {
            int d = pos < query.length() ? Character.digit(query.charAt(pos), 16) : -1;
            if (d < 0) {
                throw error(at, "invalid escape sequence: expected " + digits + " hex digits");
            }
            v = v * 16 + d;
            pos++;
        }
        return v;
    }

    /** A growable byte array (java.io is kept out of the core). */
    private static final class ByteBuffer {
        private byte[] b = new byte[32];
        private int n;

        void write(int v) {
            if (n == b.length) {
                b = java.util.Arrays.copyOf(b, n * 2);
            }
            b[n++] = (byte) v;
        }

        void writeBytes(byte[] more) {
            for (byte x : more) {
                write(x);
            }
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(b, n);
        }
    }
}
