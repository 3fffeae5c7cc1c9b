package dev.steward.stackfile;

import dev.steward.core.config.StackConfig;
import java.util.List;

/** The outcome of loading a stack file: the validated model, or every error found. */
public sealed interface LoadResult {

    record Loaded(StackConfig config) implements LoadResult {}

    /** Never empty; sorted by line and column, errors without a position last. */
    record Invalid(List<ConfigError> errors) implements LoadResult {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one error");
            }
        }
    }
}
