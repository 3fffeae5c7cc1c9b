package dev.steward.core.promql.parse;

/** The kinds of token of the PromQL lexer. */
enum TokenType {
    IDENTIFIER("identifier"),
    NUMBER("number"),
    DURATION("duration"),
    STRING("string"),
    LEFT_PAREN("\"(\""),
    RIGHT_PAREN("\")\""),
    LEFT_BRACE("\"{\""),
    RIGHT_BRACE("\"}\""),
    LEFT_BRACKET("\"[\""),
    RIGHT_BRACKET("\"]\""),
    COMMA("\",\""),
    COLON("\":\""),
    AT("\"@\""),
    ASSIGN("\"=\""),
    EQL("\"==\""),
    NEQ("\"!=\""),
    EQL_REGEX("\"=~\""),
    NEQ_REGEX("\"!~\""),
    LSS("\"<\""),
    LTE("\"<=\""),
    GTR("\">\""),
    GTE("\">=\""),
    ADD("\"+\""),
    SUB("\"-\""),
    MUL("\"*\""),
    DIV("\"/\""),
    MOD("\"%\""),
    POW("\"^\""),
    EOF("end of input");

    private final String description;

    TokenType(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
