package dev.steward.core.expect;

/** One lexical token of a condition; {@code start} and {@code end} are offsets into the condition text. */
record Token(Kind kind, String text, int start, int end, Value literal) {

    enum Kind {
        IDENT,
        NUMBER,
        DURATION,
        SIZE,
        STRING,
        OPERATOR,
        LPAREN,
        RPAREN,
        LBRACKET,
        RBRACKET,
        COMMA,
        DOT,
        END
    }

    boolean is(Kind k) {
        return kind == k;
    }

    /** True for an identifier spelled {@code word}, ignoring case (keywords are case-insensitive). */
    boolean isWord(String word) {
        return kind == Kind.IDENT && text.equalsIgnoreCase(word);
    }

    /** How the token is named in a syntax error. */
    String describe() {
        return kind == Kind.END ? "end of input" : "'" + text + "'";
    }
}
