package dev.steward.stackfile;

import java.util.Optional;

/**
 * One problem in a stack file.
 *
 * @param file the file name as given to the loader
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column (in characters), 0 when unknown
 * @param path where in the document: {@code services.api.checks[0].interval}; empty for the whole file
 * @param message what is wrong ({@code invalid duration})
 * @param seen the value found, rendered ({@code "30 seconds"}, {@code a list}); for a field holding references, as
 *     written ({@code "Bearer ${env:TOKEN}"}), never the resolved secret
 * @param expected what would have been accepted
 */
public record ConfigError(
        String file,
        int line,
        int column,
        String path,
        String message,
        Optional<String> seen,
        Optional<String> expected) {

    /**
     * One line for a terminal: {@code stack.yml:12:19: services.api.checks[0].interval: invalid duration "30 seconds";
     * expected a duration such as 30s, 5m, 1h30m}.
     */
    public String format() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        b.append(": ");
        if (!path.isEmpty()) {
            b.append(path).append(": ");
        }
        b.append(message);
        seen.ifPresent(s -> b.append(' ').append(s));
        expected.ifPresent(e -> b.append("; expected ").append(e));
        return b.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
