package dev.steward.core.exposition;

import static dev.steward.core.exposition.NumberSyntax.isDigit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over the bytes of an exposition and the lexical pieces both formats share: blanks, names, tokens, quoted
 * and escaped strings, the end of a line. Reads byte by byte with no regular expression and no per-character
 * allocation; strings are created once per name and value (ASCII without escapes is copied straight, anything else
 * decoded as strict UTF-8). {@link ParseRun} holds the grammar on top.
 */
abstract class ByteCursor {
    final byte[] b;
    final int end;
    final boolean openMetrics;
    int pos;

    ByteCursor(byte[] b, int offset, int length, boolean openMetrics) {
        this.b = b;
        this.pos = offset;
        this.end = offset + length;
        this.openMetrics = openMetrics;
    }

    String quotedValue(String labelName) {
        int start = pos;
        boolean plain = true;
        while (pos < end) {
            byte c = b[pos];
            if (c == '"') {
                String v = plain ? ascii(start, pos) : unescape(start, pos, true, "value of label " + labelName);
                pos++;
                return v;
            }
            if (c == '\n') {
                break;
            }
            if (c == '\\') {
                plain = false;
                pos++;
            } else if (c < 0) {
                plain = false;
            }
            pos++;
        }
        throw new Malformed(start - 1, "the value of label \"" + labelName + "\" has no closing quote");
    }

    String unescape(int start, int stop, boolean quotes, String what) {
        byte[] out = new byte[stop - start];
        int n = 0;
        for (int i = start; i < stop; i++) {
            byte c = b[i];
            if (c == '\\' && i + 1 < stop) {
                byte e = b[i + 1];
                if (e == '\\' || e == 'n' || (quotes && e == '"')) {
                    out[n++] = e == 'n' ? (byte) '\n' : e;
                    i++;
                    continue;
                }
            }
            out[n++] = c;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(out, 0, n))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Malformed(start, "invalid UTF-8 in " + what);
        }
    }

    void scanMetricName() {
        if (pos < end && (isLetter(b[pos]) || b[pos] == '_' || b[pos] == ':')) {
            pos++;
            while (pos < end && (isLetter(b[pos]) || isDigit(b[pos]) || b[pos] == '_' || b[pos] == ':')) {
                pos++;
            }
        }
    }

    void scanLabelName() {
        if (pos < end && (isLetter(b[pos]) || b[pos] == '_')) {
            pos++;
            while (pos < end && (isLetter(b[pos]) || isDigit(b[pos]) || b[pos] == '_')) {
                pos++;
            }
        }
    }

    void scanToken() {
        while (pos < end && b[pos] != '\n' && !isBlank(pos)) {
            pos++;
        }
    }

    static boolean isLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    boolean isBlank(int i) {
        return i < end && (b[i] == ' ' || (!openMetrics && b[i] == '\t'));
    }

    void skipBlanks() {
        while (isBlank(pos)) {
            pos++;
        }
    }

    void skipSeparator() {
        if (openMetrics) {
            pos++;
        } else {
            skipBlanks();
        }
    }

    void requireBlank(String before) {
        if (!isBlank(pos)) {
            throw new Malformed(
                    pos,
                    "expected " + (openMetrics ? "a space" : "a blank") + " before " + before + ", found "
                            + describe(pos));
        }
        skipSeparator();
    }

    void expect(char c, String what) {
        if (pos >= end || b[pos] != c) {
            throw new Malformed(pos, "expected " + what + ", found " + describe(pos));
        }
        pos++;
    }

    void endOfLine() {
        if (!openMetrics) {
            skipBlanks();
            if (pos < end && b[pos] == '\r' && pos + 1 < end && b[pos + 1] == '\n') {
                pos++;
            }
        }
        if (pos < end && b[pos] != '\n') {
            throw new Malformed(pos, "expected the end of the line, found " + describe(pos));
        }
        pos = Math.min(pos + 1, end);
    }

    int lineEnd() {
        int i = pos;
        while (i < end && b[i] != '\n') {
            i++;
        }
        return i;
    }

    void skipLine() {
        pos = lineEnd() + 1;
    }

    String ascii(int start, int stop) {
        return new String(b, start, stop - start, StandardCharsets.ISO_8859_1);
    }

    String describe(int i) {
        if (i >= end) {
            return "the end of the input";
        }
        byte c = b[i];
        if (c == '\n') {
            return "the end of the line";
        }
        if (c >= 0x20 && c < 0x7f) {
            return "'" + (char) c + "'";
        }
        return String.format("byte 0x%02x", c & 0xff);
    }
}
