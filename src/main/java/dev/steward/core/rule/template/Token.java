package dev.steward.core.rule.template;

import java.util.List;

/** One lexical element of a template: text between actions, or an element inside {@code {{ }}}. */
record Token(Kind kind, String text, List<String> fields, int offset) {

    enum Kind {
        TEXT,
        LEFT_DELIM,
        RIGHT_DELIM,
        IDENTIFIER,
        VARIABLE,
        FIELD,
        STRING,
        NUMBER,
        PIPE,
        LEFT_PAREN,
        RIGHT_PAREN,
        DECLARE,
        ASSIGN,
        COMMA,
        EOF
    }

    static Token of(Kind kind, String text, int offset) {
        return new Token(kind, text, List.of(), offset);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case TEXT -> "text";
            case EOF -> "end of template";
            case LEFT_DELIM -> "{{";
            case RIGHT_DELIM -> "}}";
            default -> '"' + text + '"';
        };
    }
}
