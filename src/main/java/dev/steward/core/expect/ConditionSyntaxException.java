package dev.steward.core.expect;

/**
 * An {@code expect} condition that does not parse. {@link #position()} is the 0-based offset of the offending
 * character in the condition text, so a caller that knows where the text came from (a line of a stack file) can point
 * at it.
 */
public final class ConditionSyntaxException extends RuntimeException {
    private final int position;
    private final String expected;
    private final String found;

    public ConditionSyntaxException(int position, String expected, String found) {
        super("at column " + (position + 1) + ": expected " + expected + ", found " + found);
        this.position = position;
        this.expected = expected;
        this.found = found;
    }

    /** 0-based character offset in the condition text. */
    public int position() {
        return position;
    }

    /** What the parser expected there ({@code a value after '=='}). */
    public String expected() {
        return expected;
    }

    /** What it found instead ({@code end of input}, {@code 'and'}). */
    public String found() {
        return found;
    }
}
