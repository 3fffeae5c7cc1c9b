package dev.steward.core.exposition;

/**
 * Why an exposition could not be parsed, and where.
 *
 * @param line 1-based line number
 * @param column 1-based byte offset in the line where the problem starts
 * @param message what was wrong: what was found and what was expected
 * @param excerpt the offending line, cut to 160 characters
 */
public record ParseError(int line, int column, String message, String excerpt) {
    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message + " in: " + excerpt;
    }
}
