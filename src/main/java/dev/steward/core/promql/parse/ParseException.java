package dev.steward.core.promql.parse;

import dev.steward.core.promql.PromQLException;

/**
 * A query that is not valid PromQL. The message starts with {@code line:column: parse error:} like Prometheus's, and
 * {@link #position()} is the zero-based offset of the offending text in the query.
 */
public final class ParseException extends PromQLException {
    private final int position;
    private final String reason;

    public ParseException(String query, int position, String reason) {
        super(lineColumn(query, position) + ": parse error: " + reason);
        this.position = position;
        this.reason = reason;
    }

    /** Zero-based character offset of the error in the query. */
    public int position() {
        return position;
    }

    /** The message without the position prefix. */
    public String reason() {
        return reason;
    }

    static String lineColumn(String query, int position) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(position, query.length()); i++) {
            if (query.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return line + ":" + (position - lineStart + 1);
    }
}
