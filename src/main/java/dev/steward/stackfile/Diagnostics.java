package dev.steward.stackfile;

import dev.steward.stackfile.YamlNode.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Collects the errors of one load, so that every problem is reported, not only the first. */
final class Diagnostics {
    private final String file;
    private final List<ConfigError> errors = new ArrayList<>();

    Diagnostics(String file) {
        this.file = file;
    }

    /** Records an error; {@code seen} and {@code expected} may be null. */
    void add(Position at, String path, String message, String seen, String expected) {
        errors.add(new ConfigError(
                file, at.line(), at.column(), path, message, Optional.ofNullable(seen), Optional.ofNullable(expected)));
    }

    void add(YamlNode at, String path, String message, String seen, String expected) {
        add(at.start(), path, message, seen, expected);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int count() {
        return errors.size();
    }

    /** The errors in file order; errors without a position (line 0) come last. */
    List<ConfigError> sorted() {
        List<ConfigError> out = new ArrayList<>(errors);
        out.sort(Comparator.comparingInt((ConfigError e) -> e.line() == 0 ? Integer.MAX_VALUE : e.line())
                .thenComparingInt(ConfigError::column));
        return List.copyOf(out);
    }
}
