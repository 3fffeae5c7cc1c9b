package dev.steward.core.exposition;

/** The outcome of one parse: every line was good, or the first bad one (the whole exposition is then rejected). */
public sealed interface ParseResult {
    /** Every line parsed; {@code samples} were pushed to the handler. */
    record Parsed(int samples) implements ParseResult {}

    /** A line was malformed; the samples pushed before it must be discarded by the caller. */
    record Failed(ParseError error) implements ParseResult {}
}
