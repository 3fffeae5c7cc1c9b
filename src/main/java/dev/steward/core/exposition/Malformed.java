package dev.steward.core.exposition;

/**
 * Thrown inside a parse at the first bad byte and turned into a {@link ParseError} value before the parse returns;
 * it never leaves this package. Carries no stack trace: it is a control-flow exit, not a bug report.
 */
final class Malformed extends RuntimeException {
    final int offset;

    Malformed(int offset, String message) {
        super(message, null, false, false);
        this.offset = offset;
    }
}
