package dev.steward.notify;

import dev.steward.stackfile.ConfigError;
import java.util.List;

/**
 * A value built from configuration, or every error found while building it: the caller reports all of them at once
 * instead of the first one thrown.
 */
public sealed interface Configured<T> {
    record Valid<T>(T value) implements Configured<T> {}

    record Invalid<T>(List<ConfigError> errors) implements Configured<T> {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    static <T> Configured<T> of(T value, List<ConfigError> errors) {
        return errors.isEmpty() ? new Valid<>(value) : new Invalid<>(errors);
    }

    /** The errors, empty when valid. */
    default List<ConfigError> errors() {
        return switch (this) {
            case Valid<T> v -> List.of();
            case Invalid<T> i -> i.errors;
        };
    }
}
