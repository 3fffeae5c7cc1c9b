package dev.steward.stackfile;

import dev.steward.core.rule.RuleGroup;
import java.util.List;

/** The outcome of loading rule files: their groups, or every error found. */
public sealed interface RuleFileResult {

    record Loaded(List<RuleGroup> groups) implements RuleFileResult {
        public Loaded {
            groups = List.copyOf(groups);
        }
    }

    /** Never empty; sorted by file, line and column. */
    record Invalid(List<ConfigError> errors) implements RuleFileResult {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one error");
            }
        }
    }
}
