package dev.steward.core.exposition;

import java.util.Objects;

/**
 * Parses the Prometheus text format 0.0.4 and OpenMetrics 1.0 text, pushing samples and metadata to a
 * {@link SampleHandler}. Stateless and thread-safe.
 *
 * <p>Like Prometheus, a malformed line rejects the whole exposition: the result is {@link ParseResult.Failed} with
 * the first bad line's number, column and text, and the caller discards the samples it already received (a scrape
 * then reports {@code up 0}). What is not checked, as in Prometheus's own parsers: that samples of a family are
 * contiguous, that histogram buckets are complete, and duplicate series across lines (the store rejects the second
 * sample of a series at the same timestamp). Not supported: quoted UTF-8 metric names ({@code {"my.metric"}}),
 * hexadecimal floats, and native histograms (they need the protobuf format).
 */
public final class ExpositionParser {
    /** Parses a response body whose format follows from its {@code Content-Type} header (null: text format). */
    public ParseResult parse(byte[] body, String contentType, SampleHandler handler) {
        return parse(body, 0, body.length, ExpositionFormat.fromContentType(contentType), handler);
    }

    public ParseResult parse(byte[] body, ExpositionFormat format, SampleHandler handler) {
        return parse(body, 0, body.length, format, handler);
    }

    /** Parses {@code body[offset, offset + length)} as UTF-8 text in the given format. */
    public ParseResult parse(byte[] body, int offset, int length, ExpositionFormat format, SampleHandler handler) {
        Objects.checkFromIndexSize(offset, length, body.length);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(handler, "handler");
        return new ParseRun(body, offset, length, format, handler).run();
    }
}
