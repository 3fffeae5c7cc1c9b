package dev.steward.core.rule.template;

/** A template that does not parse; only thrown inside this package and turned into {@link TemplateParse.Invalid}. */
final class TemplateSyntaxException extends RuntimeException {
    private final int offset;

    TemplateSyntaxException(String message, int offset) {
        super(message, null, false, false);
        this.offset = offset;
    }

    int offset() {
        return offset;
    }
}
