package dev.steward.core.promql.parse;

/** One lexed token: its kind, its text (unquoted for strings) and where it starts and ends in the query. */
record Token(TokenType type, String text, int start, int end) {
    boolean is(TokenType t) {
        return type == t;
    }

    /** Whether this is the identifier {@code word}, compared without case as PromQL keywords are. */
    boolean isWord(String word) {
        return type == TokenType.IDENTIFIER && text.equalsIgnoreCase(word);
    }

    String describe() {
        return switch (type) {
            case IDENTIFIER -> "identifier \"" + text + "\"";
            case NUMBER -> "number \"" + text + "\"";
            case DURATION -> "duration \"" + text + "\"";
            case STRING -> "string";
            default -> type.description();
        };
    }
}
