package dev.steward.core.promql.parse;

/**
 * UTF-8 decoding that keeps invalid bytes: each byte that is not part of a valid sequence becomes the lone surrogate
 * {@code U+DC00 + byte}, so a label name such as {@code "a\xc5z"} can be rejected and printed as written.
 */
public final class Utf8 {
    private Utf8() {}

    static String decode(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int len = c < 0x80
                    ? 1
                    : c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
            int cp = len == 1 ? c : len == 2 ? c & 0x1f : len == 3 ? c & 0x0f : c & 0x07;
            boolean ok = len > 0 && i + len <= b.length;
            for (int k = 1; ok && k < len; k++) {
                int cc = b[i + k] & 0xff;
                ok = (cc & 0xC0) == 0x80;
                cp = (cp << 6) | (cc & 0x3f);
            }
            ok = ok
                    && !(len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp < 0xE000)))
                    && !(len == 4 && (cp < 0x10000 || cp > 0x10FFFF));
            if (ok) {
                sb.appendCodePoint(cp);
                i += len;
            } else {
                sb.append((char) (0xDC00 + c));
                i++;
            }
        }
        return sb.toString();
    }

    /** Whether the string holds only valid characters (no byte kept from invalid UTF-8, no lone surrogate). */
    public static boolean isValid(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            }
        }
        return true;
    }

    /** Go's {@code %q} rendering: quoted, with invalid bytes as {@code \xNN}. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0xDC80 && c <= 0xDCFF && !(i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                sb.append(String.format("\\x%02x", c - 0xDC00));
            } else if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
